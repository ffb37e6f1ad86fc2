import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { EdgeKind } from '../schema.ts';
import { pairRoutes, routeLanes } from './routes.ts';
import { starHub, starOrder } from './star.ts';
import { fitText, FONT_SIZE, MAX_NODE_WIDTH, SUB_FONT_SIZE, textWidth } from './text.ts';

/**
 * Build-time graph layout with dagre. Everything here is pure and deterministic for a given
 * input order, so the same catalog always produces byte-identical SVG (and cache hits).
 * dagre gets one edge per node pair (routes.ts) and, for a star, cheaper options (star.ts).
 */

/** A node to lay out: an agent, a collection, or an external name. */
export interface GraphNodeInput {
  /** Unique within the graph; never shown. */
  id: string;
  /** Text drawn in the box (untrusted: escaped by the renderer). */
  label: string;
  /** Link target; absent for the focus node, external names and plain boxes. */
  href?: string;
  /** A name that is not in the catalog: drawn dashed and muted, never a link. */
  external?: boolean;
  /** The node the graph is about: highlighted. */
  focus?: boolean;
  /** Collection (or other grouping) the node belongs to. */
  group?: string;
  /**
   * Smaller second line: the collection of a neighbour from elsewhere, a path, so it is shortened
   * at its start when too wide (its last part tells collections apart).
   */
  sublabel?: string;
  /**
   * The box stands for a whole collection (the overview's boxes, other collections in a
   * collection graph): its label, a path, is shortened at its start, where paths share the most,
   * and the SVG names it as a collection.
   */
  isCollection?: boolean;
}

/** A directed edge between two node ids. */
export interface GraphEdgeInput {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Number of aggregated edges; drawn as a number on the edge when above 1. */
  count?: number;
}

/** What {@link layoutGraph} takes. */
export interface GraphInput {
  nodes: GraphNodeInput[];
  edges: GraphEdgeInput[];
}

/** Localized strings the SVG renderer needs. */
export interface GraphLabels {
  /** Accessible name of the whole graph (`<title>`). */
  title: string;
  /** Display name of each edge kind, for the legend. */
  kinds: Record<EdgeKind, string>;
  /** Legend text for external (not in the catalog) nodes. */
  external: string;
  /** Heading of the legend. */
  legend: string;
  /** Accessible name of a box that stands for a collection, from its label. */
  collection: (label: string) => string;
}

/** An agent as the graph helpers see it. */
export interface GraphAgent {
  slug: string;
  name: string;
  collection: string;
}

/** A point in layout coordinates (pixels, top-left origin). */
export interface GraphPoint {
  x: number;
  y: number;
}

/** A positioned node: `x`/`y` are the box centre. */
export interface LaidOutNode extends GraphNodeInput {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label as drawn: shortened with `…` when it would not fit {@link MAX_NODE_WIDTH}. */
  text: string;
}

/**
 * A routed edge. `points` run from the `from` node's border to the `to` node's border; edges
 * between the same two nodes follow one route side by side, a few pixels apart.
 */
export interface LaidOutEdge extends GraphEdgeInput {
  points: GraphPoint[];
  /** Where to draw the count label, when `count` > 1. */
  labelAt?: GraphPoint;
}

/** The output of {@link layoutGraph}: everything fits in `[0,width] × [0,height]`. */
export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

const MIN_NODE_WIDTH = 64;
const PAD_X = 12;
const MARGIN = 8;

const r1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Lays out a graph left-to-right with dagre. Node boxes are sized from their (estimated)
 * label width; edges that name an unknown node id and self-loops are dropped, because
 * they cannot be drawn meaningfully. Coordinates are rounded to 0.1 px.
 */
