import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { publishAgents, splitAgent } from '../../src/lib/catalog/agent-bodies.ts';
import { agentPageKey, keyedByProps, pageCacheKey } from '../../src/lib/routing/cache-keys.ts';
import { localizedAgentPaths } from '../../src/lib/routing/static-paths.ts';

describe('incremental build cache keys', async () => {
  // The end-to-end fixture catalog has a hand-off between two of its agents.
  const catalog = await buildCatalog({ agentsDir: 'tests/fixtures/e2e-agents', cacheDir: false });
  const entries = catalog.agents.map((a) => splitAgent(a).entry);

  it('are stable for equal data and change with any of it', () => {
    expect(pageCacheKey({ a: 1 }, 'x')).toBe(pageCacheKey({ a: 1 }, 'x'));
    expect(pageCacheKey({ a: 1 }, 'x')).not.toBe(pageCacheKey({ a: 2 }, 'x'));
    expect(pageCacheKey({ a: 1 }, 'x')).not.toBe(pageCacheKey({ a: 1 }, 'y'));
    const [path] = keyedByProps([{ params: { slug: 's' }, props: { title: 'T' } }]);
    expect(path.cacheKey).toBe(pageCacheKey({ title: 'T' }));
  });

  it('key each agent page on the agent and its neighbours, the same in every locale', () => {
    // The key the agent pages use, with the catalog published as the build does.
    const holder = {};
    publishAgents(catalog.agents, holder);
    const key = (agent: (typeof entries)[number], neighbours: unknown) => agentPageKey(agent, neighbours, holder);
    const paths = localizedAgentPaths(entries, key);
    expect(paths).toHaveLength(entries.length * 3);
    const bySlug = Map.groupBy(paths, (p) => p.props.agent.slug);
    for (const group of bySlug.values()) expect(new Set(group.map((p) => p.cacheKey)).size).toBe(1);

    // Renaming a neighbour changes the key of the pages that name it, and only those.
    const target = entries.find((e) => e.incoming.length)!;
    const renamed = entries.map((e) => (e.slug === target.slug ? { ...e, name: `${e.name}-renamed` } : e));
    const after = new Map(localizedAgentPaths(renamed, key).map((p) => [`${p.params.locale}/${p.params.slug}`, p.cacheKey]));
    const neighbours = new Set(target.incoming.map((e) => e.from));
    for (const p of paths) {
      const changed = after.get(`${p.params.locale}/${p.params.slug}`) !== p.cacheKey;
      expect([p.props.agent.slug, changed]).toEqual([p.props.agent.slug, neighbours.has(p.props.agent.slug) || p.props.agent.slug === target.slug]);
    }
    expect(localizedAgentPaths(entries)[0]).not.toHaveProperty('cacheKey');

    // An edited body (not in the entry) changes its agent's key.
    const edited = catalog.agents.map((a) => (a.slug === target.slug ? { ...a, raw: `${a.raw}\nedited` } : a));
    const editedHolder = {};
    publishAgents(edited, editedHolder);
    const [one] = entries.filter((e) => e.slug === target.slug);
    expect(agentPageKey(one, [], editedHolder)).not.toBe(agentPageKey(one, [], holder));
  });
});
