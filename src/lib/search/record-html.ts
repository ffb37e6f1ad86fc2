import { LOCALES, type Locale } from '../locales.ts';
import type { LocalizedContent } from '../schema.ts';
import { searchRecord, type SearchableAgent, type SearchRecord } from './records.ts';
import { BLOCK_WEIGHTS, encodeAnchorTitle } from './kinds.ts';
import { BLOCK_END, hasHan, separateHan } from './han.ts';

/**
 * The HTML Pagefind indexes for a search record. It is never served: it exists so Pagefind's
 * parser gives each block its weight, turns each anchor into a sub-result link, and separates
 * blocks (each ends with a word of punctuation, so a phrase cannot match across two). Han
 * characters are separated ({@link separateHan}) so each is indexed as one word.
 */

/** Escapes text for HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Renders a record as the HTML document Pagefind indexes.
 * @example recordToHtml(record).startsWith('<!doctype html><html lang="en">') // true
 */
export function recordToHtml(record: SearchRecord): string {
  const hidden = (attr: string, value: string) => `<span data-pagefind-ignore ${attr}>${escapeHtml(value)}</span>`;
  const head = [hidden('data-pagefind-meta="title"', record.title)];
  for (const [name, values] of Object.entries(record.filters)) {
    for (const v of values) head.push(hidden(`data-pagefind-filter="${name}"`, v));
  }
  // Pagefind ends a block with a full stop on its last word, so the next block's first word
  // follows it directly; with Han characters (each a word, queried as phrases) a phrase could
  // then match across two blocks. A full stop that is a word of its own keeps them apart
  // (`BLOCK_END`); excerpts put it back against the text (`tidyExcerpt`).
  const end = record.blocks.some((b) => hasHan(b.text)) ? BLOCK_END : '';
  const body = record.blocks.map((b) => {
    const anchor = b.anchor
      ? `<i id="${escapeHtml(b.anchor.id)}" data-pagefind-title="${escapeHtml(encodeAnchorTitle(b.anchor.code, b.anchor.label))}"></i>`
      : '';
    const text = escapeHtml(separateHan(b.text));
    return `<p data-pagefind-weight="${BLOCK_WEIGHTS[b.kind]}">${anchor}${text}${text.trim() ? end : ''}</p>`;
  });
  const inner = `<head><title>${escapeHtml(record.title)}</title></head><body>${head.join('')}${body.join('\n')}</body>`;
  return `<!doctype html><html lang="${escapeHtml(record.language)}">${inner}</html>`;
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
 * Locales that show the same content (an untranslated agent's three pages, a Chinese agent's
 * English page and its source-script page) share one record, made once: every locale is indexed
 * in one language (`INDEX_LANGUAGE`), so the documents are the same and `searchPages` indexes
 * them once.
 */
export function agentSearchHtml(agent: SearchableAgent): Record<Locale, string> {
  const made: Array<{ content: LocalizedContent; html: string }> = [];
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const content = agent.localized[locale];
    let html = made.find((m) => sameContent(m.content, content))?.html;
    if (html === undefined) {
      html = recordToHtml(searchRecord(agent, locale));
      made.push({ content, html });
    }
    out[locale] = html;
  }
  return out;
}
