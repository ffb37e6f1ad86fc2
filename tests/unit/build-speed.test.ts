import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../scripts/bench/generate.ts';
import { buildCatalog, type Catalog } from '../../src/lib/catalog/build-catalog.ts';
import { cacheKey, cachedSvg } from '../../src/lib/graph/cache.ts';
import { prewarmGraphLayouts, siteGraphInputGroups } from '../../src/lib/graph/prewarm.ts';
import { agentGraphInput, layoutKeyInput } from '../../src/lib/graph/views.ts';
import { localizedAgentPaths } from '../../src/lib/routing/static-paths.ts';

/**
 * The speed work must not change results: the catalog computed on worker threads equals the
 * one computed in-process, and graph layouts prepared on worker threads are the ones the pages
 * look up (same cache keys, one layout shared by the three locales).
 */

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let inProcess: Catalog;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-speed-'));
  await generateCatalog(root, path.join(dir, 'agents'), 60, 10);
  process.env.AGENT_ATLAS_WORKERS = '0';
  inProcess = await buildCatalog({ agentsDir: path.join(dir, 'agents'), cacheDir: false });
  delete process.env.AGENT_ATLAS_WORKERS;
}, 240_000);

afterAll(async () => {
  delete process.env.AGENT_ATLAS_WORKERS;
  await rm(dir, { recursive: true, force: true });
});

describe('the catalog on worker threads', () => {
  it('gives the same catalog as in-process processing, and caches it', async () => {
    expect(inProcess.cache.threads).toBeUndefined();
    const cacheDir = path.join(dir, 'cache');
    const pooled = await buildCatalog({ agentsDir: path.join(dir, 'agents'), cacheDir });
    expect(pooled.cache.threads).toBeGreaterThan(0);
    expect(pooled.cache).toMatchObject({ hits: 0, misses: 60 });
    expect(JSON.parse(JSON.stringify(pooled.agents))).toEqual(JSON.parse(JSON.stringify(inProcess.agents)));
    expect(pooled.problems).toEqual(inProcess.problems);
    expect(pooled.searchHtml).toEqual(inProcess.searchHtml);
    expect(pooled.searchHtml.size).toBe(60);
    // The worker's JSON text went to the cache as is: the next build reads every file from it.
    const again = await buildCatalog({ agentsDir: path.join(dir, 'agents'), cacheDir });
    expect(again.cache).toEqual({ hits: 60, misses: 0 });
    expect(JSON.parse(JSON.stringify(again.agents))).toEqual(JSON.parse(JSON.stringify(inProcess.agents)));
    expect(again.searchHtml).toEqual(inProcess.searchHtml);
  }, 240_000);
});

describe('graph layouts prepared before rendering', () => {
  it('do not depend on links, so the locales share one layout', () => {
    const agent = inProcess.agents.find((a) => a.outgoing.length > 0)!;
    const input = agentGraphInput(agent, [], [])!;
    const relinked = { ...input, nodes: input.nodes.map((n) => (n.href ? { ...n, href: `/zh-hant/${n.href}` } : n)) };
    expect(layoutKeyInput(relinked)).toEqual(layoutKeyInput(input));
    expect(layoutKeyInput(input).nodes.some((n) => 'href' in n)).toBe(false);
  });

  it('fill the cache with the layouts the pages look up, the agent pages\' first', async () => {
    const cacheDir = path.join(dir, 'graph');
    const prewarm = prewarmGraphLayouts(inProcess.agents, cacheDir);
    // When the agent pages stop waiting, every graph they draw is in the cache.
    await prewarm.agentPages;
    const groups = siteGraphInputGroups(inProcess.agents);
    const cached = (input: (typeof groups.agentPages)[number]) => existsSync(path.join(cacheDir, `${cacheKey({ layout: input })}.json`));
    expect(groups.agentPages.length).toBeGreaterThan(0);
    expect(groups.agentPages.filter((input) => !cached(input))).toEqual([]);
    const stats = await prewarm.done;
    expect(groups.graphPage.filter((input) => !cached(input))).toEqual([]);
    const inputs = [...groups.agentPages, ...groups.graphPage];
    expect(stats.graphs).toBe(inputs.length);
    expect(stats.laidOut).toBe(inputs.length);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.json'))).toHaveLength(inputs.length);
    // What an agent page asks for (with its links) is served from the cache, never laid out again.
    for (const path of localizedAgentPaths(inProcess.agents).slice(inProcess.agents.length)) {
      const input = agentGraphInput(path.props.agent, path.props.incoming, path.props.neighbours);
      if (!input) continue;
      const value = cachedSvg({ layout: layoutKeyInput(input) }, () => {
        throw new Error(`laid out again: ${path.props.agent.slug}`);
      }, cacheDir);
      expect(JSON.parse(value).nodes.length).toBe(input.nodes.length);
    }
    // A second run finds everything cached.
    expect((await prewarmGraphLayouts(inProcess.agents, cacheDir).done).laidOut).toBe(0);
  }, 240_000);
});
