import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { EdgeKind } from '../schema.ts';

/**
 * Build-time graph layout with dagre. Everything here is pure and deterministic for a given
 * input order, so the same catalog always produces byte-identical SVG (and cache hits).
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
  /** Smaller second line, e.g. the collection of a neighbour from elsewhere. */
  sublabel?: string;
}

/** A directed edge between two node ids. */
export interface GraphEdgeInput {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Number of aggregated edges; drawn as a label when above 1. */
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

/** A routed edge. `points` run from the `from` node's border to the `to` node's border. */
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

/** Font size (px) the renderer uses for labels; widths below are estimated for it. */
export const FONT_SIZE = 13;
/** Font size (px) of the second line. */
export const SUB_FONT_SIZE = 11;
/** Widest a node box may get; longer labels are shortened. */
export const MAX_NODE_WIDTH = 240;
const MIN_NODE_WIDTH = 64;
const PAD_X = 12;
const MARGIN = 8;

// East Asian Wide/Fullwidth ranges (Hangul Jamo, CJK, Hangul, compatibility, fullwidth forms,
// supplementary ideographs) and emoji: these glyphs take about one em, twice a Latin letter.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/**
 * Estimated advance width of one character at `fontSize`: a narrow character is one unit
 * (0.55 em, about the average lowercase Latin letter in system-ui) and a wide (CJK)
 * character two. We cannot measure text at build time without a font engine, so the unit
 * errs on the wide side; CJK glyphs are 1 em, so they get a little slack too.
 */
export function charWidth(ch: string, fontSize = FONT_SIZE): number {
  const unit = fontSize * 0.55;
  return WIDE.test(ch) ? 2 * unit : unit;
}

/** Estimated rendered width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, fontSize);
  return w;
}

/** `text`, shortened with a trailing `…` so its estimated width stays within `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize = FONT_SIZE): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const budget = maxWidth - charWidth('…', fontSize);
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch, fontSize);
    if (w + cw > budget) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Lays out a graph left-to-right with dagre. Node boxes are sized from their (estimated)
 * label width; edges that name an unknown node id and self-loops are dropped, because
 * they cannot be drawn meaningfully. Coordinates are rounded to 0.1 px.
 */
export function layoutGraph(input: GraphInput): GraphLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 72, edgesep: 12, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));

  const byId = new Map<string, LaidOutNode>();
  for (const node of input.nodes) {
    if (byId.has(node.id)) continue;
    const maxText = MAX_NODE_WIDTH - 2 * PAD_X;
    const text = fitText(node.label, maxText);
    const sub = node.sublabel ? fitText(node.sublabel, maxText, SUB_FONT_SIZE) : '';
    const contentWidth = Math.max(textWidth(text), sub ? textWidth(sub, SUB_FONT_SIZE) : 0);
    // The focus label is drawn bold, roughly 10% wider.
    const drawn = node.focus ? contentWidth * 1.1 : contentWidth;
    const width = Math.ceil(Math.max(MIN_NODE_WIDTH, drawn + 2 * PAD_X));
    const height = node.sublabel ? 44 : 30;
    const laid: LaidOutNode = { ...node, text, x: 0, y: 0, width, height };
    if (sub) laid.sublabel = sub;
    byId.set(node.id, laid);
    g.setNode(node.id, { width, height });
  }

  const kept: Array<{ edge: GraphEdgeInput; name: string }> = [];
  input.edges.forEach((edge, i) => {
    if (edge.from === edge.to || !byId.has(edge.from) || !byId.has(edge.to)) return;
    kept.push({ edge, name: String(i) });
    // "A receives from B" means work flows B → A; ranking it reversed keeps the flow reading
    // left to right. Points are flipped back below so they always run from → to.
    const [v, w] = edge.kind === 'receives-from' ? [edge.to, edge.from] : [edge.from, edge.to];
    const counted = (edge.count ?? 1) > 1;
    const label = counted
      ? { width: textWidth(String(edge.count), SUB_FONT_SIZE) + 6, height: 14, labelpos: 'c' as const }
      : {};
    g.setEdge(v, w, label, String(i));
  });

  dagre.layout(g);

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
    const pos = g.node(id);
    laid.x = pos.x ?? 0;
    laid.y = pos.y ?? 0;
    grow(laid.x - laid.width / 2, laid.y - laid.height / 2);
    grow(laid.x + laid.width / 2, laid.y + laid.height / 2);
  }

  const edges: LaidOutEdge[] = [];
  for (const { edge, name } of kept) {
    const [v, w] = edge.kind === 'receives-from' ? [edge.to, edge.from] : [edge.from, edge.to];
    const routed = g.edge({ v, w, name });
    const points: GraphPoint[] = (routed?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    if (edge.kind === 'receives-from') points.reverse();
    for (const p of points) grow(p.x, p.y);
    const out: LaidOutEdge = { ...edge, points };
    if ((edge.count ?? 1) > 1 && routed?.x !== undefined && routed.y !== undefined) {
      out.labelAt = { x: routed.x, y: routed.y };
      grow(routed.x - 12, routed.y - 8);
      grow(routed.x + 12, routed.y + 8);
    }
    edges.push(out);
  }

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
