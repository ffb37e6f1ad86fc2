import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parseMarkdown, parseMarkdownWithPositions } from '../../src/lib/parse/markdown-parser.ts';
import { withoutPositions } from '../../src/lib/parse/markdown-it-tree.ts';


/**
 * parseMarkdown gives most texts to markdown-it, and remark switches off literal autolinks and
 * tables for texts that cannot hold them. The tree must be the one full GFM gives (positions
 * aside: markdown-it's trees have none), in particular for texts that only just hold one.
 */

const gfm = unified().use(remarkParse).use(remarkGfm);
const full = (text: string) => gfm.runSync(gfm.parse(text));

const SAMPLES = [
  'Plain text with a hyphenated-word and an @agent-name mention.',
  'Mail a@b.co, a@b\\.co, a\\@b.co, x@.co, me@localhost, mailto:a@b.co and xmpp:a@b.co/r.',
  'Visit www.example.com, www\\.example.com, WWW.EXAMPLE.COM or wwwexample.',
  'Links http://x.org, HTTPS://x.org/path?q=1, http\\://x.org, https\\:\\/\\/x.org, http-client and HTTP status.',
  'Entities &#64; a&#64;b.co &#x77;ww.x.org &amp; &copy;',
  '`a@b.co` in code, [a@b.co](mailto:a@b.co) and <https://x.org> autolinks.',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'a | b\n--|--\n1 | 2',
  'a\n:-:\nb',
  'a\n-:\n',
  'heading\n---\n\ntext - with - dashes: and colons: here',
  '- list: item\n  - nested -: odd\n\n> quote | pipe',
  '数据 a@b.co数据库 www.例子.com/路径 https://例子.com',
];

describe('parseMarkdown', () => {
  it.each(SAMPLES)('gives the full GFM tree: %s', (text) => {
    expect(withoutPositions(parseMarkdown(text))).toEqual(withoutPositions(full(text)));
  });

  it.each(SAMPLES)('with positions, gives the full GFM tree: %s', (text) => {
    expect(parseMarkdownWithPositions(text)).toEqual(full(text));
  });
});
