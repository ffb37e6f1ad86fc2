import MarkdownIt, { type Token } from 'markdown-it';
import type { AlignType, Blockquote, Code, Heading, List, ListItem, Nodes, Parent, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { fastParseable } from './markdown-it-gate.ts';
import { attr, phrasing, taskItem, unsafeInline } from './markdown-it-inline.ts';
import { MAY_AUTOLINK } from './may-hold.ts';

/**
 * The mdast tree of a markdown text, parsed by markdown-it: the tree remark (micromark) gives,
 * without positions, in about a tenth of the time, for the texts `fastParseable`
 * (markdown-it-gate.ts) accepts and whose tokens hold nothing the two read differently
 * ({@link markdownItTree} says undefined otherwise). Inline tokens: markdown-it-inline.ts. One difference is left: table rows have as many
 * cells as the header, padded or cut, as GFM renders them (remark keeps the row as written, and
 * mdast-util-to-hast pads and cuts it when rendering).
 * `markdown-parser.ts` decides which parser a text gets; `tests/unit/markdown-it-tree.test.ts`
 * and the corpus check hold the two to the same trees.
 *
 * markdown-it resolves what mdast keeps apart or does not know: link reference definitions
 * (mdast keeps `definition` and `linkReference` nodes), footnotes and single-tilde strikethrough
 * (GFM). A text that may hold one of them goes to remark. Literal autolinks (`www.x.com`) are
 * found afterwards by the same transform remark runs (mdast-util-gfm-autolink-literal).
 */

// markdown-it drops what lies deeper than maxNesting levels of tokens (the commonmark preset's
// 20 is less than limitNesting lets through); a text that comes near it goes to remark.
const MAX_NESTING = 100;
const md = new MarkdownIt('commonmark', { html: true, maxNesting: MAX_NESTING }).enable(['table', 'strikethrough']);
// mdast keeps destinations as written (escapes and references decoded); markdown-it would
// percent-encode them, and drop links whose scheme it distrusts. Rendering sanitizes them later.
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;
md.validateLink = () => true;

const autolinkLiterals = gfmAutolinkLiteralFromMarkdown().transforms![0];

/**
 * HTML blocks that run on through blank lines until their end condition (CommonMark types 1–5).
 * One left open runs to the end of the text, and mdast keeps the final line ending then.
 */
const OPEN_ENDED_HTML: ReadonlyArray<[RegExp, RegExp]> = [
  [/^[ \t]*<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^[ \t]*<!--/, /-->/],
  [/^[ \t]*<\?/, /\?>/],
  [/^[ \t]*<![A-Za-z]/, />/],
  [/^[ \t]*<!\[CDATA\[/, /\]\]>/],
];

/**
 * An HTML block's value: its content without the final line ending, or with it when left open
 * at the end of the text. Undefined for one left open inside a container, whose line endings
 * micromark treats in ways not worth copying: such a text goes to remark.
 */
function htmlValue(content: string, topLevel: boolean): string | undefined {
  const kind = OPEN_ENDED_HTML.find(([start]) => start.test(content));
  // The end condition may overlap the start (`<!-->`, `<?>`).
  if (kind && !kind[1].test(content)) return topLevel ? content : undefined;
  return withoutFinalNewline(content);
}

type Container = Root | Exclude<Extract<Nodes, Parent>, Root>;

/** Whether a source line is blank inside `quotes` block quotes (their `>` markers taken off). */
function isBlank(line: string | undefined, quotes: number): boolean {
  if (line === undefined) return false;
  let rest = line;
  for (let q = 0; q < quotes; q++) rest = rest.replace(/^[ \t]*>/, '');
  return /^[ \t]*$/.test(rest);
}

/** Trailing line ending of a code or HTML block's content, which mdast leaves out. */
const withoutFinalNewline = (text: string): string => (text.endsWith('\n') ? text.slice(0, -1) : text);

/** A table cell's alignment, from the style markdown-it gives its header cell. */
function alignOf(token: Token): AlignType {
  const style = attr(token, 'style') ?? '';
  const m = /text-align:(left|right|center)/.exec(style);
  return m ? (m[1] as AlignType) : null;
}

/** Whether markdown-it's tokens come near {@link MAX_NESTING}, below which it drops text. */
function tooDeep(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.level >= MAX_NESTING - 10 || (t.children !== null && tooDeep(t.children)));
}

/**
 * Parses `text` into mdast with markdown-it (CommonMark, GFM tables, strikethrough, task list
 * items and literal autolinks). Nodes carry no positions. Undefined when `text` should go to
 * remark: `fastParseable` refuses it, or its tokens show something remark would read otherwise.
 */
