import type { EdgeKind } from '../schema.ts';
import { contentHash } from '../hash.ts';
import type { GraphLabels, GraphLayout, GraphPoint, LaidOutNode } from './layout.ts';
import { FONT_SIZE, SUB_FONT_SIZE, textWidth } from './text.ts';

/**
 * Renders a laid-out graph as a self-contained inline SVG string: no script, links are plain
 * `<a href>`, so it works with JavaScript off. Colours come from classes styled by
 * `src/styles/graph.css` (light/dark); the edge dash patterns and markers are attributes,
 * so kinds stay distinguishable even in forced-colours mode or without colour vision.
 */

/** Options for {@link renderGraphSvg}. */
export interface RenderOptions {
  /** Prefix for element ids (title, markers); must be unique per SVG within a page. */
  idPrefix?: string;
  /** Non-external nodes whose `group` differs from this are drawn as "elsewhere" (muted). */
  primaryGroup?: string;
  /** Above this many nodes the SVG is sized `width="100%"` (default 60). */
  largeAt?: number;
}

interface KindStyle {
  /** Fallback colour without graph.css; the stylesheet overrides it per theme. */
  color: string;
  dash?: string;
  /** Marker shape, drawn in a 10×10 box pointing right (+x). */
  marker: string;
  /** Also draw the marker at the start: the relation is symmetric. */
  both?: boolean;
}

// Each kind differs by dash pattern and/or marker shape, not only by colour (WCAG 1.4.1).
const KINDS: Record<EdgeKind, KindStyle> = {
  'receives-from': { color: '#047857', dash: '7 4', marker: '<path d="M1 1L9 5L1 9" fill="none" stroke="currentColor" stroke-width="2"/>' },
  'hands-to': { color: '#1d4ed8', marker: '<path d="M0 0L10 5L0 10z" fill="currentColor"/>' },
  notifies: { color: '#b45309', dash: '2 3', marker: '<path d="M0 0L10 5L0 10z" fill="currentColor"/>' },
  'reviewed-by': { color: '#7e22ce', dash: '9 3 2 3', marker: '<path d="M0 5L5 0L10 5L5 10z" fill="currentColor"/>' },
  'collaborates-with': { color: '#475569', marker: '<circle cx="5" cy="5" r="3.5" fill="currentColor"/>', both: true },
};
const KIND_ORDER = Object.keys(KINDS) as EdgeKind[];

const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff&<>"']/;

/** Escapes text for XML/HTML text and attribute values; drops characters XML forbids. */
export function escapeXml(text: string): string {
  // Most labels need no escaping; one test is far cheaper than seven replaces per label.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The href if it is safe to emit, else undefined. Escaping alone does not stop
 * `javascript:` URLs, so only relative URLs and http(s)/mailto are allowed.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  // Browsers ignore ASCII whitespace and controls inside a scheme ("java\tscript:").
  const squashed = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squashed)?.[1]?.toLowerCase();
  if (scheme && !['http', 'https', 'mailto'].includes(scheme)) return undefined;
  return href.trim();
}

const f = (n: number): string => String(Math.round(n * 10) / 10);

