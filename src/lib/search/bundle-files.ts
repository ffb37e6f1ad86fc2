/**
 * Names of the files and folders of the search bundle the browser reads. Kept apart from
 * `lib/search/index-files.ts`, which uses Node's zlib and must stay out of the browser bundle.
 */

/** The section map of a page language (`<html lang>`, lower-cased as Pagefind does). */
export function sectionMapFileName(lang: string): string {
  return `atlas-sections.${lang.toLowerCase()}.json`;
}

/** The pruned OpenCC phrase table. */
export const ST_PHRASES_FILE_NAME = 'atlas-st-phrases.txt';

/**
 * The folder of index part `i` inside the site's `pagefind/` folder: the first part is the
 * bundle itself (its `pagefind.js` is what the browser loads), the others are merged into it.
 */
export function partFolder(i: number): string {
  return i === 0 ? '' : `part-${i}/`;
}

/** The file listing the folders (of {@link partFolder}) the browser merges into the first part. */
export const PARTS_FILE_NAME = 'atlas-parts.json';
