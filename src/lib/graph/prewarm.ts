import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentEntry } from '../schema.ts';
import { agentsWithNeighbours } from '../routing/static-paths.ts';
import { runInWorkers, poolThreads, workerFileAvailable, YOUNG_HEAP_MB } from '../worker-pool.ts';
import { cacheKey, DEFAULT_GRAPH_CACHE_DIR } from './cache.ts';
import type { GraphInput } from './layout.ts';
import type { LayoutJob } from './layout-worker.ts';
import { agentGraphInput, catalogGraphInputs, layoutKeyInput } from './views.ts';

/**
 * Lays out, before the pages render, every graph the pages will show (each agent's
 * neighbourhood, each collection, the overview) that the graph cache does not hold yet, on
 * worker threads. Page rendering is single-threaded and a large collection graph takes dagre
 * seconds, so doing them here, two at a time, and leaving the pages only cache reads is the
 * difference between one core and two. The inputs come from the same functions the pages use
 * (`views.ts`), so the cache keys agree; a graph missed here is still laid out by its page.
 */

/** What {@link prewarmGraphLayouts} did. */
export interface PrewarmStats {
  graphs: number;
  laidOut: number;
  threads: number;
  ms: number;
}

const WORKER_URL = new URL('./layout-worker.ts', import.meta.url);
/**
 * Heap of a layout thread at most. The threads run beside the page rendering, when the build
 * holds the most memory; left unbounded, V8 lets each heap grow to hundreds of MB of garbage
 * before collecting. A graph that needs more fails its thread, and the pages lay it out.
 */
const LAYOUT_HEAP_MB = 256;
/** Below this many graphs to lay out, the pages do it themselves (threads take time to start). */
const MIN_GRAPHS = 8;

/** Every layout input of the site, link-free (as cached), without repeats. */
export function siteGraphInputs(agents: readonly AgentEntry[]): GraphInput[] {
  const { names, overview, inputs } = catalogGraphInputs(agents, (slug) => slug);
  const all = names.length > 1 ? [overview, ...inputs] : [...inputs];
  for (const { agent, incoming, neighbours } of agentsWithNeighbours(agents)) {
    const input = agentGraphInput(agent, incoming, neighbours);
    if (input) all.push(input);
  }
  const byKey = new Map(all.map((input) => {
    const bare = layoutKeyInput(input);
    return [cacheKey({ layout: bare }), bare] as const;
  }));
  return [...byKey.values()];
}

/** Lays out the site's uncached graphs on worker threads, largest first. */
export async function prewarmGraphLayouts(agents: readonly AgentEntry[], cacheDir: string = DEFAULT_GRAPH_CACHE_DIR): Promise<PrewarmStats> {
  const started = performance.now();
  const inputs = siteGraphInputs(agents);
  const missing = inputs
    .filter((input) => !existsSync(join(cacheDir, `${cacheKey({ layout: input })}.json`)))
    .sort((a, b) => b.nodes.length + b.edges.length - (a.nodes.length + a.edges.length));
  const pooled = missing.length >= MIN_GRAPHS && workerFileAvailable(WORKER_URL);
  if (pooled) {
    const jobs = missing.map((input) => ({ input, cacheDir }));
    await runInWorkers<LayoutJob, boolean>(WORKER_URL, jobs, { maxHeapMb: LAYOUT_HEAP_MB, youngHeapMb: YOUNG_HEAP_MB });
  }
  return {
    graphs: inputs.length,
    laidOut: pooled ? missing.length : 0,
    threads: pooled ? poolThreads() : 0,
    ms: Math.round(performance.now() - started),
  };
}
