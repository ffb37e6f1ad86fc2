import { contentHash } from './hash.ts';

/**
 * Anchor ids. They are derived from the *source* text of an agent, never from a translation, so
 * the same heading or item has the same id in all three locales; ids are short hashes of the
 * normalized text, so editing text elsewhere in the file never changes them.
 */

/** Folds text to the form an id is computed from: lower case, no punctuation or spacing. */
export function foldForId(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

/**
 * Slug of ASCII words, or '' when the text has none worth keeping.
 * @example asciiSlug('🎯 Core Mission') // 'core-mission'
 */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    // Accents come apart as combining marks: drop them, so 'crème' is 'creme', not 'cre-me'.
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\x00-\x7f]/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/**
 * The anchor id of a heading or label: a readable slug when the text is mostly ASCII
 * (`core-mission`), else `s-` and a hash (`s-3fa9c1`), which stays valid in every script.
 */
export function headingId(text: string): string {
  const slug = asciiSlug(text);
  const folded = foldForId(text);
  const asciiShare = folded.length ? folded.replace(/[^\x00-\x7f]/g, '').length / folded.length : 0;
  if (slug && asciiShare >= 0.8) return slug;
  return `s-${contentHash(folded || text, 6)}`;
}

/** The anchor id of a list item: `prefix-` and a hash of its folded source text. */
export function itemId(prefix: string, text: string): string {
  return `${prefix}-${contentHash(foldForId(text) || text, 6)}`;
}

/** Hands out ids, adding `-2`, `-3`… when one repeats, in document order. */
export class IdRegistry {
  private readonly seen = new Map<string, number>();
  /** Registers `id` and returns it, or a numbered variant if it was taken. */
  claim(id: string): string {
    const count = this.seen.get(id) ?? 0;
    this.seen.set(id, count + 1);
    return count === 0 ? id : `${id}-${count + 1}`;
  }
}

/** Ids of the fixed sections of an agent page; the same in every locale. */
export const PAGE_SECTION_IDS = {
  description: 'description',
  examples: 'examples',
  responsibilities: 'responsibilities',
  checklists: 'checklists',
  collaboration: 'collaboration',
  definition: 'definition',
} as const;
