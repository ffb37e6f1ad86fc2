/**
 * Search speed benchmark: serves a built site, opens an agent page in headless Chromium, types
 * queries into the header search box and times each last keystroke → first result rendered,
 * while summing the bytes of search index downloaded (Pagefind index, fragment, meta and filter
 * files, and the section map; files Pagefind does not compress itself are counted gzipped, as a
 * host serves them). `scripts/bench.ts` imports {@link measureSearch}; run it alone on
 * a built site with:
 *
 *   node scripts/search-bench.ts --site dist --base / [--port 4398] [--locale en] [--queries "api,rate limiting"]
 *
 * `coldMs` is the first query on a freshly opened page (Pagefind and its index not loaded yet);
 * `warmMs` the median of the other queries on the same page.
 */
import { readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from './serve-static.ts';
import { CHROMIUM } from './cjk-bench/browser.ts';

/** Options of {@link measureSearch}. */
export interface SearchBenchOptions {
  /** The built site (e.g. `dist`). */
  siteDir: string;
  /** Its base path (e.g. `/` or `/agent-atlas/`). */
  basePath: string;
  port: number;
  /** Queries, typed one after the other; the first is the cold one. */
  queries: string[];
  /** URL segment of the locale whose page is opened (default `en`). */
  locale?: string;
}

/** What {@link measureSearch} measured. */
export interface SearchBenchResult {
  /** Last keystroke → first result, first query on a fresh page. */
  coldMs: number;
  /** Median of the same for the other queries (warm page). */
  warmMs: number;
  /** Search index downloaded for all the queries, in KB (1024 bytes). */
  indexKB: number;
  /** Index downloaded for the first query alone. */
  coldIndexKB: number;
  /** Search code downloaded (Pagefind's JS and WebAssembly, our modules), in KB. */
  codeKB: number;
  perQuery: Array<{ query: string; ms: number; results: number; indexKB: number }>;
}

// The index is in part folders (`pagefind/part-…/`), listed in atlas-parts.json.
const INDEX_FILE = /\/pagefind\/(.*\.pf_(index|fragment|meta|filter)|(?:part-[^/]+\/)?pagefind-entry\.json|atlas-(?:sections\.[^/]+|parts)\.json)$/;
const CODE_FILE = /\/pagefind\/((?:part-[^/]+\/)?(?:pagefind(?:-worker)?\.js|wasm\.[^/]+)|atlas-st-phrases\.txt)$|\/_astro\/.*\.js$/;

async function firstAgentPage(siteDir: string, locale: string): Promise<string> {
  const root = path.join(siteDir, locale, 'agents');
  for (const e of await readdir(root, { withFileTypes: true })) if (e.isDirectory()) return `${locale}/agents/${e.name}/`;
  throw new Error(`No agent page in ${root}; build the site first.`);
}

/** Types a query as keystrokes and returns last keystroke → first result for it, in ms. */
async function timeQuery(page: Page, query: string): Promise<{ ms: number; results: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __lastInput: number; __shown: number };
    w.__lastInput = 0;
    w.__shown = 0;
  });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(query);
  // Results for the query; a query with none counts when its "no results" line shows.
  await page
    .waitForFunction((q) => (window as unknown as { __shownFor: string }).__shownFor === q, query, { timeout: 15_000 })
    .catch(() => page.waitForFunction((q) => (window as unknown as { __emptyFor: string }).__emptyFor === q, query, { timeout: 15_000 }));
  return page.evaluate((q) => {
    const w = window as unknown as { __lastInput: number; __shown: number; __count: number; __shownFor: string; __empty: number };
    return w.__shownFor === q ? { ms: w.__shown - w.__lastInput, results: w.__count } : { ms: w.__empty - w.__lastInput, results: 0 };
  }, query);
}

