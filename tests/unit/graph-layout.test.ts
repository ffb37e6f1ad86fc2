import { describe, expect, it } from 'vitest';
import { fitText, layoutGraph, textWidth, type GraphInput } from '../../src/lib/graph/layout.ts';

const kinds = ['hands-to', 'receives-from', 'notifies', 'reviewed-by', 'collaborates-with'] as const;

function tenNodes(): GraphInput {
  const nodes = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, label: i % 3 === 0 ? `代理人-${i}` : `agent-number-${i}` }));
  const edges = [
    ['n0', 'n1'], ['n0', 'n2'], ['n1', 'n3'], ['n2', 'n3'], ['n3', 'n4'], ['n4', 'n5'],
    ['n5', 'n6'], ['n6', 'n7'], ['n2', 'n8'], ['n8', 'n9'], ['n9', 'n0'], ['n1', 'n7'],
  ].map(([from, to], i) => ({ from, to, kind: kinds[i % kinds.length] }));
  return { nodes, edges };
}

describe('layoutGraph', () => {
  it('places 10 nodes without overlapping boxes, inside the bounds', () => {
    const layout = layoutGraph(tenNodes());
    expect(layout.nodes).toHaveLength(10);
    for (const n of layout.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    for (let i = 0; i < layout.nodes.length; i++) {
      for (let j = i + 1; j < layout.nodes.length; j++) {
        const a = layout.nodes[i];
        const b = layout.nodes[j];
        const apartX = Math.abs(a.x - b.x) >= (a.width + b.width) / 2;
        const apartY = Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apartX || apartY, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('routes every edge with points from the source border to the target border', () => {
    const layout = layoutGraph(tenNodes());
    expect(layout.edges).toHaveLength(12);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const e of layout.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      const first = e.points[0];
      const last = e.points[e.points.length - 1];
      const near = (p: { x: number; y: number }, id: string) => {
        const n = byId.get(id)!;
        return Math.abs(p.x - n.x) <= n.width / 2 + 1 && Math.abs(p.y - n.y) <= n.height / 2 + 1;
      };
      expect(near(first, e.from), `${e.kind} ${e.from}→${e.to} starts at ${e.from}`).toBe(true);
      expect(near(last, e.to), `${e.kind} ${e.from}→${e.to} ends at ${e.to}`).toBe(true);
    }
  });

  it('flows left to right, with receives-from read as work coming from the target', () => {
    const layout = layoutGraph({
      nodes: [{ id: 'a', label: 'a' }, { id: 'b', label: 'b' }, { id: 'c', label: 'c' }],
      edges: [{ from: 'b', to: 'c', kind: 'hands-to' }, { from: 'b', to: 'a', kind: 'receives-from' }],
    });
    const x = Object.fromEntries(layout.nodes.map((n) => [n.id, n.x]));
    expect(x.a).toBeLessThan(x.b);
    expect(x.b).toBeLessThan(x.c);
  });

  it('sizes CJK labels double width and rounds coordinates to 0.1', () => {
    expect(textWidth('代理')).toBe(2 * textWidth('ab'));
    const layout = layoutGraph({ nodes: [{ id: 'x', label: '程式碼審查員' }, { id: 'y', label: 'code-revi' }], edges: [] });
    const [cjk, latin] = layout.nodes;
    expect(cjk.width).toBeGreaterThan(latin.width);
    for (const n of layout.nodes) expect(Math.round(n.x * 10) / 10).toBe(n.x);
  });

  it('shortens very long labels and drops edges to unknown nodes and self-loops', () => {
    expect(fitText('x'.repeat(200), 100).endsWith('…')).toBe(true);
    const layout = layoutGraph({
      nodes: [{ id: 'a', label: 'a'.repeat(300) }],
      edges: [{ from: 'a', to: 'missing', kind: 'notifies' }, { from: 'a', to: 'a', kind: 'notifies' }],
    });
    expect(layout.nodes[0].width).toBeLessThanOrEqual(240);
    expect(layout.nodes[0].text.length).toBeLessThan(300);
    expect(layout.edges).toEqual([]);
  });
});
