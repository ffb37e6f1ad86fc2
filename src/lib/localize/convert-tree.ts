import type { Nodes, Root } from 'mdast';
import { cloneTree } from '../parse/markdown.ts';
import { hasConvertibleHan, toScriptPiece, type Script } from './chinese.ts';

/**
 * A Chinese body in the other script, as a tree: the source tree with its text converted node by
 * node, instead of converting the body text and parsing it again (a parse is most of the cost of
 * a file, and a Chinese file would otherwise be parsed twice).
 *
 * The two agree because of what the conversion tables hold (tests/unit/convert-tree.test.ts
 * checks it): every phrase has a non-ASCII character, uses no markdown punctuation, whitespace or
 * digits, starts and ends with a letter or Han character (so emphasis flanking cannot change) and
 * ends with a non-ASCII one (so no tag name, scheme or e-mail address can grow into it). So the
 * conversion never changes markup, and since markup always separates neighbouring text nodes, a
 * phrase never spans two nodes. Where the text may break one of these, the body is parsed again.
 */

/**
 * Source bodies for which node-by-node conversion could differ from converting the text:
 * - `@`, `www`, `http`: a literal autolink touches the text around it with no markup between
 *   (`a@b.co甲肝`, where a phrase could join them);
 * - `&`: a character reference stays as it is in the text, but is decoded in the tree;
 * - `]:`: definitions and footnotes, whose labels are matched to their uses after conversion;
 * - `![`: an image's alt text joins its pieces without the markup between them;
 * - ideographic description characters (U+2FF0–2FFF), whose operands OpenCC leaves alone even
 *   across markup; the private-use characters that {@link toScriptPiece} uses as markers.
 */
const UNSAFE = /[@&\u2ff0-\u2fff\u{f0000}-\u{ffffd}]|www|http|\]:|!\[/iu;

/** The node fields that hold text from the source (the rest are kinds, numbers and flags). */
const TEXT_FIELDS = ['value', 'url', 'title', 'lang', 'meta'] as const;

type TextFields = Partial<Record<(typeof TEXT_FIELDS)[number], unknown>>;

/**
 * The tree `parseMarkdown(toScript(body, to))` would give, with the anchors of `tree`, made from
 * `tree` (the anchored tree of `body`, not yet annotated by the extract stage); or undefined when
 * the body holds something for which that is not certain, and the converted text must be parsed.
 * `tree` is not modified.
 */
export function convertTree(tree: Root, body: string, to: Script): Root | undefined {
  if (UNSAFE.test(body)) return undefined;
  // toScript leaves a body without common Han characters as it is: so do its pieces.
  if (!hasConvertibleHan(body)) return cloneTree(tree);
  // Copy the tree, then note the text fields that need converting (ASCII text never changes).
  const copy = cloneTree(tree);
  const pending: Array<{ node: TextFields; field: (typeof TEXT_FIELDS)[number]; text: string }> = [];
  const collect = (node: Nodes): void => {
    for (const field of TEXT_FIELDS) {
      const text = (node as TextFields)[field];
      if (typeof text === 'string' && !/^[\x00-\x7f]*$/.test(text)) pending.push({ node: node as TextFields, field, text });
    }
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(copy);
  // One conversion for all of them, joined with NUL (in no phrase, so no phrase spans two
  // pieces): a conversion call costs much more than the characters it converts.
  const texts = pending.map((p) => p.text);
  const joined = texts.some((t) => t.includes('\0')) ? undefined : toScriptPiece(texts.join('\0'), to).split('\0');
  pending.forEach((p, i) => {
    p.node[p.field] = joined?.length === pending.length ? joined[i] : toScriptPiece(p.text, to);
  });
  return copy;
}
