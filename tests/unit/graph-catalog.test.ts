import { describe, expect, it } from 'vitest';
import { collectionGraph, collectionGraphs, collectionOverview, orphans, unresolved } from '../../src/lib/graph/catalog-graph.ts';
import { compareNodes } from '../../src/lib/graph/neighbourhood.ts';
import { agents, edge } from './graph-fixtures.ts';

const edges = [
  edge('planner', 'coder', 'hands-to'),
  edge('coder', 'reviewer', 'reviewed-by'),
  edge('planner', 'tester', 'reviewed-by'),
  edge('planner', 'reviewer', 'reviewed-by'),
  edge('coder', 'ghost', 'notifies', true),
  edge('tester', 'ghost', 'hands-to', true),
  edge('tester', 'ghost', 'notifies', true),
  edge('docs', 'phantom', 'collaborates-with', true),
  edge('docs', 'docs', 'notifies'),
];
const href = (slug: string) => `/en/agents/${slug}/`;

describe('catalog graph helpers', () => {
  it('orphans: agents with no incoming edge (self-loops do not count)', () => {
    expect(orphans(agents, edges).map((a) => a.slug)).toEqual(['planner', 'docs']);
  });

  it('unresolved: external names with the agents that point at them', () => {
    expect(unresolved(edges)).toEqual([
      { name: 'ghost', from: ['coder', 'tester'], kinds: ['notifies', 'hands-to'] },
      { name: 'phantom', from: ['docs'], kinds: ['collaborates-with'] },
    ]);
  });

  it('collectionOverview: collections with counts, aggregated edges between them', () => {
    const g = collectionOverview(agents, edges);
    expect(g.nodes.map((n) => n.label)).toEqual(['core (2)', 'quality (2)', 'writing (1)']);
    expect(g.edges).toEqual([{ from: 'core', to: 'quality', kind: 'reviewed-by', count: 3 }]);
  });

  it('collectionGraph: members plus the neighbours they touch', () => {
    const g = collectionGraph('quality', agents, edges, href);
    const byId = Object.fromEntries(g.nodes.map((n) => [n.id, n]));
    expect(Object.keys(byId).sort()).toEqual(['coder', 'external:ghost', 'planner', 'reviewer', 'tester']);
    expect(byId.reviewer).toMatchObject({ href: '/en/agents/reviewer/', group: 'quality' });
    expect(byId.coder).toMatchObject({ href: '/en/agents/coder/', group: 'core', sublabel: 'core' });
    expect(byId['external:ghost']).toMatchObject({ external: true });
    expect(byId['external:ghost'].href).toBeUndefined();
    expect(g.edges).toHaveLength(5);
    expect(g.edges.some((e) => e.from === 'planner' && e.to === 'coder')).toBe(false);
  });

  it('collectionGraph: past the limit, each other collection is one box with its edges counted', () => {
    const sectionOf = (c: string) => `#section-${c}`;
    const g = collectionGraph('quality', agents, edges, href, { foreignAgentLimit: 1, collectionHref: sectionOf });
    const byId = Object.fromEntries(g.nodes.map((n) => [n.id, n]));
    expect(Object.keys(byId).sort()).toEqual(['collection:core', 'external:ghost', 'reviewer', 'tester']);
    // Labelled as in the overview (the collection's size), linked to its section, drawn as elsewhere.
    expect(byId['collection:core']).toEqual({ id: 'collection:core', label: 'core (2)', keepLabelEnd: true, group: 'core', href: '#section-core' });
    expect(g.edges).toEqual([
      { from: 'collection:core', to: 'reviewer', kind: 'reviewed-by', count: 2 },
      { from: 'collection:core', to: 'tester', kind: 'reviewed-by' },
      { from: 'tester', to: 'external:ghost', kind: 'hands-to' },
      { from: 'tester', to: 'external:ghost', kind: 'notifies' },
    ]);
    // At the limit, the agents are drawn one by one.
    expect(collectionGraph('quality', agents, edges, href, { foreignAgentLimit: 2 })).toEqual(collectionGraph('quality', agents, edges, href));
  });

  it('collectionGraphs: the same graphs as collectionGraph, for every collection at once', () => {
    const names = ['core', 'quality', 'writing', 'empty'];
    expect(collectionGraphs(names, agents, edges, href)).toEqual(names.map((c) => collectionGraph(c, agents, edges, href)));
    const options = { foreignAgentLimit: 0, collectionHref: (c: string) => `#${c}` };
    expect(collectionGraphs(names, agents, edges, href, options)).toEqual(names.map((c) => collectionGraph(c, agents, edges, href, options)));
  });

  it('sorts nodes by label as English collation does, then by id', () => {
    const labels = ['beta', 'Alpha', 'alpha', '代理', 'Éclair', 'eclair', '10', '9'];
    const nodes = labels.map((label, i) => ({ id: `n${labels.length - i}`, label }));
    const expected = [...nodes].sort((a, b) => a.label.localeCompare(b.label, 'en') || a.id.localeCompare(b.id, 'en'));
    expect([...nodes].sort(compareNodes)).toEqual(expected);
  });
});
