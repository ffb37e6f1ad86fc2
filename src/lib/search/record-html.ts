import { LOCALES, type Locale } from '../locales.ts';
import type { LocalizedContent } from '../schema.ts';
import { indexLanguage, searchRecord, type SearchableAgent, type SearchRecord } from './records.ts';
import { BLOCK_WEIGHTS, encodeAnchorTitle } from './kinds.ts';
import { hanSeparator, hasHan, separateHan } from './han.ts';

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
 * @example recordToHtml(record).startsWith('<!doctype html><html lang="zh">') // true
 */
export function recordToHtml(record: SearchRecord): string {
  return htmlDocument(record.language, recordInner(record));
}

/** The document around {@link recordInner}: only this part names the record's language. */
function htmlDocument(language: string, inner: string): string {
  return `<!doctype html><html lang="${escapeHtml(language)}">${inner}</html>`;
}

/** Everything inside `<html>`: it depends on the record's language only through the separator. */
function recordInner(record: SearchRecord): string {
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
  return `<head><title>${escapeHtml(record.title)}</title></head><body>${head.join('')}${body.join('\n')}</body>`;
}

/**
 * Whether two locales of an agent show the same content. A locale without a translation shows
 * its source's content: the localize stage copies the source's fields into it, so they are the
 * same strings and arrays, and comparing them is exact and cheap.
 */
function sameContent(a: LocalizedContent, b: LocalizedContent): boolean {
  return (
    a.html === b.html &&
    a.title === b.title &&
    a.summary === b.summary &&
    a.examples === b.examples &&
    a.responsibilities === b.responsibilities &&
    a.checklists === b.checklists
  );
}

/**
 * The HTML Pagefind indexes for an agent's page in each locale (made once per agent file).
 * Locales that show the same content with the same Han separator, or without a Han character
 * (an untranslated English agent's three pages), share one record: it is made once, not once per
 * locale, and when their index language is the same too (both Chinese scripts,
 * {@link indexLanguage}), the documents are the same and `searchPages` indexes them once.
 */
export function agentSearchHtml(agent: SearchableAgent): Record<Locale, string> {
  const made: Array<{ content: LocalizedContent; sep: string; han: boolean; inner: string }> = [];
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const content = agent.localized[locale];
    const language = indexLanguage(locale);
    const sep = hanSeparator(language);
    // Without a Han character the separator changes nothing: an untranslated English agent's
    // English and Chinese pages have the same record inside <html>.
    let inner = made.find((m) => (m.sep === sep || !m.han) && sameContent(m.content, content))?.inner;
    if (inner === undefined) {
      inner = recordInner(searchRecord(agent, locale));
      made.push({ content, sep, han: hasHan(inner), inner });
    }
    out[locale] = htmlDocument(language, inner);
  }
  return out;
}
