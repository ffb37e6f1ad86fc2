/**
 * Names of the files and folders of the search bundle the browser reads. Kept apart from
 * `lib/search/index-files.ts`, which uses Node's zlib and must stay out of the browser bundle.
 */

const SECTION_MAP_PREFIX = 'atlas-sections.';

/** The section map of a page language (`<html lang>`, lower-cased as Pagefind does). */
export function sectionMapFileName(lang: string): string {
  return `${SECTION_MAP_PREFIX}${lang.toLowerCase()}.json`;
}

/** Whether a file name is one of {@link sectionMapFileName}'s. */
export function isSectionMapFile(name: string): boolean {
  return name.startsWith(SECTION_MAP_PREFIX) && name.endsWith('.json');
}

/** The pruned OpenCC phrase table. */
export const ST_PHRASES_FILE_NAME = 'atlas-st-phrases.txt';

/**
 * The file listing the folders of the index's parts inside the site's `pagefind/` folder, in
 * order (a {@link PartsList}): the browser loads the first as its index and merges the others
 * into it.
 */
export const PARTS_FILE_NAME = 'atlas-parts.json';

/** What {@link PARTS_FILE_NAME} holds. */
export interface PartsList {
  /** Folders of the bundles, each ending in `/`. */
  parts: string[];
  /** Page ids the browser drops from results: pages a part's overlay replaces (`index-overlay.ts`). */
  hidden: string[];
}
