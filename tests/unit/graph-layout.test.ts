import { describe, expect, it } from 'vitest';
import { layoutGraph, type GraphInput, type GraphLayout, type GraphPoint } from '../../src/lib/graph/layout.ts';
import { fitText, textWidth } from '../../src/lib/graph/text.ts';

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

  it('shortens a collection path at its start, keeping the part that tells collections apart', () => {
    const label = 'corpus-templates/cli-tool/components/agents/devops-infrastructure (12)';
    const nodes = [{ id: 'a', label, isCollection: true }, { id: 'b', label }, { id: 'c', label: 'x', sublabel: label }];
    const [kept, cut, neighbour] = layoutGraph({ nodes, edges: [] }).nodes;
    // A neighbour's collection (its second line) is a path too.
    expect(neighbour.sublabel?.startsWith('…')).toBe(true);
    expect(label.endsWith(neighbour.sublabel!.slice(1))).toBe(true);
    expect(kept.text.startsWith('…')).toBe(true);
    expect(label.endsWith(kept.text.slice(1))).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(kept.width).toBe(cut.width);
    const wide = fitText('代理合集'.repeat(10), 100, 13, 'end');
    expect(wide.startsWith('…')).toBe(true);
    expect(textWidth(wide)).toBeLessThanOrEqual(100);
    expect('代理合集'.repeat(10).endsWith(wide.slice(1))).toBe(true);
  });

  it('draws edges between the same two nodes as separate parallel lanes, each with its own kind', () => {
    const layout = layoutGraph({
      nodes: [{ id: 'a', label: 'alpha' }, { id: 'b', label: 'beta' }],
      edges: [
        { from: 'a', to: 'b', kind: 'hands-to' },
        { from: 'a', to: 'b', kind: 'notifies' },
        { from: 'b', to: 'a', kind: 'collaborates-with' },
      ],
    });
    expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.kind}`)).toEqual(['a>b:hands-to', 'a>b:notifies', 'b>a:collaborates-with']);
    const [a, b] = layout.nodes;
    const onBorder = (p: GraphPoint, n: (typeof layout.nodes)[number]) =>
      Math.abs(Math.abs(p.x - n.x) - n.width / 2) <= 0.2 || Math.abs(Math.abs(p.y - n.y) - n.height / 2) <= 0.2;
    for (const e of layout.edges) {
      const [from, to] = e.from === 'a' ? [a, b] : [b, a];
      expect(onBorder(e.points[0], from), `${e.kind} starts on ${from.id}'s border`).toBe(true);
      expect(onBorder(e.points.at(-1)!, to), `${e.kind} ends on ${to.id}'s border`).toBe(true);
    }
    // Three lanes, pairwise apart: the same start seen from a's side.
    const starts = layout.edges.map((e) => (e.from === 'a' ? e.points[0] : e.points.at(-1)!));
    for (let i = 0; i < starts.length; i++) {
      for (let j = i + 1; j < starts.length; j++) {
        expect(Math.hypot(starts[i].x - starts[j].x, starts[i].y - starts[j].y)).toBeGreaterThan(3);
      }
    }
  });

  it('places counts on their own lane, apart from each other, inside the bounds', () => {
    const layout = layoutGraph({
      nodes: [{ id: 'x', label: 'x' }, { id: 'y', label: 'y' }],
      edges: [
        { from: 'x', to: 'y', kind: 'hands-to', count: 4 },
        { from: 'x', to: 'y', kind: 'notifies', count: 2 },
      ],
    });
    const [first, second] = layout.edges.map((e) => e.labelAt!);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(Math.hypot(first.x - second.x, first.y - second.y)).toBeGreaterThan(12);
    for (const p of [first, second]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(layout.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(layout.height);
    }
    expect(layoutGraph({ nodes: layoutInputNodes(layout), edges: [{ from: 'x', to: 'y', kind: 'notifies' }] }).edges[0].labelAt).toBeUndefined();
  });

  it('lays a star out with senders left of the hub, receivers right, each column in input order', () => {
    const names = ['delta', 'alpha', 'charlie', 'bravo', 'echo', 'foxtrot'];
    const input: GraphInput = {
      nodes: [{ id: 'hub', label: 'hub', focus: true }, ...names.map((id) => ({ id, label: id }))],
      edges: [
        { from: 'delta', to: 'hub', kind: 'hands-to' },
        { from: 'hub', to: 'alpha', kind: 'receives-from' },
        { from: 'charlie', to: 'hub', kind: 'notifies' },
        { from: 'hub', to: 'bravo', kind: 'hands-to' },
        { from: 'hub', to: 'echo', kind: 'reviewed-by' },
        { from: 'foxtrot', to: 'hub', kind: 'hands-to' },
      ],
    };
    const layout = layoutGraph(input);
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, n]));
    const left = ['delta', 'alpha', 'charlie', 'foxtrot'];
    const right = ['bravo', 'echo'];
    for (const id of left) expect(at[id].x, id).toBeLessThan(at.hub.x);
    for (const id of right) expect(at[id].x, id).toBeGreaterThan(at.hub.x);
    const topDown = (ids: string[]) => [...ids].sort((p, q) => at[p].y - at[q].y);
    expect(topDown(left)).toEqual(left);
    expect(topDown(right)).toEqual(right);
    expect(noBoxOverlap(layout)).toBe(true);
    expect(JSON.stringify(layoutGraph(input))).toBe(JSON.stringify(layout));
  });
});

function layoutInputNodes(layout: GraphLayout) {
  return layout.nodes.map(({ id, label }) => ({ id, label }));
}

function noBoxOverlap(layout: GraphLayout): boolean {
  return layout.nodes.every((a, i) =>
    layout.nodes.slice(i + 1).every((b) => Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2),
  );
}
