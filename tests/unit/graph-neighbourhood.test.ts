import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../../src/lib/graph/neighbourhood.ts';
import { agents, edge } from './graph-fixtures.ts';

const bySlug = new Map(agents.map((a) => [a.slug, a]));
const href = (slug: string) => `/en/agents/${slug}/`;

describe('neighbourhood', () => {
  const edges = [
    edge('planner', 'coder', 'hands-to'),
    edge('planner', 'coder', 'hands-to'), // duplicate mention
    edge('reviewer', 'coder', 'notifies'), // unrelated to coder? no: incoming to coder
    edge('coder', 'reviewer', 'reviewed-by'),
    edge('coder', 'mystery-bot', 'notifies', true),
    edge('tester', 'docs', 'hands-to'), // not touching coder
    edge('coder', 'coder', 'collaborates-with'), // self-loop
  ];
  const g = neighbourhood('coder', edges, bySlug, href);

  it('picks incoming and outgoing edges of the focus agent only', () => {
    expect(g.edges).toEqual([
      { from: 'coder', to: 'external:mystery-bot', kind: 'notifies' },
      { from: 'coder', to: 'reviewer', kind: 'reviewed-by' },
      { from: 'planner', to: 'coder', kind: 'hands-to' },
      { from: 'reviewer', to: 'coder', kind: 'notifies' },
    ]);
  });

  it('includes the nodes those edges touch, focus first', () => {
    expect(g.nodes.map((n) => n.id)).toEqual(['coder', 'external:mystery-bot', 'planner', 'reviewer']);
    const [focus, ext, planner, reviewer] = g.nodes;
    expect(focus).toMatchObject({ focus: true, label: 'coder' });
    expect(focus.href).toBeUndefined();
    expect(ext).toMatchObject({ external: true, label: 'mystery-bot' });
    expect(ext.href).toBeUndefined();
    expect(planner).toMatchObject({ href: '/en/agents/planner/' });
    expect(planner.sublabel).toBeUndefined();
    expect(reviewer).toMatchObject({ href: '/en/agents/reviewer/', sublabel: 'quality' });
  });

  it('accepts a plain object and an agent with no edges', () => {
    const lonely = neighbourhood('docs', [], Object.fromEntries(bySlug), href);
    expect(lonely).toEqual({ nodes: [{ id: 'docs', label: '文件撰寫者', focus: true, group: 'writing' }], edges: [] });
  });
});
