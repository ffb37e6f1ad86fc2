import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from '../serve-static.ts';

/**
 * Search speed in headless Chromium, as a reader meets it: on an agent page, a query goes into the
 * header search box `#site-search`; `coldMs` is the time from that last keystroke to the first
 * results on a freshly loaded page (the index is fetched then), `warmMs` the median over the next
 * queries, `indexKB` what the browser downloaded for search. When the search engineer's
 * `scripts/search-bench.ts` exists, its `measureSearch` is used instead of this one.
 */

/** Search figures; null when the site has no search to measure. */
export interface SearchFigures {
  coldMs: number | null;
  warmMs: number | null;
  indexKB: number | null;
  /** Index downloaded for the first query alone, and search code (from `scripts/search-bench.ts`). */
  coldIndexKB?: number;
  codeKB?: number;
  /** Which measurement produced them. */
  by: 'scripts/search-bench.ts' | 'scripts/bench/search.ts';
  note?: string;
}

/** Options of {@link measureSiteSearch}. */
export interface SearchOptions {
  root: string;
  siteDir: string;
  basePath: string;
  port: number;
  queries: string[];
  /** An agent page path under the base, e.g. `en/agents/backend-developer/`. */
  pagePath: string;
}

/** Where results appear: the listbox the box controls, or the usual result containers. */
const RESULT_SELECTORS = ['[role="listbox"] [role="option"]', '[data-search-results] a', '.search-results a', '#search-results a'];

async function ownMeasure(options: SearchOptions): Promise<SearchFigures> {
  const by = 'scripts/bench/search.ts' as const;
  const { chromium } = await import('@playwright/test');
  const server = await serveStatic(options.siteDir, options.port, options.basePath);
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    })
    .catch((error: unknown) => {
      // Else the listening server keeps the benchmark from ever ending.
      server.close();
      throw error;
    });
  try {
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${options.port}${options.basePath}${options.pagePath}`;
    await page.goto(url, { waitUntil: 'networkidle' });
    if (!(await page.locator('#site-search').count())) return { coldMs: null, warmMs: null, indexKB: null, by, note: 'no #site-search box' };
    let searchBytes = 0;
    page.on('response', async (res) => {
      if (res.url() === url) return;
      const body = await res.body().catch(() => undefined);
      searchBytes += body?.length ?? 0;
    });
    const timeOne = async (query: string): Promise<number | null> => {
      await page.fill('#site-search', '');
      await page.waitForTimeout(150);
      const before = await page.evaluate((sels) => sels.map((s) => document.querySelectorAll(s).length).join(','), RESULT_SELECTORS);
      const box = page.locator('#site-search');
      await box.focus();
      const start = await page.evaluate(() => performance.now());
      await page.keyboard.insertText(query);
      try {
        const handle = await page.waitForFunction(
          ([sels, prev]) => {
            const counts = (sels as string[]).map((s) => document.querySelectorAll(s).length);
            return counts.some((c) => c > 0) && counts.join(',') !== prev ? performance.now() : false;
          },
          [RESULT_SELECTORS, before] as const,
          { polling: 'raf', timeout: 5000 },
        );
        return (await handle.jsonValue()) as number - start;
      } catch {
        return null;
      }
    };
    const [first, ...rest] = options.queries;
    const coldMs = await timeOne(first);
    const indexKB = Math.round((searchBytes / 1024) * 10) / 10;
    const warm: number[] = [];
    for (const q of rest) {
      const ms = await timeOne(q);
      if (ms !== null) warm.push(ms);
    }
    warm.sort((a, b) => a - b);
    const warmMs = warm.length ? warm[warm.length >> 1] : null;
    if (coldMs === null) return { coldMs: null, warmMs: null, indexKB: null, by, note: 'no results appeared within 5 s (search not built yet?)' };
    return { coldMs: Math.round(coldMs), warmMs: warmMs === null ? null : Math.round(warmMs), indexKB, by };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

/** Measures search with `scripts/search-bench.ts` when it exists, else with the fallback above. */
export async function measureSiteSearch(options: SearchOptions): Promise<SearchFigures> {
  const external = path.join(options.root, 'scripts', 'search-bench.ts');
  if (existsSync(external)) {
    const mod = (await import(pathToFileURL(external).href)) as {
      measureSearch?: (o: { siteDir: string; basePath: string; port: number; queries: string[] }) => Promise<{
        coldMs: number;
        warmMs: number;
        indexKB: number;
        coldIndexKB?: number;
        codeKB?: number;
      }>;
    };
    if (mod.measureSearch) {
      const r = await mod.measureSearch({ siteDir: options.siteDir, basePath: options.basePath, port: options.port, queries: options.queries });
      const one = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);
      return {
        coldMs: one(r.coldMs)!,
        warmMs: one(r.warmMs)!,
        indexKB: one(r.indexKB)!,
        coldIndexKB: one(r.coldIndexKB),
        codeKB: one(r.codeKB),
        by: 'scripts/search-bench.ts',
      };
    }
  }
  return ownMeasure(options);
}
