import type { GraphEdgeInput, GraphPoint, LaidOutEdge } from './layout.ts';
import { lane, laneOffset, pointAlong, type Box } from './lanes.ts';

/**
 * Edges as dagre sees them: one layout edge (a route) per pair of nodes. dagre's cost grows with
 * every edge and the dummy nodes it needs, and edges between the same two nodes would be drawn
 * on top of each other anyway; a big collection graph has a third fewer pairs than edges. The
 * edges of a pair — different kinds, or opposite directions — are drawn as parallel lanes of
 * the pair's route, so each keeps its own dash pattern, colour and marker.
 */

/** The input edges between one pair of nodes, laid out as one edge from `v` to `w`. */
export interface Route {
  v: string;
  w: string;
  /** In input order; at least one. */
  members: GraphEdgeInput[];
}

/**
 * Groups `edges` (no self-loops) by unordered node pair, in order of first appearance. A route
 * runs the way its first edge's work flows: "A receives from B" means work flows B → A, so it is
 * ranked reversed, keeping the flow reading left to right.
 */
export function pairRoutes(edges: readonly GraphEdgeInput[]): Route[] {
  const routes = new Map<string, Route>();
  for (const edge of edges) {
    const key = edge.from < edge.to ? `${edge.from}\u0000${edge.to}` : `${edge.to}\u0000${edge.from}`;
    const route = routes.get(key);
    if (route) {
      route.members.push(edge);
      continue;
    }
    const [v, w] = edge.kind === 'receives-from' ? [edge.to, edge.from] : [edge.from, edge.to];
    routes.set(key, { v, w, members: [edge] });
  }
  return [...routes.values()];
}

/**
 * The drawn edges of `route`, one per member in order, from dagre's `path` (which runs from the
 * border of `vBox` to the border of `wBox`). Each member gets its own lane, and its points run
 * from its `from` node to its `to` node. A count above 1 is placed on the lane, at a different
 * distance along it for each lane, so parallel counts do not overlap.
 */
export function routeLanes(route: Route, path: readonly GraphPoint[], vBox: Box, wBox: Box): LaidOutEdge[] {
  const k = route.members.length;
  return route.members.map((edge, i) => {
    const points = lane(path, laneOffset(i, k), vBox, wBox);
    const out: LaidOutEdge = { ...edge, points };
    if ((edge.count ?? 1) > 1 && points.length > 1) out.labelAt = pointAlong(points, (i + 1) / (k + 1));
    if (edge.from !== route.v) points.reverse();
    return out;
  });
}
