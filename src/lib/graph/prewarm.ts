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

/**
 * Every layout input of the site, link-free (as cached), without repeats, in two groups: the
 * agent pages' neighbourhood graphs, and the graph page's (the overview and each collection).
 */
export function siteGraphInputGroups(agents: readonly AgentEntry[]): { agentPages: GraphInput[]; graphPage: GraphInput[] } {
  const { names, overview, inputs } = catalogGraphInputs(agents, (slug) => slug);
  const agentPages: GraphInput[] = [];
  for (const { agent, incoming, neighbours } of agentsWithNeighbours(agents)) {
    const input = agentGraphInput(agent, incoming, neighbours);
    if (input) agentPages.push(input);
  }
  const seen = new Set<string>();
  const unique = (list: readonly GraphInput[]) =>
    list.map(layoutKeyInput).filter((bare) => {
      const key = cacheKey({ layout: bare });
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // The agent pages' group first: a graph both groups need is ready for the agent pages.
  return { agentPages: unique(agentPages), graphPage: unique(names.length > 1 ? [overview, ...inputs] : inputs) };
}

/** A prewarm under way: {@link prewarmGraphLayouts}. */
export interface Prewarm {
  /**
   * Settles when the agent pages' graphs are in the cache (or the prewarm failed: the pages
   * then lay out what is missing themselves).
   */
  agentPages: Promise<void>;
  /** Settles when every graph is in the cache, with what was done. */
  done: Promise<PrewarmStats>;
}

const bySize = (a: GraphInput, b: GraphInput) => b.nodes.length + b.edges.length - (a.nodes.length + a.edges.length);

/**
 * Lays out the site's uncached graphs on worker threads: the agent pages' first (each group
 * largest first), so those pages need not wait for the graph page's, which are few but take
 * most of the time (a thousand-agent catalog's overview and collection graphs: about two
 * thirds of it) and are drawn by the three graph pages alone.
 */
export function prewarmGraphLayouts(agents: readonly AgentEntry[], cacheDir: string = DEFAULT_GRAPH_CACHE_DIR): Prewarm {
  const started = performance.now();
  let agentPagesDone!: () => void;
  const agentPages = new Promise<void>((resolve) => (agentPagesDone = resolve));
  const done = (async (): Promise<PrewarmStats> => {
    const groups = siteGraphInputGroups(agents);
    const uncached = (inputs: readonly GraphInput[]) => inputs.filter((input) => !existsSync(join(cacheDir, `${cacheKey({ layout: input })}.json`))).sort(bySize);
    const first = uncached(groups.agentPages);
    const missing = [...first, ...uncached(groups.graphPage)];
    const pooled = missing.length >= MIN_GRAPHS && workerFileAvailable(WORKER_URL);
    if (pooled) {
      // The agent pages' jobs are the first ones: their wait ends when the last of them is done.
      let waiting = first.length;
      if (!waiting) agentPagesDone();
      const jobs = missing.map((input) => ({ input, cacheDir }));
      const onResult = (index: number) => {
        if (index < first.length && --waiting === 0) agentPagesDone();
      };
      await runInWorkers<LayoutJob, boolean>(WORKER_URL, jobs, { maxHeapMb: LAYOUT_HEAP_MB, youngHeapMb: YOUNG_HEAP_MB, onResult });
    }
    agentPagesDone();
    return {
      graphs: groups.agentPages.length + groups.graphPage.length,
      laidOut: pooled ? missing.length : 0,
      threads: pooled ? poolThreads() : 0,
      ms: Math.round(performance.now() - started),
    };
  })();
  // A failed prewarm leaves the agent pages to lay out what is missing: they stop waiting.
  done.catch(() => agentPagesDone());
  return { agentPages, done };
}
