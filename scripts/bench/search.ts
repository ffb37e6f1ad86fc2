import { measureSearch } from '../search-bench.ts';

/**
 * Search speed in headless Chromium, as a reader meets it, for the benchmark's results: the
 * search benchmark's `measureSearch` (`scripts/search-bench.ts`) on the built site, its figures
 * rounded to 0.1. `coldMs` is the first query on a freshly loaded agent page (the index is
 * fetched then), `warmMs` the median over the next queries, `indexKB` what the browser downloaded
 * for search.
 */

/** Search figures; null when search was not measured (`note` says why). */
export interface SearchFigures {
  coldMs: number | null;
  warmMs: number | null;
  indexKB: number | null;
  /** Index downloaded for the first query alone, and search code. */
  coldIndexKB?: number;
  codeKB?: number;
  /** Which measurement produced them. */
  by: 'scripts/search-bench.ts';
  note?: string;
}

/** Options of {@link measureSiteSearch}. */
export interface SearchOptions {
  siteDir: string;
  basePath: string;
  port: number;
  queries: string[];
}

const one = (n: number): number => Math.round(n * 10) / 10;

/** Measures search on the built site with `scripts/search-bench.ts`. */
export async function measureSiteSearch(options: SearchOptions): Promise<SearchFigures> {
  const r = await measureSearch(options);
  return {
    coldMs: one(r.coldMs),
    warmMs: one(r.warmMs),
    indexKB: one(r.indexKB),
    coldIndexKB: one(r.coldIndexKB),
    codeKB: one(r.codeKB),
    by: 'scripts/search-bench.ts',
  };
}
