import { contentHash } from '../hash.ts';
import type { PageEntry } from './section-map.ts';

/**
 * How the search index is split into parts. Pagefind cannot update an index, so a catalog that
 * is one index re-indexes every page when one agent changes (about 15 s of CPU at a thousand
 * agents). Split into parts by agent, an edit re-indexes only its part; the browser merges the
 * parts (Pagefind's `mergeIndex`). Small catalogs stay one part: every extra part costs a few
 * requests on the first search.
 */

/**
 * Agent pages a part holds on average (until {@link MAX_PARTS}): agents are spread by a hash of
 * their slug, so a part holds a little more or less. An agent's records (one per locale, or one
 * for two locales that show the same) share a part.
 */
export const PAGES_PER_PART = 1000;
/** Parts at most, whatever the catalog size (each adds requests to a first search). */
export const MAX_PARTS = 8;

/** The number of parts for an index of `pages` pages, `perPart` pages a part. */
export function partCount(pages: number, perPart = PAGES_PER_PART): number {
  return Math.min(MAX_PARTS, Math.max(1, Math.ceil(pages / perPart)));
}

/**
 * The part an agent's pages go to: from a hash of its slug, so it stays put while the catalog
 * keeps its number of parts (adding or removing other agents does not move it).
 */
export function partOf(slug: string, parts: number): number {
  return parts === 1 ? 0 : Number.parseInt(contentHash(slug, 8), 16) % parts;
}

/**
 * Splits pages into parts by their agent's slug (`slugOf`). Empty parts are dropped (the browser
 * needs no request for them), so the result may be shorter than {@link partCount}. `size` is the
 * number of pages the parts are counted from (default: `pages`): the agent pages the records
 * stand for, so that a record shared by two locales, or no longer shared, moves no part boundary.
 */
export function splitIntoParts<T>(pages: readonly T[], slugOf: (page: T) => string, perPart = PAGES_PER_PART, size = pages.length): T[][] {
  const count = partCount(size, perPart);
  const parts: T[][] = Array.from({ length: count }, () => []);
  for (const page of pages) parts[partOf(slugOf(page), count)].push(page);
  return parts.filter((p) => p.length > 0);
}

/**
 * Merges the section maps of the parts (page ids are Pagefind's fragment hashes, so they do not
 * collide across parts).
 */
export function mergeSectionMaps(maps: ReadonlyArray<Readonly<Record<string, PageEntry>>>): Record<string, PageEntry> {
  return Object.assign({}, ...maps) as Record<string, PageEntry>;
}
