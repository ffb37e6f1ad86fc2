import type { EdgeLabel, GraphLabel, LayoutConfig, NodeLabel, graphlib } from '@dagrejs/dagre';

/**
 * Cheaper dagre options for a star: a hub and leaves that each have one edge, to or from the
 * hub — every agent's neighbourhood graph, over a thousand of them in a large catalog. A star
 * has no crossings to minimise, yet dagre's crossing reduction is the costliest part of laying
 * one out, and network-simplex ranking is wasted on it too (longest-path ranking, also
 * dagre's, gives every edge of a star its minimum length). dagre still ranks, positions and
 * routes everything, so the result is an ordinary dagre layout.
 */

type LayoutGraph = graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>;

/** An edge of the graph handed to dagre, between node keys. */
export interface KeyEdge {
  v: string;
  w: string;
}

/**
 * The hub when `edges` form a star over all `nodeCount` nodes: at least two edges, each with
 * the hub at one end, no repeated pair, and every node on some edge. Otherwise undefined.
 */
export function starHub(nodeCount: number, edges: readonly KeyEdge[]): string | undefined {
  if (edges.length < 2 || edges.length !== nodeCount - 1) return undefined;
  const [first] = edges;
  const hub = [first.v, first.w].find((h) => edges.every((e) => e.v === h || e.w === h));
  if (hub === undefined) return undefined;
  // n − 1 distinct leaves on n − 1 edges means every node is touched once.
  const leaves = new Set(edges.map((e) => (e.v === hub ? e.w : e.v)));
  return leaves.size === edges.length && !leaves.has(hub) ? hub : undefined;
}

/**
 * dagre's `customOrder` for a star around `hub` whose nodes were added to dagre in the order
 * to draw them, top to bottom (`position` gives that place for a node key). Each rank is
 * sorted by it, a dummy node (a bend of a hub edge) standing for its leaf, so every edge runs
 * between the same slots of neighbouring ranks and none cross: the result dagre's sweeps
 * would reach, in a stable, readable order.
 */
export function starOrder(hub: string, position: (key: string) => number): NonNullable<LayoutConfig['customOrder']> {
  return (graph: LayoutGraph) => {
    const layers = new Map<number, Array<{ at: number; v: string }>>();
    for (const v of graph.nodes()) {
      const node = graph.node(v);
      if (node.rank === undefined) continue;
      const edge = node.edgeObj;
      const leaf = edge ? (edge.v === hub ? edge.w : edge.v) : v;
      let layer = layers.get(node.rank);
      if (!layer) layers.set(node.rank, (layer = []));
      layer.push({ at: position(leaf), v });
    }
    for (const layer of layers.values()) {
      layer.sort((a, b) => a.at - b.at);
      layer.forEach(({ v }, i) => {
        graph.node(v).order = i;
      });
    }
  };
}