/** Measures search speed and index download on a built site. */
export async function measureSearch(options: SearchBenchOptions): Promise<SearchBenchResult> {
  const { siteDir, basePath, port, queries } = options;
  if (!queries.length) throw new Error('measureSearch needs at least one query.');
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const server = await serveStatic(path.resolve(siteDir), port, base);
  // A browser that cannot start must not leave the server listening: the run would never end.
  const browser = await chromium.launch(CHROMIUM).catch((error: unknown) => {
    server.close();
    throw error;
  });
  try {
    const page = await browser.newPage();
    let indexBytes = 0;
    let codeBytes = 0;
    page.on('response', async (response) => {
      const url = new URL(response.url()).pathname;
      const isIndex = INDEX_FILE.test(url);
      if (!isIndex && !CODE_FILE.test(url)) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      // Pagefind's own files are compressed already; a host compresses the rest (JSON, JS).
      const size = /\.(pf_\w+|wasm\.[^/]+|pagefind)$/.test(url) ? body.length : gzipSync(body).length;
      if (isIndex) indexBytes += size;
      else codeBytes += size;
    });
    // Records when the last input event happened and when results for the box's query showed.
    await page.addInitScript(() => {
      const w = window as unknown as { __lastInput: number; __shown: number; __shownFor: string; __count: number; __empty: number; __emptyFor: string };
      document.addEventListener('input', (e) => {
        if ((e.target as Element).id === 'site-search') w.__lastInput = performance.now();
      }, true);
      new MutationObserver(() => {
        const list = document.getElementById('site-search-results');
        const input = document.getElementById('site-search') as HTMLInputElement | null;
        const q = input?.value.trim();
        if (!list || !q || list.dataset.query !== q || w.__shownFor === q) return;
        const count = list.querySelectorAll('[role="option"]').length;
        if (!count) {
          if (w.__emptyFor !== q) [w.__empty, w.__emptyFor] = [performance.now(), q];
          return;
        }
        w.__shown = performance.now();
        w.__shownFor = q;
        w.__count = count;
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
    });
    await page.goto(`http://127.0.0.1:${port}${base}${await firstAgentPage(siteDir, options.locale ?? 'en')}`);
    await page.keyboard.press('/');
    const perQuery: SearchBenchResult['perQuery'] = [];
    for (const query of queries) {
      const before = indexBytes;
      await page.evaluate(() => {
        const w = window as unknown as { __shownFor: string; __emptyFor: string };
        [w.__shownFor, w.__emptyFor] = ['', ''];
      });
      const { ms, results } = await timeQuery(page, query);
      await page.waitForLoadState('networkidle');
      perQuery.push({ query, ms, results, indexKB: (indexBytes - before) / 1024 });
    }
    const warm = perQuery.slice(1).map((q) => q.ms).sort((a, b) => a - b);
    return {
      coldMs: perQuery[0].ms,
      warmMs: warm.length ? warm[Math.floor(warm.length / 2)] : perQuery[0].ms,
      indexKB: indexBytes / 1024,
      coldIndexKB: perQuery[0].indexKB,
      codeKB: codeBytes / 1024,
      perQuery,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

const DEFAULT_QUERIES = ['api', 'database', 'rate limiting', 'security review', 'kubernetes', 'test', 'performance', 'documentation'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const result = await measureSearch({
    siteDir: get('--site', 'dist'),
    basePath: get('--base', process.env.BASE_PATH ?? '/'),
    port: Number(get('--port', '4398')),
    locale: get('--locale', 'en'),
    queries: get('--queries', DEFAULT_QUERIES.join(',')).split(',').map((q) => q.trim()).filter(Boolean),
  });
  for (const q of result.perQuery) console.log(`${q.query.padEnd(20)} ${q.ms.toFixed(1).padStart(7)} ms  ${String(q.results).padStart(3)} shown  ${q.indexKB.toFixed(1).padStart(7)} KB index`);
  console.log(`\ncold ${result.coldMs.toFixed(1)} ms, warm (median) ${result.warmMs.toFixed(1)} ms, index ${result.indexKB.toFixed(1)} KB (first query ${result.coldIndexKB.toFixed(1)} KB), search code ${result.codeKB.toFixed(1)} KB`);
}
