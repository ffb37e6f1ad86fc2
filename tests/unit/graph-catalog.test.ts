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

  it('collectionGraphs: the same graphs as collectionGraph, for every collection at once', () => {
    const names = ['core', 'quality', 'writing', 'empty'];
    expect(collectionGraphs(names, agents, edges, href)).toEqual(names.map((c) => collectionGraph(c, agents, edges, href)));
  });

  it('sorts nodes by label as English collation does, then by id', () => {
    const labels = ['beta', 'Alpha', 'alpha', '代理', 'Éclair', 'eclair', '10', '9'];
    const nodes = labels.map((label, i) => ({ id: `n${labels.length - i}`, label }));
    const expected = [...nodes].sort((a, b) => a.label.localeCompare(b.label, 'en') || a.id.localeCompare(b.id, 'en'));
    expect([...nodes].sort(compareNodes)).toEqual(expected);
  });
});
