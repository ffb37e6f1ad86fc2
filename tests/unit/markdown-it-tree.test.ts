import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/parse/front-matter.ts';
import { normalizeText } from '../../src/lib/hash.ts';
import { fastParseable } from '../../src/lib/parse/markdown-it-gate.ts';
import { markdownItTree, withoutPositions } from '../../src/lib/parse/markdown-it-tree.ts';
import { parseMarkdownWithPositions } from '../../src/lib/parse/markdown-parser.ts';
import { renderMarkdown } from '../../src/lib/render/markdown-html.ts';


/**
 * markdown-it's trees must be remark's, positions aside, for every text it is given: those
 * fastParseable accepts and whose tokens markdownItTree accepts (it says undefined otherwise).
 * The corpus check compares the two on every file of ../shared/corpus; here, the real files in
 * tests/fixtures and the cases where the two parsers' models differ.
 */

const remark = (text: string) => withoutPositions(parseMarkdownWithPositions(text));
/** markdown-it's tree of `text`, or undefined when `text` goes to remark. */
const fast = markdownItTree;

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
  '[link](<a b> "t") ![im *g* `c`](u \'t\')\n',
  'See www.example.com, https://x.io/(a) or mail me@example.org.\n',
  'a  \nb\\\nc &amp; &copy;\n',
  '~~struck~~ and **strong *nested* text**\n',
  '# heading #\n\nSetext\n======\n\n***\n',
  '数据 a@b.co 数据库，见 https://example.com 。\n',
  // Literal autolinks in capitals or behind an escape: the autolink transform runs only on
  // texts that may hold one (may-hold.ts), and these must. (Character references go to remark.)
  'See WWW.EXAMPLE.COM, HTTPS://X.IO, A@B.CO or www\\.x.com.\n',
  'No links here: a @mention, a.b, and wwwx.\n',
  // An unclosed fence in an item: its blank line separates nothing.
  '- ```\n  a\n\n- b\n',
  '- a\n\n  ```\n  b\n\n- c\n',
  // HTML blocks that end on their first line, or are left open in a container.
  '<!-->\n\n<?>\n',
  // A tab before a line ending.
  'a\t\nb\n',
];

describe('markdownItTree', () => {
  it.each(SAME)('gives remark’s tree: %j', (text) => {
    expect(fast(text)).toBeDefined();
    expect(withoutPositions(fast(text))).toEqual(remark(text));
  });

  it('gives remark’s tree for every fixture file it may parse, and parses most of them', () => {
    const bodies = fixtureBodies();
    const taken = bodies.filter(([, body]) => fast(body));
    for (const [file, body] of taken) expect(withoutPositions(fast(body)), file).toEqual(remark(body));
    expect(taken.length).toBeGreaterThanOrEqual(Math.ceil(bodies.length * 0.7));
  });

  it('gives table rows the header’s cells, as they render', () => {
    const text = '| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| 4 |\n';
    expect(withoutPositions(fast(text))).not.toEqual(remark(text));
    expect(renderMarkdown(fast(text)!)).toBe(renderMarkdown(parseMarkdownWithPositions(text)));
  });

  it('has no positions', () => {
    expect(JSON.stringify(fast('# a\n\n- b\n'))).not.toContain('position');
  });
});

describe('which texts go to remark', () => {
  it.each([
    ['a link reference definition', '[a]: https://x.org\n\n[a]\n'],
    ['a definition in a quote', '> [a]: https://x.org\n'],
    ['a footnote', 'Text[^1].\n\n[^1]: Note.\n'],
    ['single-tilde strikethrough', 'a ~b~ c\n'],
    ['three tildes in text', 'a ~~~x~~~ y\n'],
    ['tildes on an indented line of a paragraph', 'a\n    ~~~x~~ y\n'],
    ['a code span over two lines', 'a `b\nc` d\n'],
    ['a code span between lines of backticks', '``\nfoo\n``\n'],
    ['a code span after a line that is not a fence', '``` a`b\nc``` d\n'],
    ['a code span after an indented line', 'para\n    ```x\ny``` z\n'],
    ['an escaped backtick in a paragraph over lines', 'a \\` b\n`c`\n'],
    ['emphasis markers in a literal autolink', 'www.example.com/a_b_ x\n'],
    ['an e-mail address with an underscore', 'mail first_last@example.com\n'],
    ['a domain in Chinese', '见 https://例子.com\n'],
    ['a link right after Chinese', '见https://example.com\n'],
    ['a link right after a digit', '1https://a.com\n'],
    ['a host without a dot', 'Run at http://localhost:3000 now.\n'],
    ['mailto: and xmpp:', 'mailto:a@b.co and xmpp:a@b.co/r\n'],
    ['a brace in a link', 'www.a.com}\n'],
    ['an e-mail address before Chinese', 'x a@b.co数据库\n'],
    ['a table without pipes', 'a\n:-:\nb\n'],
    ['an HTML block left open in a quote', '> <!-- a\n\nb\n'],
    ['an HTML block left open in a list', '- <!-- a\n\nb\n'],
    ['one column under dashes', '| Note |\n---\ntext\n'],
    ['escaped brackets before a list item', '- \\[x] foo\n'],
    ['encoded brackets', '- &#91;x] foo\n- [&#120;] a\n'],
    ['a non-breaking space in a table', '| a |\n| - |\n| \u00a0b |\n'],
    ['quotes deeper than markdown-it keeps', '``` a`b\n' + '>'.repeat(150) + ' deep\nsecret line\n\nafter\n'],
  ])('%s', (_, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it.each([
    ['fences of tildes and backticks', '~~~\ncode\n~~~\n\n```js\nx\n```\n'],
    ['strikethrough of two tildes', '~~a~~\n'],
    ['code spans on one line', 'a `b` ``c ` d`` e\n'],
    ['plain links', 'See https://example.com/path?q=1 and www.example.com.\n'],
    ['an @mention', 'Hand over to @code-reviewer when done.\n'],
  ])('markdown-it takes %s', (_, text) => {
    expect(fast(text)).toBeDefined();
  });

  it('reads a 1 MB run of link starts to the end (a quadratic scan never returned)', () => {
    // MAX_AGENT_FILE_BYTES of hostile text: the test's time limit is what catches a slow scan.
    expect(fastParseable('www.'.repeat(2 ** 18))).toBe(true);
    expect(fastParseable('a@'.repeat(2 ** 19))).toBe(false);
  });
});
