import type { Root, Nodes, Parents } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

/**
 * Renders an agent's markdown tree to HTML that is safe by construction: agent files are
 * untrusted, so raw HTML is never passed through. `<br>` becomes a line break; every other HTML
 * fragment (`<script>`, `<iframe>`, `<img onerror>`) is shown as literal text. Links keep only
 * http(s), mailto, relative and fragment targets; images are not loaded (no external requests,
 * which the content security policy forbids anyway) but shown as links to their source.
 */

const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/)|\.{1,2}\/|[\w][\w./-]*$)/i;

/** Whether a URL from an agent file may be used as a link target. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim().replace(/[\u0000-\u001f\u007f\s]+/g, '');
  return SAFE_URL.test(trimmed) && !/^(javascript|data|vbscript|file):/i.test(trimmed);
}

/** The node that stands in for raw HTML or an image, or undefined when `node` stays. */
function replacementFor(node: Nodes, parentType: Parents['type']): Nodes | undefined {
  if (node.type === 'html') {
    return /^<br\s*\/?>$/i.test(node.value.trim())
      ? { type: 'break' }
      : parentType === 'root' || parentType === 'blockquote'
        ? { type: 'paragraph', children: [{ type: 'text', value: node.value }] }
        : { type: 'text', value: node.value };
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    const alt = node.alt || (node.type === 'image' ? node.url : '');
    const url = node.type === 'image' ? node.url : '';
    return url && isSafeUrl(url)
      ? { type: 'link', url, children: [{ type: 'text', value: `🖼 ${alt}` }] }
      : { type: 'text', value: alt };
  }
  return undefined;
}

/**
 * The children of a parent with raw HTML, images and unsafe links neutralized: HTML becomes text
 * (`<br>` a break), an image a link to its source, an unsafe link its bare text (its children
 * take its place, and are neutralized as children of `parentType`), an unsafe definition `#`.
 * Returns the same array when nothing changed, so that the common case copies nothing.
 */
function neutralizeChildren(children: Nodes[], parentType: Parents['type']): Nodes[] {
  let out: Nodes[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    let result: Nodes | Nodes[] = node;
    const replacement = replacementFor(node, parentType);
    if (replacement) result = replacement;
    else if (node.type === 'link' && !isSafeUrl(node.url)) result = neutralizeChildren(node.children, parentType);
    else if (node.type === 'definition' && !isSafeUrl(node.url)) result = { ...node, url: '#' };
    else if ('children' in node) result = neutralize(node);
    if (result === node && !out) continue;
    // The first change: copy the unchanged nodes before it.
    out ??= children.slice(0, i);
    if (Array.isArray(result)) out.push(...result);
    else out.push(result);
  }
  return out ?? children;
}

/**
 * A copy of `node` that is safe to render (see {@link neutralizeChildren}). Only the parents of
 * changed nodes are copied; the tree passed in is never modified, and copying the whole tree for
 * every render cost more than the rest of rendering.
 */
function neutralize<T extends Parents>(node: T): T {
  const children = neutralizeChildren(node.children as Nodes[], node.type);
  return children === node.children ? node : { ...node, children };
}

/** Demotes headings and marks links, tables and code blocks, in every element under `parent`. */
function decorate(parent: HastRoot | Element, headingOffset: number): void {
  for (const node of parent.children) {
    if (node.type !== 'element') continue;
    decorate(node, headingOffset);
    const level = /^h([1-6])$/.exec(node.tagName);
    if (level && headingOffset) node.tagName = `h${Math.min(6, Number(level[1]) + headingOffset)}`;
    if (node.tagName === 'a') {
      const href = String(node.properties.href ?? '');
      if (/^https?:/i.test(href)) node.properties.rel = ['nofollow', 'noopener', 'noreferrer'];
    }
    if (node.tagName === 'table') {
      // Wide tables scroll inside their own box instead of widening the page on phones.
      node.properties.className = ['md-table'];
    }
    if (node.tagName === 'table' || node.tagName === 'pre') {
      // A box that may scroll must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
      node.properties.tabIndex = 0;
    }
  }
}

/**
 * Renders a markdown tree (already anchored: headings carry `data.hProperties.id`) to HTML.
 * `headingOffset` demotes headings so an embedded document nests under the page's own
 * outline (an agent body sits under an h2, so its `#` becomes h3). The tree is not modified.
 */
export function renderMarkdown(tree: Root, headingOffset = 0): string {
  const hast = toHast(neutralize(tree), { allowDangerousHtml: false }) as HastRoot;
  decorate(hast, headingOffset);
  return toHtml(hast);
}
