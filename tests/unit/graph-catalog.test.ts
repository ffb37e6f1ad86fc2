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
    expect(byId['collection:core']).toEqual({ id: 'collection:core', label: 'core (2)', isCollection: true, group: 'core', href: '#section-core' });
    expect(g.edges).toEqual([
      { from: 'collection:core', to: 'reviewer', kind: 'reviewed-by', count: 2 },
      { from: 'collection:core', to: 'tester', kind: 'reviewed-by' },
      { from: 'tester', to: 'external:ghost', kind: 'hands-to' },
      { from: 'tester', to: 'external:ghost', kind: 'notifies' },
    ]);
    // At the limit, the agents are drawn one by one.
    expect(collectionGraph('quality', agents, edges, href, { foreignAgentLimit: 2 })).toEqual(collectionGraph('quality', agents, edges, href));
  });

  it('collectionGraph: boxes in both directions, for each collection with two or more agents touched', () => {
    const more = [
      ...agents,
      { slug: 'designer-a', name: 'designer-a', collection: 'design' },
      { slug: 'designer-b', name: 'designer-b', collection: 'design' },
      { slug: 'deployer', name: 'deployer', collection: 'ops' },
      { slug: 'root-a', name: 'root-a', collection: '' },
      { slug: 'root-b', name: 'root-b', collection: '' },
    ];
    const moreEdges = [
      ...edges,
      edge('tester', 'designer-a'),
      edge('tester', 'designer-b'),
      edge('reviewer', 'designer-a', 'notifies'),
      edge('designer-a', 'designer-b'),
      edge('reviewer', 'deployer', 'notifies'),
      edge('root-a', 'reviewer'),
      edge('root-b', 'reviewer'),
    ];
    const g = collectionGraph('quality', more, moreEdges, href, { foreignAgentLimit: 4 });
    const byId = Object.fromEntries(g.nodes.map((n) => [n.id, n]));
    // ops has one agent touched: it stays an agent; the top level is labelled `/`.
    expect(Object.keys(byId).sort()).toEqual(['collection:', 'collection:core', 'collection:design', 'deployer', 'external:ghost', 'reviewer', 'tester']);
    expect(byId['collection:'].label).toBe('/ (2)');
    expect(byId['collection:design']).toMatchObject({ label: 'design (2)', isCollection: true });
    expect(byId['collection:design'].href).toBeUndefined();
    expect(byId.deployer).toMatchObject({ sublabel: 'ops', href: '/en/agents/deployer/' });
    expect(g.edges.filter((e) => e.from.startsWith('collection:') || e.to.startsWith('collection:'))).toEqual([
      { from: 'collection:', to: 'reviewer', kind: 'hands-to', count: 2 },
      { from: 'collection:core', to: 'reviewer', kind: 'reviewed-by', count: 2 },
      { from: 'collection:core', to: 'tester', kind: 'reviewed-by' },
      { from: 'reviewer', to: 'collection:design', kind: 'notifies' },
      { from: 'tester', to: 'collection:design', kind: 'hands-to', count: 2 },
    ]);
    // Edges between two other collections' agents are not drawn (designer-a → designer-b).
    expect(g.edges).toHaveLength(8);
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
