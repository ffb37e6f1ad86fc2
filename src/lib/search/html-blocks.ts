/**
 * Turns an agent's rendered body HTML (the sanitized output of `render/markdown-html.ts`) into
 * a flat list of text blocks for the search index. Flat, because Pagefind only separates words
 * of different block elements when one ends before the next starts: text of a list item and its
 * nested list would otherwise run together, and a phrase could match across them.
 */

/** One block of text: a paragraph, list item, heading, table cell or code block. */
export interface HtmlBlock {
  /** The block element's tag: `p`, `li`, `h2`, `pre`… */
  tag: string;
  /** Its `id`, when it has one (headings and label paragraphs do). */
  id?: string;
  /** Its own text, without the text of nested blocks; entities decoded, spacing collapsed. */
  text: string;
}

const BLOCK_TAGS = new Set([
  'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'td', 'th', 'dt', 'dd',
  'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'div', 'section', 'hr',
]);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Decodes the character references hast-util-to-html writes.
 * @example decodeEntities('a &#x3C; b &amp; c') // 'a < b & c'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Splits HTML into its text blocks, in document order; blocks without text are dropped unless
 * they carry an id (an empty heading still marks where a section starts).
 * @example htmlToBlocks('<h2 id="a">A</h2><ul><li>x<ul><li>y</li></ul></li></ul>')
 * // [{ tag: 'h2', id: 'a', text: 'A' }, { tag: 'li', text: 'x' }, { tag: 'li', text: 'y' }]
 */
export function htmlToBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  // The open blocks; text goes to the innermost. Each keeps its text so far.
  const stack: Array<{ tag: string; id?: string; text: string }> = [{ tag: 'p', text: '' }];
  const flush = () => {
    const top = stack[stack.length - 1];
    const text = decodeEntities(top.text).replace(/\s+/g, ' ').trim();
    if (text || top.id) blocks.push(top.id ? { tag: top.tag, id: top.id, text } : { tag: top.tag, text });
    top.text = '';
    // An id names where a block starts; the rest of the block after a nested list has none.
    delete top.id;
  };
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      stack[stack.length - 1].text += m[4];
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'br') {
      stack[stack.length - 1].text += ' ';
      continue;
    }
    if (!BLOCK_TAGS.has(tag)) continue;
    const keepsPre = stack[stack.length - 1].tag === 'pre';
    if (keepsPre && tag !== 'pre') continue;
    flush();
    if (closing) {
      if (stack.length > 1 && stack[stack.length - 1].tag === tag) stack.pop();
      else {
        const at = stack.map((s) => s.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at;
      }
    } else if (tag !== 'hr') {
      const id = /\sid="([^"]*)"/i.exec(m[3])?.[1];
      stack.push(id ? { tag, id: decodeEntities(id), text: '' } : { tag, text: '' });
    }
  }
  while (stack.length) {
    flush();
    stack.pop();
  }
  return blocks;
}