export function markdownItTree(text: string): Root | undefined {
  if (!fastParseable(text)) return undefined;
  const tokens = md.parse(text, {});
  if (tooDeep(tokens)) return undefined;
  const lines = text.split('\n');
  const root: Root = { type: 'root', children: [] };
  const stack: Container[] = [root];
  // Where the open lists and items start in `tokens`, to compute `spread` when they close.
  const listStarts: number[] = [];
  const itemStarts: number[] = [];
  // Block quotes open around the current token: their markers start the lines inside.
  let quotes = 0;
  // Lines inside code and HTML blocks: a blank one there separates no blocks.
  const codeLines = new Set<number>();
  const coverLines = (t: Token): void => {
    if (t.map) for (let l = t.map[0]; l < t.map[1]; l++) codeLines.add(l);
  };
  const top = (): Container => stack[stack.length - 1];
  const add = (node: Nodes): void => {
    (top().children as Nodes[]).push(node);
  };
  const open = (node: Container): void => {
    add(node);
    stack.push(node);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'paragraph_open':
        open({ type: 'paragraph', children: [] });
        break;
      case 'heading_open':
        open({ type: 'heading', depth: Number(t.tag.slice(1)) as Heading['depth'], children: [] });
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [] } satisfies Blockquote);
        quotes++;
        break;
      case 'blockquote_close':
        stack.pop();
        quotes--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        open({ type: 'list', ordered, start: ordered ? Number(attr(t, 'start') ?? 1) : null, spread: false, children: [] } satisfies List);
        listStarts.push(i);
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [] } satisfies ListItem);
        itemStarts.push(i);
        break;
      case 'inline':
        if (unsafeInline(t.content)) return undefined;
        (top() as Extract<Container, { children: PhrasingContent[] }>).children.push(...phrasing(t.children ?? []));
        break;
      case 'fence': {
        coverLines(t);
        // As micromark: the info string's first word is the language, the rest (trailing white
        // space kept) the meta.
        const info = md.utils.unescapeAll(t.info).replace(/^[ \t]+/, '');
        const lang = info.split(/[ \t]/, 1)[0];
        const meta = info.slice(lang.length).replace(/^[ \t]+/, '');
        add({ type: 'code', lang: lang || null, meta: meta || null, value: withoutFinalNewline(t.content) } satisfies Code);
        break;
      }
      case 'code_block':
        add({ type: 'code', lang: null, meta: null, value: withoutFinalNewline(t.content) } satisfies Code);
        break;
      case 'html_block': {
        coverLines(t);
        const value = htmlValue(t.content, t.level === 0);
        if (value === undefined) return undefined;
        add({ type: 'html', value });
        break;
      }
      case 'hr':
        add({ type: 'thematicBreak' });
        break;
      case 'table_open':
        open({ type: 'table', align: [], children: [] } satisfies Table);
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [] } satisfies TableRow);
        break;
      case 'th_open':
      case 'td_open':
        if (t.type === 'th_open') ((stack[stack.length - 2] as Table).align ??= []).push(alignOf(t));
        open({ type: 'tableCell', children: [] } satisfies TableCell);
        break;
      case 'thead_open':
      case 'thead_close':
      case 'tbody_open':
      case 'tbody_close':
        break;
      case 'list_item_close': {
        const item = stack.pop() as ListItem;
        const start = itemStarts.pop()!;
        taskItem(item);
        item.spread = item.children.length > 1 && blankBeforeAChild(tokens, start, i, { lines, quotes, codeLines });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const list = stack.pop() as List;
        list.spread = blankBeforeAChild(tokens, listStarts.pop()!, i, { lines, quotes, codeLines });
        break;
      }
      default:
        if (t.nesting === -1) stack.pop();
        else throw new Error(`markdown-it token without an mdast form: ${t.type}`);
    }
  }
  // The transform walks the whole tree (about a tenth of this function's time); four texts in
  // five in the benchmark's catalog hold nothing it could find.
  if (MAY_AUTOLINK.test(text)) autolinkLiterals(root);
  return root;
}

/** Line ranges of the blocks directly inside the container opened at `tokens[from]`. */
function childRanges(tokens: readonly Token[], from: number, to: number): Array<[number, number]> {
  const level = tokens[from].level + 1;
  const out: Array<[number, number]> = [];
  for (let j = from + 1; j < to; j++) {
    const t = tokens[j];
    if (t.level === level && t.nesting !== -1 && t.map) out.push([t.map[0], t.map[1]]);
  }
  return out;
}

/** The source as `blankBeforeAChild` reads it. */
interface SourceLines {
  lines: readonly string[];
  /** Block quotes open around the container. */
  quotes: number;
  /** Lines inside code and HTML blocks. */
  codeLines: ReadonlySet<number>;
}

/**
 * mdast's `spread`: whether a blank line separates two of the blocks directly inside the
 * container opened at `tokens[open]` and closed at `tokens[close]` (items of a list, children
 * of an item). The line before such a block is blank, and not inside a code or HTML block (a block
 * that ends with blank lines, such as a list, counts them as its own in markdown-it's ranges).
 */
function blankBeforeAChild(tokens: readonly Token[], open: number, close: number, source: SourceLines): boolean {
  const ranges = childRanges(tokens, open, close);
  for (let k = 1; k < ranges.length; k++) {
    const line = ranges[k][0] - 1;
    if (!source.codeLines.has(line) && isBlank(source.lines[line], source.quotes)) return true;
  }
  return false;
}

/** A copy of a unist tree without `position` fields, to compare the trees of the two parsers. */
export function withoutPositions<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutPositions) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) if (key !== 'position') out[key] = withoutPositions(value);
    return out as T;
  }
  return node;
}
