import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/parse/front-matter.ts';
import { normalizeText } from '../../src/lib/hash.ts';
import { fastParseable, markdownItTree, withoutPositions } from '../../src/lib/parse/markdown-it-tree.ts';
import { parseMarkdownWithPositions } from '../../src/lib/parse/markdown-parser.ts';
import { renderMarkdown } from '../../src/lib/render/markdown-html.ts';


/**
 * markdown-it's trees must be remark's, positions aside, for every text fastParseable accepts.
 * The corpus check compares the two on every file of ../shared/corpus; here, the real files in
 * tests/fixtures and the cases where the two parsers' models differ.
 */

const remark = (text: string) => withoutPositions(parseMarkdownWithPositions(text));

function fixtureBodies(): Array<[string, string]> {
  const root = path.join(import.meta.dirname, '../fixtures');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, readFrontMatter(normalizeText(readFileSync(path.join(root, f), 'utf8')), f).body]);
}

const SAME = [
  // Task list items: checked, unchecked, a tab inside, a line ending after, two spaces after.
  '- [ ] todo\n- [x] done\n- [X] Done\n- [\t] tab\n- [x]\n  next line\n- [ ]  two spaces\n',
  // Not task items: nothing after, no space after, not the first child.
  '- [x]\n- [x]y\n- text\n\n  [x] later\n',
  // spread: blank lines between items, inside an item, after a nested list, inside a quote.
  '- a\n\n- b\n',
  '- a\n\n  b\n- c\n',
  '* foo\n  * bar\n\n  baz\n',
  '* a\n  > b\n  >\n* c\n',
  '> - a\n>\n> - b\n',
  '> - a\n> - b\n',
  '1. one\n2. two\n\n10) ten\n',
  // Fences: info with escapes and entities, lang and meta, an empty fence, tildes.
  '``` foo\\+bar\nfoo\n```\n',
  '``` f&ouml;&ouml; title="x"  \ncode\n```\n\n~~~\n~~~\n',
  '    indented\n\n\n    code\n',
  // HTML blocks: closed, and left open to the end of the text.
  '<div>\n*a*\n</div>\n\n*b*\n',
  '<!-- open\n\nx\n',
  '<style\n  type="text/css">\n\nfoo\n',
  // Tables with alignment, escaped pipes and code.
  '| a | b | c |\n|:--|:-:|--:|\n| `x` | y \\| z | *e* |\n',
  // Inline: links, images (alt from markup), autolinks, literal autolinks, breaks, entities, delete.
  '[link](<a b> "t") ![im *g* `c`](u \'t\') <http://a.b> <a@b.co>\n',
  'See www.example.com, https://x.io/(a) or mail me@example.org.\n',
  'a  \nb\\\nc &amp; &#64; &copy;\n',
  '~~struck~~ and **strong *nested* text**\n',
  '# heading #\n\nSetext\n======\n\n***\n',
  '数据 a@b.co 数据库，见 https://example.com 。\n',
];

describe('markdownItTree', () => {
  it.each(SAME)('gives remark’s tree: %j', (text) => {
    expect(fastParseable(text)).toBe(true);
    expect(markdownItTree(text)).toEqual(remark(text));
  });

  it('gives remark’s tree for every fixture file it may parse, and parses most of them', () => {
    const bodies = fixtureBodies();
    const fast = bodies.filter(([, body]) => fastParseable(body));
    for (const [file, body] of fast) expect(markdownItTree(body), file).toEqual(remark(body));
    expect(fast.length).toBeGreaterThanOrEqual(Math.ceil(bodies.length * 0.7));
  });

  it('drops the cells of a table row beyond its header, which are never rendered', () => {
    const text = '| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| 4 |\n';
    expect(markdownItTree(text)).not.toEqual(remark(text));
    expect(renderMarkdown(markdownItTree(text))).toBe(renderMarkdown(parseMarkdownWithPositions(text)));
  });

  it('has no positions', () => {
    expect(JSON.stringify(markdownItTree('# a\n\n- b\n'))).not.toContain('position');
  });
});

describe('fastParseable', () => {
  it.each([
    ['a link reference definition', '[a]: https://x.org\n\n[a]\n'],
    ['a definition in a quote', '> [a]: https://x.org\n'],
    ['a footnote', 'Text[^1].\n\n[^1]: Note.\n'],
    ['single-tilde strikethrough', 'a ~b~ c\n'],
    ['three tildes in text', '~~~x~~~ y\n'],
    ['a code span over two lines', 'a `b\nc` d\n'],
    ['a code span between lines of backticks', '``\nfoo\n``\n'],
    ['an escaped backtick', 'a \\` b `c`\n'],
    ['emphasis markers in a literal autolink', 'www.example.com/a_b_ x\n'],
    ['an e-mail address with an underscore', 'mail first_last@example.com\n'],
    ['a domain in Chinese', '见 https://例子.com\n'],
    ['a table without pipes', 'a\n:-:\nb\n'],
  ])('leaves %s to remark', (_, text) => {
    expect(fastParseable(text)).toBe(false);
  });

  it.each([
    ['fences of tildes and backticks', '~~~\ncode\n~~~\n\n```js\nx\n```\n'],
    ['strikethrough of two tildes', '~~a~~\n'],
    ['code spans on one line', 'a `b` ``c ` d`` e\n'],
    ['plain links', 'See https://example.com/path?q=1 and www.example.com.\n'],
  ])('takes %s', (_, text) => {
    expect(fastParseable(text)).toBe(true);
  });
});
