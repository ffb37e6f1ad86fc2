import MarkdownIt, { type Token } from 'markdown-it';
import type { AlignType, Blockquote, Code, Heading, List, ListItem, Nodes, Parent, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';

/**
 * The mdast tree of a markdown text, parsed by markdown-it: the tree remark (micromark) gives,
 * without positions, in about a tenth of the time, for the texts `fastParseable`
 * (markdown-it-gate.ts) accepts and whose tokens hold nothing the two read differently
 * ({@link markdownItTree} says undefined then). One difference is left: table rows have as many
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

/** An attribute of a token as text (markdown-it types them as strings or numbers). */
function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** A table cell's alignment, from the style markdown-it gives its header cell. */
function alignOf(token: Token): AlignType {
  const style = attr(token, 'style') ?? '';
  const m = /text-align:(left|right|center)/.exec(style);
  return m ? (m[1] as AlignType) : null;
}

/** Inline tokens to phrasing content; adjacent text (line breaks included) is one node. */
function phrasing(tokens: readonly Token[]): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: Array<{ children: PhrasingContent[] }> = [root];
  const append = (node: PhrasingContent): void => {
    const siblings = stack[stack.length - 1].children;
    const last = siblings[siblings.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else siblings.push(node);
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    append(node);
    stack.push(node);
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        // Emphasis markers that were used leave empty text tokens behind.
        if (t.content) append({ type: 'text', value: t.content });
        break;
      case 'softbreak': {
        // markdown-it leaves tabs before a line ending; micromark drops all white space there.
        const siblings = stack[stack.length - 1].children;
        const last = siblings[siblings.length - 1];
        if (last?.type === 'text') last.value = last.value.replace(/[ \t]+$/, '');
        append({ type: 'text', value: '\n' });
        break;
      }
      case 'hardbreak':
        append({ type: 'break' });
        break;
      case 'code_inline':
        append({ type: 'inlineCode', value: t.content });
        break;
      case 'html_inline':
        append({ type: 'html', value: t.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: attr(t, 'href') ?? '', title: attr(t, 'title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image': {
        const alt = toString({ type: 'paragraph', children: phrasing(t.children ?? []) });
        append({ type: 'image', url: attr(t, 'src') ?? '', title: attr(t, 'title'), alt });
        break;
      }
      default:
        throw new Error(`markdown-it token without an mdast form: ${t.type}`);
    }
  }
  return root.children;
}

/**
 * GFM task list items, as micromark-extension-gfm-task-list-item reads them: `[ ]`, `[x]` or
 * `[X]` (white space inside for unchecked) at the very start of an item's first child, a
 * paragraph, followed by a line ending, or by white space and more of the paragraph. The check
 * leaves the text, and so does the one white-space character after it.
 */
function taskItem(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const head = first.children[0];
  if (head?.type !== 'text') return;
  const m = /^\[([ \t\n\rxX])\]/.exec(head.value);
  if (!m) return;
  const after = head.value.slice(3);
  if (after[0] !== '\n') {
    if (after[0] !== ' ' && after[0] !== '\t') return;
    // Only white space to the end of the paragraph: not a task.
    if (/^[ \t]*$/.test(after) && first.children.length === 1) return;
  }
  item.checked = m[1] === 'x' || m[1] === 'X';
  head.value = after.slice(1);
  if (!head.value) first.children.shift();
}

/**
 * Whether a paragraph's (or heading's, or cell's) source holds what markdown-it reads otherwise
 * than micromark: a run of tildes other than two (GFM's single-tilde strikethrough, or three as
 * text), or a code span that may run over a line ending (a backtick run that no run of the same
 * length closes on its line, or an escaped backtick), whose line ending mdast keeps and
 * markdown-it turns into a space.
 */
function unsafeInline(source: string): boolean {
  for (const m of source.matchAll(/~+/g)) if (m[0].length !== 2) return true;
  if (!source.includes('`') || !source.includes('\n')) return false;
  if (source.includes('\\`')) return true;
  for (const line of source.split('\n')) {
    const runs = (line.match(/`+/g) ?? []).map((r) => r.length);
    for (let i = 0; i < runs.length; i++) {
      const close = runs.indexOf(runs[i], i + 1);
      if (close === -1) return true;
      i = close;
    }
  }
  return false;
}

/** Whether markdown-it's tokens come near {@link MAX_NESTING}, below which it drops text. */
function tooDeep(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.level >= MAX_NESTING - 10 || (t.children !== null && tooDeep(t.children)));
}

/**
 * Parses `text` into mdast with markdown-it (CommonMark, GFM tables, strikethrough, task list
 * items and literal autolinks). Nodes carry no positions. Only for texts `fastParseable`
 * accepts; undefined when the tokens show something remark would read otherwise.
 */
export function markdownItTree(text: string): Root | undefined {
  const tokens = md.parse(text, {});
  if (tooDeep(tokens)) return undefined;
  const lines = text.split('\n');
  const root: Root = { type: 'root', children: [] };
  const stack: Container[] = [root];
  // The tokens of open lists and items, to compute `spread` when they close.
  const listTokens: Token[] = [];
  const itemTokens: Token[] = [];
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
        listTokens.push(t);
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [] } satisfies ListItem);
        itemTokens.push(t);
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
        const token = itemTokens.pop()!;
        taskItem(item);
        item.spread = item.children.length > 1 && blankBeforeAChild(token, tokens, i, { lines, quotes, codeLines });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const list = stack.pop() as List;
        list.spread = blankBeforeAChild(listTokens.pop()!, tokens, i, { lines, quotes, codeLines });
        break;
      }
      default:
        if (t.nesting === -1) stack.pop();
        else throw new Error(`markdown-it token without an mdast form: ${t.type}`);
    }
  }
  autolinkLiterals(root);
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

/** Where `opener` is in `tokens`, searching back from its closing token. */
function openerIndex(tokens: readonly Token[], opener: Token, close: number): number {
  for (let j = close; j >= 0; j--) if (tokens[j] === opener) return j;
  return close;
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
 * container opened at `opener` and closed at `tokens[close]` (items of a list, children of an
 * item). The line before such a block is blank, and not inside a code or HTML block (a block
 * that ends with blank lines, such as a list, counts them as its own in markdown-it's ranges).
 */
function blankBeforeAChild(opener: Token, tokens: readonly Token[], close: number, source: SourceLines): boolean {
  const ranges = childRanges(tokens, openerIndex(tokens, opener, close), close);
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
