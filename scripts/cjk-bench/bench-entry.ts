/**
 * Runs in the browser (bundled by `browser.ts`): searches a list of queries through Agent
 * Atlas's search engine, or through Pagefind's default API, and returns the page ids found.
 */
import { SearchEngine } from '../../src/scripts/search/engine.ts';
import type { Locale } from '../../src/lib/locales.ts';

/** Page ids found per query, and the time each search took. */
export type Runs = Record<string, { ids: string[]; ms: number }>;

/** Agent Atlas's engine: query rewriting, phrases, both scripts. */
export async function runAtlas(base: string, locale: Locale, queries: string[]): Promise<Runs> {
  const engine = new SearchEngine(base, locale);
  await engine.load();
  await engine.loadConverters();
  const out: Runs = {};
  for (const q of queries) {
    const t = performance.now();
    const { matches } = await engine.search({ q });
    out[q] = { ids: matches.map((m) => m.pageId), ms: performance.now() - t };
  }
  return out;
}

/** Pagefind as it comes: the query as typed, default indexing. */
export async function runDefault(bundle: string, queries: string[]): Promise<Runs> {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as {
    init(): Promise<void>;
    search(q: string): Promise<{ results: Array<{ id: string }> } | null>;
  };
  await pagefind.init();
  const out: Runs = {};
  for (const q of queries) {
    const t = performance.now();
    const found = await pagefind.search(q);
    out[q] = { ids: (found?.results ?? []).map((r) => r.id), ms: performance.now() - t };
  }
  return out;
}
