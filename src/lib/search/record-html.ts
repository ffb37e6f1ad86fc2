import { LOCALES, type Locale } from '../locales.ts';
import { searchRecord, type SearchableAgent, type SearchRecord } from './records.ts';
import { BLOCK_WEIGHTS, encodeAnchorTitle } from './kinds.ts';
import { hanSeparator, separateHan } from './han.ts';

/**
 * The HTML Pagefind indexes for a search record. It is never served: it exists so Pagefind's
 * parser gives each block its weight, turns each anchor into a sub-result link, and separates
 * blocks (it ends each block with a word of punctuation, so a phrase cannot match across two).
 * Han characters are separated (U+200B in Chinese) so each is indexed as one word.
 */

/** Escapes text for HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Renders a record as the HTML document Pagefind indexes.
 * @example recordToHtml(record).startsWith('<!doctype html><html lang="zh-hant">') // true
 */
export function recordToHtml(record: SearchRecord): string {
  const sep = hanSeparator(record.language);
  const hidden = (attr: string, value: string) => `<span data-pagefind-ignore ${attr}>${escapeHtml(value)}</span>`;
  const head = [hidden('data-pagefind-meta="title"', record.title)];
  for (const [name, values] of Object.entries(record.filters)) {
    for (const v of values) head.push(hidden(`data-pagefind-filter="${name}"`, v));
  }
  const body = record.blocks.map((b) => {
    const anchor = b.anchor
      ? `<i id="${escapeHtml(b.anchor.id)}" data-pagefind-title="${escapeHtml(encodeAnchorTitle(b.anchor.code, b.anchor.label))}"></i>`
      : '';
    return `<p data-pagefind-weight="${BLOCK_WEIGHTS[b.kind]}">${anchor}${escapeHtml(separateHan(b.text, sep))}</p>`;
  });
  return `<!doctype html><html lang="${escapeHtml(record.language)}"><head><title>${escapeHtml(record.title)}</title></head><body>${head.join('')}${body.join('\n')}</body></html>`;
}

/** The HTML Pagefind indexes for an agent's page in each locale (made once per agent file). */
export function agentSearchHtml(agent: SearchableAgent): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, recordToHtml(searchRecord(agent, locale))])) as Record<Locale, string>;
}
