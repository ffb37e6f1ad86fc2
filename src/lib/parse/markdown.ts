import type { Root, Nodes, Heading, ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { IdRegistry, PAGE_SECTION_IDS, headingId, itemId } from '../ids.ts';

export { parseMarkdown } from './markdown-parser.ts';

/** Extra data Agent Atlas keeps on mdast nodes. */
export interface AnchorData {
  /** Anchor id derived from the source text. */
  anchor?: string;
  hProperties?: Record<string, unknown>;
}

/** The anchor id stored on a node by {@link assignAnchors}, if any. */
export function anchorOf(node: Nodes): string | undefined {
  return (node.data as AnchorData | undefined)?.anchor;
}

function setAnchor(node: Heading | ListItem | Paragraph, id: string, render: boolean): void {
  const data = (node.data ??= {}) as AnchorData;
  data.anchor = id;
  if (render) data.hProperties = { ...(data.hProperties ?? {}), id };
}

/** The text of a list item without its nested lists. */
export function ownText(item: ListItem): string {
  return item.children
    .filter((c) => c.type !== 'list')
    .map((c) => toString(c))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Anchored = Heading | ListItem | Paragraph;

function anchoredNodes(root: Root): { headings: Heading[]; items: ListItem[]; paragraphs: Paragraph[] } {
  const headings: Heading[] = [];
  const items: ListItem[] = [];
  const paragraphs: Paragraph[] = [];
  // A plain walk in document order (what unist-util-visit does, at a fraction of the cost).
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') headings.push(node);
    else if (node.type === 'listItem') items.push(node);
    else if (node.type === 'paragraph') paragraphs.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root);
  return { headings, items, paragraphs };
}

/**
 * A copy of a tree that stages may annotate (anchors, HTML ids in `data`) without changing the
 * original. Nodes, child lists and `data` are copied; values no stage modifies (positions) are
 * shared, which makes this far cheaper than `structuredClone`.
 */
export function cloneTree<T extends Nodes>(node: T): T {
  const copy = { ...node };
  if (node.data) copy.data = { ...node.data };
  if ('children' in node) (copy as { children: Nodes[] }).children = node.children.map((c) => cloneTree(c as Nodes));
  return copy;
}

/**
 * Gives every heading, list item and paragraph of a *source* tree an anchor id derived from its
 * text (headings also render it as their HTML id). Ids repeat-proof in document order, and never
 * equal the fixed page section ids.
 */
export function assignAnchors(root: Root): void {
  const registry = new IdRegistry();
  for (const id of Object.values(PAGE_SECTION_IDS)) registry.claim(id);
  const { headings, items, paragraphs } = anchoredNodes(root);
  for (const h of headings) setAnchor(h, registry.claim(headingId(toString(h))), true);
  for (const li of items) setAnchor(li, registry.claim(itemId('i', ownText(li))), false);
  for (const p of paragraphs) setAnchor(p, registry.claim(itemId('p', toString(p))), false);
}

/**
 * Copies the anchors of a source tree onto a localized tree of the same shape (an OpenCC
 * conversion, or a translation that kept the structure): the n-th heading, list item and
 * paragraph get the n-th id of the source. Nodes beyond the source's count get ids of their own.
 * Returns true when the shapes matched exactly.
 */
export function transferAnchors(source: Root, target: Root): boolean {
  const from = anchoredNodes(source);
  const to = anchoredNodes(target);
  const registry = new IdRegistry();
  for (const id of Object.values(PAGE_SECTION_IDS)) registry.claim(id);
  const copy = (a: Anchored[], b: Anchored[], render: boolean, own: (n: Anchored) => string) => {
    b.forEach((node, i) => {
      const src = a[i];
      const id = src ? anchorOf(src) : undefined;
      setAnchor(node, registry.claim(id ?? own(node)), render);
    });
  };
  copy(from.headings, to.headings, true, (n) => headingId(toString(n)));
  copy(from.items, to.items, false, (n) => itemId('i', ownText(n as ListItem)));
  copy(from.paragraphs, to.paragraphs, false, (n) => itemId('p', toString(n)));
  return (
    from.headings.length === to.headings.length &&
    from.items.length === to.items.length &&
    from.paragraphs.length === to.paragraphs.length
  );
}
