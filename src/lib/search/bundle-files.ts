/**
 * Names of the files the search index integration adds to the Pagefind bundle. Kept apart from
 * `lib/search/index-files.ts`, which uses Node's zlib and must stay out of the browser bundle.
 */

/** The section map of a page language (`<html lang>`, lower-cased as Pagefind does). */
export function sectionMapFileName(lang: string): string {
  return `atlas-sections.${lang.toLowerCase()}.json`;
}

/** The pruned OpenCC phrase table. */
export const ST_PHRASES_FILE_NAME = 'atlas-st-phrases.txt';