export function layoutGraph(input: GraphInput): GraphLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 72, edgesep: 12, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));

  const byId = new Map<string, LaidOutNode>();
  // dagre keys its graphs by node name in plain objects. Names reused from graph to graph
  // (n0, n1, …) let V8 reuse the objects' hidden classes; fresh slugs in every graph cost a new
  // class per property, about half of the time of a small layout.
  const keyOf = new Map<string, string>();
  for (const node of input.nodes) {
    if (byId.has(node.id)) continue;
    const maxText = MAX_NODE_WIDTH - 2 * PAD_X;
    const text = fitText(node.label, maxText, FONT_SIZE, node.isCollection ? 'end' : 'start');
    const sub = node.sublabel ? fitText(node.sublabel, maxText, SUB_FONT_SIZE, 'end') : '';
    const contentWidth = Math.max(textWidth(text), sub ? textWidth(sub, SUB_FONT_SIZE) : 0);
    // The focus label is drawn bold, roughly 10% wider.
    const drawn = node.focus ? contentWidth * 1.1 : contentWidth;
    const width = Math.ceil(Math.max(MIN_NODE_WIDTH, drawn + 2 * PAD_X));
    const height = node.sublabel ? 44 : 30;
    const laid: LaidOutNode = { ...node, text, x: 0, y: 0, width, height };
    if (sub) laid.sublabel = sub;
    keyOf.set(node.id, `n${byId.size}`);
    byId.set(node.id, laid);
    g.setNode(keyOf.get(node.id)!, { width, height });
  }

  // One layout edge per node pair (routes.ts): dagre's cost grows with every edge and the
  // dummy nodes it needs.
  const routes = pairRoutes(input.edges.filter((e) => e.from !== e.to && byId.has(e.from) && byId.has(e.to)));
  for (const route of routes) {
    // The weight keeps a pair with several relations as short and straight as that many edges
    // would be. Counts are drawn on the path afterwards, not as dagre labels: a label adds a
    // node to dagre's graph.
    g.setEdge(keyOf.get(route.v)!, keyOf.get(route.w)!, { weight: route.members.length });
  }

  const hub = starHub(byId.size, routes.map((r) => ({ v: keyOf.get(r.v)!, w: keyOf.get(r.w)! })));
  // A star has no cycles, and longest-path ranking is exact for it (star.ts). Otherwise the
  // greedy feedback-arc-set breaks cycles with fewer, shorter reversed edges than dagre's
  // default depth-first one: large collection graphs get about a third fewer columns and
  // dummy nodes, so they are narrower and cheaper to order.
  Object.assign(g.graph(), hub === undefined ? { acyclicer: 'greedy' } : { ranker: 'longest-path' });
  dagre.layout(g, hub === undefined ? {} : { customOrder: starOrder(hub, (key) => Number(key.slice(1))) });

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number): void => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };

  for (const [id, laid] of byId) {
    const pos = g.node(keyOf.get(id)!);
    laid.x = pos.x ?? 0;
    laid.y = pos.y ?? 0;
    grow(laid.x - laid.width / 2, laid.y - laid.height / 2);
    grow(laid.x + laid.width / 2, laid.y + laid.height / 2);
  }

  const drawn = new Map<GraphEdgeInput, LaidOutEdge>();
  for (const route of routes) {
    const path = g.edge(keyOf.get(route.v)!, keyOf.get(route.w)!)?.points ?? [];
    routeLanes(route, path, byId.get(route.v)!, byId.get(route.w)!).forEach((out, i) => {
      for (const p of out.points) grow(p.x, p.y);
      // Room for the count, drawn centred on labelAt by svg.ts.
      if (out.labelAt) {
        grow(out.labelAt.x - 12, out.labelAt.y - 8);
        grow(out.labelAt.x + 12, out.labelAt.y + 8);
      }
      drawn.set(route.members[i], out);
    });
  }
  const edges = input.edges.flatMap((e) => drawn.get(e) ?? []);

  if (!Number.isFinite(minX)) return { nodes: [], edges: [], width: 0, height: 0 };

  // dagre's own width ignores some routed points, so the bounds are measured here and
  // everything is shifted to start at MARGIN.
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const shift = (p: GraphPoint): GraphPoint => ({ x: r1(p.x + dx), y: r1(p.y + dy) });
  const nodes = [...byId.values()].map((n) => ({ ...n, ...shift(n) }));
  for (const e of edges) {
    e.points = e.points.map(shift);
    if (e.labelAt) e.labelAt = shift(e.labelAt);
  }
  return {
    nodes,
    edges,
    width: Math.ceil(maxX - minX + 2 * MARGIN),
    height: Math.ceil(maxY - minY + 2 * MARGIN),
  };
}
