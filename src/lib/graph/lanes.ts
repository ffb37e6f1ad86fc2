import type { GraphPoint } from './layout.ts';

/**
 * Geometry for drawing several edges along one routed path. The layout routes one edge per
 * node pair (dagre's cost grows with every edge and the dummy nodes it needs), and the edges
 * of that pair — different kinds, or opposite directions — are drawn as parallel lanes of the
 * route, so each keeps its own dash pattern, colour and marker.
 */

/** A node box: centre and size, as laid out. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Distance (px) between neighbouring lanes; markers are 8px wide, so lanes stay apart. */
export const LANE_GAP = 5;
/** Widest spread (px) of all lanes of one route, so they stay within a 30px node box. */
const MAX_SPREAD = 20;

/** The offset (px, perpendicular to the route) of lane `i` of `count`, centred on the route. */
export function laneOffset(i: number, count: number): number {
  if (count <= 1) return 0;
  const gap = Math.min(LANE_GAP, MAX_SPREAD / (count - 1));
  return (i - (count - 1) / 2) * gap;
}

/**
 * `points` shifted sideways by `offset` (positive = to the left of the direction of travel
 * in screen coordinates, y down). Each point moves along the normal of the chord through its
 * neighbours, so bends stay smooth and straight parts stay parallel to the route.
 */
export function offsetPolyline(points: readonly GraphPoint[], offset: number): GraphPoint[] {
  if (offset === 0 || points.length < 2) return points.map((p) => ({ x: p.x, y: p.y }));
  return points.map((p, i) => {
    const a = points[Math.max(0, i - 1)];
    const b = points[Math.min(points.length - 1, i + 1)];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    if (len === 0) return { x: p.x, y: p.y };
    return { x: p.x + (dy / len) * offset, y: p.y - (dx / len) * offset };
  });
}

/**
 * Where the line from `outside` through `end` crosses the border of `box`, or `end` when the
 * line misses the box. A lane shifted off the route no longer ends exactly on the node's
 * border (it would stop short or run into the box); this puts its end, and so its arrowhead,
 * back on the border.
 */
export function clipToBox(outside: GraphPoint, end: GraphPoint, box: Box): GraphPoint {
  const dx = end.x - outside.x;
  const dy = end.y - outside.y;
  // Liang–Barsky: the parameter t along outside → end (extended) where the line enters the box.
  let enter = -Infinity;
  let exit = Infinity;
  const slabs: Array<[number, number, number]> = [
    [dx, outside.x, box.x - box.width / 2],
    [dx, outside.x, box.x + box.width / 2],
    [dy, outside.y, box.y - box.height / 2],
    [dy, outside.y, box.y + box.height / 2],
  ];
  for (let s = 0; s < 4; s += 2) {
    const [d, from, lo] = slabs[s];
    const hi = slabs[s + 1][2];
    if (d === 0) {
      if (from < lo || from > hi) return end;
      continue;
    }
    const t1 = (lo - from) / d;
    const t2 = (hi - from) / d;
    enter = Math.max(enter, Math.min(t1, t2));
    exit = Math.min(exit, Math.max(t1, t2));
  }
  if (enter > exit || enter < 0 || !Number.isFinite(enter)) return end;
  return { x: outside.x + enter * dx, y: outside.y + enter * dy };
}

/**
 * The lane of a route at `offset`, with both ends put back on the border of their boxes.
 * `points` run from the border of `fromBox` to the border of `toBox`.
 */
export function lane(points: readonly GraphPoint[], offset: number, fromBox: Box, toBox: Box): GraphPoint[] {
  const out = offsetPolyline(points, offset);
  if (offset === 0 || out.length < 2) return out;
  const n = out.length;
  out[0] = clipToBox(out[1], out[0], fromBox);
  out[n - 1] = clipToBox(out[n - 2], out[n - 1], toBox);
  return out;
}

/** The point `fraction` (0–1) of the way along a polyline, by length. */
export function pointAlong(points: readonly GraphPoint[], fraction: number): GraphPoint {
  if (points.length === 0) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  let left = total * fraction;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > 0 && left <= len) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  const last = points[points.length - 1];
  return { x: last.x, y: last.y };
}
