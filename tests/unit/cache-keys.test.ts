import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { publishAgents, splitAgent } from '../../src/lib/catalog/agent-bodies.ts';
import { agentPageKey, keyedByProps, pageCacheKey } from '../../src/lib/routing/cache-keys.ts';
import { agentsWithNeighbours, catalogPagePaths, localizedAgentPaths } from '../../src/lib/routing/static-paths.ts';

describe('incremental build cache keys', async () => {
  // The end-to-end fixture catalog has a hand-off between two of its agents.
  const catalog = await buildCatalog({ agentsDir: 'tests/fixtures/e2e-agents', cacheDir: false });
  const entries = catalog.agents.map((a) => splitAgent(a).entry);

  it('give each agent page the edges into it, as the catalog resolved them, from the stored entries', async () => {
    const seeds = await buildCatalog({ agentsDir: 'agents', cacheDir: false });
    for (const agents of [catalog.agents, seeds.agents]) {
      const pages = agentsWithNeighbours(agents.map((a) => splitAgent(a).entry));
      expect(pages.map((p) => [p.agent.slug, p.incoming])).toEqual(agents.map((a) => [a.slug, a.incoming]));
      // Each edge in is written in its source's language.
      const langOf = new Map(agents.map((a) => [a.slug, a.sourceLang]));
      for (const p of pages) expect(p.incomingLangs).toEqual(Object.fromEntries(p.incoming.map((e) => [e.from, langOf.get(e.from)])));
    }
    expect(catalog.agents.some((a) => a.incoming.length)).toBe(true);
  });

  it('are stable for equal data and change with any of it', () => {
    expect(pageCacheKey({ a: 1 }, 'x')).toBe(pageCacheKey({ a: 1 }, 'x'));
    expect(pageCacheKey({ a: 1 }, 'x')).not.toBe(pageCacheKey({ a: 2 }, 'x'));
    expect(pageCacheKey({ a: 1 }, 'x')).not.toBe(pageCacheKey({ a: 1 }, 'y'));
    const [path] = keyedByProps([{ params: { slug: 's' }, props: { title: 'T' } }]);
    expect(path.cacheKey).toBe(pageCacheKey({ title: 'T' }));
  });

  it('key each agent page on the agent, its edges in and its neighbours, the same in every locale', () => {
    // The key the agent pages use, with the catalog published as the build does.
    const holder = {};
    publishAgents(catalog.agents, holder);
    const key = (page: Parameters<typeof agentPageKey>[0]) => agentPageKey(page, holder);
    const paths = localizedAgentPaths(entries, key);
    expect(paths).toHaveLength(entries.length * 3);
    const bySlug = Map.groupBy(paths, (p) => p.props.agent.slug);
    for (const group of bySlug.values()) expect(new Set(group.map((p) => p.cacheKey)).size).toBe(1);

    // Renaming a neighbour changes the key of the pages that name it, and only those.
    const target = catalog.agents.find((a) => a.incoming.length)!;
    const renamed = entries.map((e) => (e.slug === target.slug ? { ...e, name: `${e.name}-renamed` } : e));
    const after = new Map(localizedAgentPaths(renamed, key).map((p) => [`${p.params.locale}/${p.params.slug}`, p.cacheKey]));
    const neighbours = new Set(target.incoming.map((e) => e.from));
    for (const p of paths) {
      const changed = after.get(`${p.params.locale}/${p.params.slug}`) !== p.cacheKey;
      expect([p.props.agent.slug, changed]).toEqual([p.props.agent.slug, neighbours.has(p.props.agent.slug) || p.props.agent.slug === target.slug]);
    }
    expect(localizedAgentPaths(entries)[0]).not.toHaveProperty('cacheKey');

    // Another wording of an edge into the target (stored on its source only) changes the keys of
    // the source's pages and the target's, and only those.
    const into = target.incoming[0];
    const reworded = entries.map((e) =>
      e.slug === into.from ? { ...e, outgoing: e.outgoing.map((o) => (o.to === target.slug ? { ...o, evidence: `${o.evidence} (reworded)` } : o)) } : e,
    );
    const afterEdge = new Map(localizedAgentPaths(reworded, key).map((p) => [`${p.params.locale}/${p.params.slug}`, p.cacheKey]));
    for (const p of paths) {
      const changed = afterEdge.get(`${p.params.locale}/${p.params.slug}`) !== p.cacheKey;
      expect([p.props.agent.slug, changed]).toEqual([p.props.agent.slug, p.props.agent.slug === into.from || p.props.agent.slug === target.slug]);
    }

    // An edited body (not in the entry) changes its agent's key.
    const edited = catalog.agents.map((a) => (a.slug === target.slug ? { ...a, raw: `${a.raw}\nedited` } : a));
    const editedHolder = {};
    publishAgents(edited, editedHolder);
    const [one] = entries.filter((e) => e.slug === target.slug);
    const page = (agent: (typeof entries)[number]) => ({ agent, incoming: [], incomingLangs: {}, neighbours: [] });
    expect(agentPageKey(page(one), editedHolder)).not.toBe(agentPageKey(page(one), holder));

    // Published with the catalog's per-file keys (as the build does), the body is keyed by its
    // file's key: another key for the target changes its pages' key and no other.
    const keyed = {};
    publishAgents(catalog.agents, keyed, catalog.fileKeys);
    const otherKeys = new Map([...catalog.fileKeys].map(([slug, k]) => [slug, slug === target.slug ? `${k}-edited` : k]));
    const rekeyed = {};
    publishAgents(catalog.agents, rekeyed, otherKeys);
    for (const e of entries) {
      expect([e.slug, agentPageKey(page(e), rekeyed) === agentPageKey(page(e), keyed)]).toEqual([e.slug, e.slug !== target.slug]);
    }
  });

  it('key the catalog-wide pages on what each shows, so an edited body re-renders none of them', () => {
    // Home keys per locale; the search and graph pages show the same data in every locale.
    const keys = (list: typeof entries) => ({
      home: catalogPagePaths.home(list).map((p) => p.cacheKey),
      search: catalogPagePaths.search(list)[0].cacheKey,
      graph: catalogPagePaths.graph(list)[0].cacheKey,
    });
    const before = keys(entries);
    expect(before.home).toHaveLength(3);
    // Each page is keyed by exactly its props: what it shows.
    for (const p of catalogPagePaths.graph(entries)) expect(p.cacheKey).toBe(pageCacheKey(p.props));
    expect(Object.keys(catalogPagePaths.graph(entries)[0].props.agents[0]).sort()).toEqual(['collection', 'name', 'outgoing', 'slug']);
    expect(keys(entries.map((e) => ({ ...e })))).toEqual(before);

    // A new tool shows only in the search page's filters.
    const tooled = keys(entries.map((e, i) => (i === 0 ? { ...e, tools: [...e.tools, 'BrandNewTool'] } : e)));
    expect(tooled.search).not.toBe(before.search);
    expect(tooled.graph).toBe(before.graph);

    // A rename shows on the home page (every locale) and in the graph.
    const renamed = keys(entries.map((e, i) => (i === 0 ? { ...e, name: `${e.name}-renamed` } : e)));
    expect(renamed.graph).not.toBe(before.graph);
    expect(renamed.home.filter((k, i) => k === before.home[i])).toEqual([]);
    expect(renamed.search).toBe(before.search);

    // A hand-off removed changes the graph only.
    const cut = keys(entries.map((e) => ({ ...e, outgoing: [] })));
    expect(cut.graph).not.toBe(before.graph);
    expect(cut.home).toEqual(before.home);
  });
});
