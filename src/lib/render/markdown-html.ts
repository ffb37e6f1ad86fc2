import type { Root, Nodes, Parents } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';

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

function neutralizeHtml(tree: Root): void {
  visit(tree, (node, index, parent: Parents | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      const replacement: Nodes = /^<br\s*\/?>$/i.test(node.value.trim())
        ? { type: 'break' }
        : parent.type === 'root' || parent.type === 'blockquote'
          ? { type: 'paragraph', children: [{ type: 'text', value: node.value }] }
          : { type: 'text', value: node.value };
      parent.children.splice(index, 1, replacement as never);
      return [SKIP, index + 1];
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      const alt = node.alt || (node.type === 'image' ? node.url : '');
      const url = node.type === 'image' ? node.url : '';
      const replacement: Nodes =
        url && isSafeUrl(url)
          ? { type: 'link', url, children: [{ type: 'text', value: `🖼 ${alt}` }] }
          : { type: 'text', value: alt };
      parent.children.splice(index, 1, replacement as never);
      return [SKIP, index + 1];
    }
    if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
      if (node.type === 'link') {
        parent.children.splice(index, 1, ...(node.children as never[]));
        return [SKIP, index];
      }
      node.url = '#';
    }
    return undefined;
  });
}

function decorate(tree: HastRoot, headingOffset: number): void {
  visit(tree, 'element', (node: Element) => {
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
  });
}

/**
 * Renders a markdown tree (already anchored: headings carry `data.hProperties.id`) to HTML.
 * `headingOffset` demotes headings so an embedded document nests under the page's own
 * outline (an agent body sits under an h2, so its `#` becomes h3). The tree is not modified.
 */
export function renderMarkdown(tree: Root, headingOffset = 0): string {
  const copy = structuredClone(tree);
  neutralizeHtml(copy);
  const hast = toHast(copy, { allowDangerousHtml: false }) as HastRoot;
  decorate(hast, headingOffset);
  return toHtml(hast);
}
