import { isDeepStrictEqual } from 'node:util';
import type { Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { limitNesting } from './nesting.ts';
import { markdownItTree, withoutPositions } from './markdown-it-tree.ts';
import { MAY_AUTOLINK, MAY_TABLE } from './may-hold.ts';

/**
 * The markdown tree of an agent body. Agent files are plain CommonMark + GFM, never MDX: JSX,
 * `import` lines and `{expressions}` stay text.
 *
 * Parsing was most of the cost of a build. Most texts are parsed by markdown-it into the very
 * tree remark would give (`markdown-it-tree.ts`, measured on the 1,000 files of the benchmark's
 * catalog: 0.6–0.8 against 7–11 s); the others by remark (micromark), the reference.
 *
 * In remark, two GFM constructs are tried all over a document:
 * literal autolinks at every word (an e-mail address may start anywhere) and tables at every
 * line. A text that cannot hold one is parsed with that construct switched off, which gives the
 * same tree in about three quarters of the time (the tests: `may-hold.ts`).
 */

/** Micromark names of the literal autolink constructs (micromark-extension-gfm-autolink-literal). */
const AUTOLINK_CONSTRUCTS = ['wwwAutolink', 'protocolAutolink', 'emailAutolink'];

interface Skips {
  autolinks: boolean;
  tables: boolean;
}

/** A remark plugin (after remark-gfm) that switches off the constructs `skips` names. */
function withoutConstructs(this: Processor, skips: Skips): void {
  const data = this.data();
  const names = [...(skips.autolinks ? AUTOLINK_CONSTRUCTS : []), ...(skips.tables ? ['table'] : [])];
  data.micromarkExtensions!.push({ disable: { null: names } });
  if (!skips.autolinks) return;
  // Literal autolinks are also looked for in text nodes after parsing (mdast-util-gfm-autolink-literal).
  data.fromMarkdownExtensions = data.fromMarkdownExtensions!.map((group) =>
    (Array.isArray(group) ? group : [group]).map((ext) =>
      ext.enter && 'literalAutolink' in ext.enter ? { ...ext, transforms: [] } : ext,
    ),
  );
}

const parsers = new Map<string, Processor>();

function parserFor(skips: Skips): Processor {
  const key = `${skips.autolinks}/${skips.tables}`;
  let parser = parsers.get(key);
  if (!parser) {
    const base = unified().use(remarkParse).use(remarkGfm);
    parser = (skips.autolinks || skips.tables ? base.use(withoutConstructs, skips) : base) as unknown as Processor;
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * Parses markdown into an mdast tree (CommonMark + GFM). Headings inside code fences stay code.
 * Lines nested deeper than {@link limitNesting}'s limit are flattened first (hostile input).
 * Nodes may lack positions (see {@link parseMarkdownWithPositions}).
 */
export function parseMarkdown(text: string): Root {
  const limited = limitNesting(text).text;
  return markdownItTree(limited) ?? remarkTree(limited);
}

/** {@link parseMarkdown} by remark alone: every node has its position in `text` (after nesting limits). */
export function parseMarkdownWithPositions(text: string): Root {
  return remarkTree(limitNesting(text).text);
}

/** Parses with remark (micromark), the reference; `limited` has had {@link limitNesting}. */
function remarkTree(limited: string): Root {
  const parser = parserFor({ autolinks: !MAY_AUTOLINK.test(limited), tables: !MAY_TABLE.test(limited) });
  return parser.runSync(parser.parse(limited)) as Root;
}

/** Table rows cut to their header's cells, without trailing empty cells: how both trees render. */
function renderedRows(tree: Root): Root {
  visit(tree, 'table', (table: Table) => {
    for (const row of table.children) {
      row.children.length = Math.min(row.children.length, table.align?.length ?? Infinity);
      while (row.children.length && row.children[row.children.length - 1].children.length === 0) row.children.pop();
    }
  });
  return tree;
}

/**
 * Whether {@link parseMarkdown} gives `text` the tree remark gives it, positions aside, and
 * table rows as they render (markdown-it-tree.ts says why): the corpus check asks this of every
 * file. `undefined` when `text` goes to remark anyway.
 */
export function fastTreeMatches(text: string): boolean | undefined {
  const limited = limitNesting(text).text;
  const fast = markdownItTree(limited);
  if (!fast) return undefined;
  return isDeepStrictEqual(withoutPositions(renderedRows(fast)), withoutPositions(renderedRows(remarkTree(limited))));
}