/** A path through dagre's points, rounded at the bends with quadratic curves. */
function pathData(points: GraphPoint[]): string {
  if (points.length < 2) return '';
  let d = `M${f(points[0].x)} ${f(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const q = points[i + 1];
    d += `Q${f(p.x)} ${f(p.y)} ${f((p.x + q.x) / 2)} ${f((p.y + q.y) / 2)}`;
  }
  const last = points[points.length - 1];
  return `${d}L${f(last.x)} ${f(last.y)}`;
}

function nodeMarkup(n: LaidOutNode, primaryGroup: string | undefined, labels: GraphLabels): string {
  const other = !n.external && primaryGroup !== undefined && n.group !== undefined && n.group !== primaryGroup;
  const cls = `n${n.focus ? ' n-focus' : ''}${n.external ? ' n-ext' : ''}${other ? ' n-other' : ''}`;
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  // The full label as a tooltip/accessible name when the drawn text was shortened, and always for
  // a collection's box, which would otherwise read like an agent's.
  const name = n.isCollection ? labels.collection(n.label) : n.text !== n.label ? n.label : undefined;
  const full = name === undefined ? '' : `<title>${escapeXml(name)}</title>`;
  const rect = `<rect x="${f(left)}" y="${f(top)}" width="${f(n.width)}" height="${f(n.height)}"/>`;
  let text: string;
  if (n.sublabel) {
    text =
      `<text x="${f(n.x)}" y="${f(n.y - 2)}">${escapeXml(n.text)}</text>` +
      `<text class="sub" x="${f(n.x)}" y="${f(n.y + 13)}">${escapeXml(n.sublabel)}</text>`;
  } else {
    text = `<text x="${f(n.x)}" y="${f(n.y + FONT_SIZE * 0.35)}">${escapeXml(n.text)}</text>`;
  }
  const href = n.external ? undefined : safeHref(n.href);
  if (href === undefined) return `<g class="${cls}">${full}${rect}${text}</g>`;
  const current = n.focus ? ' aria-current="page"' : '';
  return `<a href="${escapeXml(href)}" class="${cls}"${current}>${full}${rect}${text}</a>`;
}

interface LegendItem {
  kind?: EdgeKind;
  label: string;
  width: number;
}

/**
 * Renders `layout` as an inline `<svg class="agraph">`. Requires `src/styles/graph.css` on the
 * page for node colours. Labels and hrefs are escaped; unsafe href schemes are dropped.
 * External nodes are never links; the focus node is highlighted (and marked
 * `aria-current="page"` if it has an href).
 */
export function renderGraphSvg(layout: GraphLayout, labels: GraphLabels, options: RenderOptions = {}): string {
  const p = (options.idPrefix ?? `g${contentHash(JSON.stringify([labels.title, layout.nodes.map((n) => n.id)]), 8)}`)
    .replace(/[^A-Za-z0-9_-]/g, '_');
  const kinds = KIND_ORDER.filter((k) => layout.edges.some((e) => e.kind === k));
  const hasExternal = layout.nodes.some((n) => n.external);

  // Legend: a title then one item per kind present, wrapped into rows under the graph.
  const SAMPLE = 30;
  const items: LegendItem[] = kinds.map((k) => ({ kind: k, label: labels.kinds[k], width: SAMPLE + 6 + textWidth(labels.kinds[k]) }));
  if (hasExternal) items.push({ label: labels.external, width: 26 + textWidth(labels.external) });
  const rowWidth = Math.max(layout.width - 16, 320);
  const legendTop = layout.height + 6;
  const placed: Array<LegendItem & { x: number; y: number }> = [];
  // The legend title is bold, about 10% wider than the estimate for regular text.
  let x = 8 + textWidth(labels.legend) * 1.1 + 16;
  let y = legendTop + 12;
  let legendRight = x;
  for (const item of items) {
    if (x + item.width > rowWidth + 8 && placed.length > 0) {
      x = 8;
      y += 22;
    }
    placed.push({ ...item, x, y });
    x += item.width + 18;
    legendRight = Math.max(legendRight, x);
  }
  const showLegend = items.length > 0;
  const width = Math.ceil(Math.max(layout.width, showLegend ? legendRight : 0));
  const height = Math.ceil(showLegend ? y + 14 : layout.height);

  const out: string[] = [];
  const large = layout.nodes.length > (options.largeAt ?? 60);
  // Large graphs fill their container; the min-width keeps labels legible (~9px) and the
  // caller's `.graph-scroll` wrapper scrolls horizontally instead of shrinking further.
  const size = large
    ? `width="100%" style="min-width:${Math.round(width * 0.7)}px"`
    : `width="${width}" height="${height}"`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="agraph${large ? ' agraph-large' : ''}" role="group" aria-labelledby="${p}-t" viewBox="0 0 ${width} ${height}" ${size} font-family="system-ui,sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${p}-t">${escapeXml(labels.title)}</title>`,
  );

  if (kinds.length) {
    out.push('<defs>');
    for (const k of kinds) {
      const s = KINDS[k];
      out.push(
        `<marker id="${p}-${k}" class="k-${k}" color="${s.color}" viewBox="0 0 10 10" refX="${s.both ? 9 : 10}" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">${s.marker}</marker>`,
      );
    }
    out.push('</defs>', '<g class="edges" fill="none" stroke="currentColor" stroke-width="1.5">');
    for (const k of kinds) {
      const s = KINDS[k];
      const m = `url(#${p}-${k})`;
      const attrs = `class="e k-${k}" color="${s.color}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="${m}"${s.both ? ` marker-start="${m}"` : ''}`;
      const paths = layout.edges.filter((e) => e.kind === k).map((e) => `<path d="${pathData(e.points)}"/>`);
      // The legend sample shares the group so it inherits exactly the same stroke, dash and markers.
      const sample = placed.find((i) => i.kind === k);
      if (sample) paths.push(`<path class="ls" d="M${f(sample.x)} ${f(sample.y)}h${SAMPLE}"/>`);
      out.push(`<g ${attrs}>${paths.join('')}</g>`);
    }
    out.push('</g>');
  }

  const counted = layout.edges.filter((e) => e.labelAt && (e.count ?? 1) > 1);
  if (counted.length) {
    out.push(`<g class="ec" text-anchor="middle" font-size="${SUB_FONT_SIZE}">`);
    for (const e of counted) out.push(`<text x="${f(e.labelAt!.x)}" y="${f(e.labelAt!.y + 4)}">${e.count}</text>`);
    out.push('</g>');
  }

  out.push('<g class="nodes" text-anchor="middle">');
  // Document order is tab order: column by column (ranks run left to right), top to bottom.
  const ordered = [...layout.nodes].sort((a, b) => a.x - b.x || a.y - b.y);
  for (const n of ordered) out.push(nodeMarkup(n, options.primaryGroup, labels));
  out.push('</g>');

  if (showLegend) {
    out.push(`<g class="legend"><text class="lt" x="8" y="${f(legendTop + 16)}">${escapeXml(labels.legend)}</text>`);
    for (const item of placed) {
      if (item.kind) {
        out.push(`<text x="${f(item.x + SAMPLE + 6)}" y="${f(item.y + 4)}">${escapeXml(item.label)}</text>`);
      } else {
        out.push(
          `<g class="n n-ext"><rect x="${f(item.x)}" y="${f(item.y - 6)}" width="20" height="12"/></g>`,
          `<text x="${f(item.x + 26)}" y="${f(item.y + 4)}">${escapeXml(item.label)}</text>`,
        );
      }
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
