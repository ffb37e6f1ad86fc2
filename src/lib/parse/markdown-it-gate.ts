/**
 * Which texts markdown-it may parse for remark (`markdown-it-tree.ts`): the checks here look at
 * the whole text, in linear time (agent files are untrusted), for what the two parsers read
 * differently. More checks run on markdown-it's tokens, where code and fences are told apart
 * from prose (`unsafeInline` there).
 */

/** Reference definitions (`[a]: url`, also in quotes and lists) and footnotes (`[^1]`). */
const REFERENCES = /\]:|\[\^/;

/** A delimiter row of a table without pipes (`:-:`), which GFM reads and markdown-it does not. */
const PIPELESS_TABLE = /^[ \t]*(?::-+:?|-+:)[ \t]*$/m;

/**
 * Escaped or encoded brackets (`\[x]`, `&#91;x]`, `[&#120;]`): markdown-it's text is decoded, so
 * they would read as task list checks. Numeric references are rare enough to leave all to remark.
 */
const ENCODED_BRACKETS = /\\[[\]]|&#|&[lr](?:brack|sqb);/;

/** Characters a bare link keeps in both parsers alike: no markup, nothing outside ASCII. */
const PLAIN_URL = /^[A-Za-z0-9\-.:/?#@!$'()+,;=%]*$/;

/**
 * Whether markdown-it gives `text` the tree remark would, as far as the whole text tells: no
 * link reference definition or footnote, no table whose delimiter row lacks pipes or that has a
 * single column under `---`, no escaped brackets, no non-breaking space in a table, and only
 * plain literal autolinks (see {@link plainBareLinks}).
 */
export function fastParseable(text: string): boolean {
  if (REFERENCES.test(text) || PIPELESS_TABLE.test(text) || ENCODED_BRACKETS.test(text)) return false;
  if (text.includes('|') && (text.includes('\u00a0') || dashesUnderPipes(text))) return false;
  return plainBareLinks(text);
}

/** A line of dashes under a line with a pipe: a one-column table in markdown-it, a heading in GFM. */
function dashesUnderPipes(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) if (/^[ \t]*-+[ \t]*$/.test(lines[i]) && lines[i - 1].includes('|')) return true;
  return false;
}

/**
 * Whether every literal autolink candidate reads the same in both parsers. micromark finds bare
 * links while it parses (before emphasis, after any character that is not an ASCII letter, hosts
 * without a dot such as `localhost`, domains in any script, `mailto:` and `xmpp:`); markdown-it's
 * tree gets them from the transform remark also runs, which sees text after emphasis and ASCII
 * only. So a candidate passes when it starts after white space, `(` or the start of the text, has
 * a dotted ASCII host, and holds only {@link PLAIN_URL} characters; an e-mail address when it has
 * no `_` and ASCII around it. Runs once over each candidate: linear in the text.
 */
function plainBareLinks(text: string): boolean {
  if (/mailto:|xmpp:/i.test(text)) return false;
  for (const m of text.matchAll(/(?:https?:\/\/|www\.)[^\s<]*/gi)) {
    const before = m.index ? text[m.index - 1] : ' ';
    if (!/[\s(]/.test(before) || !PLAIN_URL.test(m[0])) return false;
    const host = m[0].replace(/^https?:\/\//i, '').split(/[/:?#]/, 1)[0];
    if (!host.includes('.')) return false;
  }
  for (const m of text.matchAll(/@/g)) {
    const local = /[\w.+\-\u0080-\uffff]*$/.exec(text.slice(Math.max(0, m.index - 64), m.index))![0];
    const domain = /^[^\s<]*/.exec(text.slice(m.index + 1, m.index + 256))![0];
    if (/[^\x00-\x7f]|_/.test(local) || !PLAIN_URL.test(domain)) return false;
    const start = m.index - local.length;
    if (start > 0 && !/[\s(]/.test(text[start - 1])) return false;
  }
  return true;
}
