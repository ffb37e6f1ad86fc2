import path from 'node:path';
import { buildCatalog, type Catalog } from '../lib/catalog/build-catalog.ts';
import { defaultCacheDir } from '../lib/catalog/file-cache.ts';
import { catalogReport, count, formatReport } from '../lib/catalog/report.ts';
import { prewarmGraphLayouts } from '../lib/graph/prewarm.ts';
import { setGraphLayoutsPending } from '../lib/graph/layouts-ready.ts';
import { searchPages } from '../lib/search/records.ts';
import { searchIndexRequest, setPendingSearchIndex } from '../lib/search/index-request.ts';
import { startSearchIndex } from '../lib/search/site-index.ts';
import { processSlot } from '../lib/process-slot.ts';

/**
 * One catalog build per process, and what follows it: the report, the graph layouts and the
 * search index, each started as soon as the catalog exists. `astro build` starts it from an
 * integration when the config is loaded (`startCatalogEarly`), so reading and processing the
 * agent files overlaps Astro's own start-up (about 1.5 s); the content loader then takes the
 * run under way. Elsewhere (`astro dev`) the loader starts it.
 */

/** Where the run's messages go: the integration's or the loader's logger. */
export interface RunLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** The agents folder: `AGENTS_DIR`, else `agents/` in the project. */
export function agentsDir(): string {
  return path.resolve(process.env.AGENTS_DIR ?? 'agents');
}

/** Whether problems fail the build (`STRICT=1` or `AGENT_ATLAS_STRICT=1`). */
export function strictMode(): boolean {
  return ['1', 'true'].includes(process.env.STRICT ?? process.env.AGENT_ATLAS_STRICT ?? '');
}

/**
 * Pages per part of the search index from `SEARCH_PAGES_PER_PART` (default: the library's).
 * Smaller parts make an edit re-index less and a first search fetch more; tests set it low to
 * build a small catalog in several parts.
 */
export function searchPagesPerPart(): number | undefined {
  const value = process.env.SEARCH_PAGES_PER_PART;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_PAGES_PER_PART must be a positive whole number of pages, not "${value}".`);
  return n;
}

/** Builds the catalog of {@link agentsDir} and starts the graph layouts and the search index. */
export async function runCatalog(logger: RunLogger): Promise<Catalog> {
  const started = performance.now();
  const catalog = await buildCatalog({ agentsDir: agentsDir() });
  const report = catalogReport(catalog);
  const text = formatReport(report);
  const ms = Math.round(performance.now() - started);
  const threads = catalog.cache.threads ? ` on ${catalog.cache.threads} threads` : '';
  logger.info(`${text}\n  (${ms} ms; ${catalog.cache.hits} files from cache, ${catalog.cache.misses} processed${threads})`);
  if (catalog.fatal.length) {
    throw new Error(`Agent Atlas cannot build: two things claim the same URL.\n${catalog.fatal.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}${p.hint ? ` Hint: ${p.hint}` : ''}`).join('\n')}`);
  }
  if (strictMode() && report.problems.length) {
    throw new Error(`Strict mode: ${count(report.errors, 'error')} and ${count(report.warnings, 'warning')} (listed above). Fix them, or build without STRICT=1.`);
  }
  if (catalog.agents.length === 0) {
    logger.warn(`No agent files were found in ${catalog.agentsDir}. Put Claude Code agent .md files there, or set AGENTS_DIR.`);
  }
  // Graph layouts on worker threads, while Astro stores the content and bundles the pages; the
  // pages that draw graphs wait for them (layouts-ready.ts) and only read them from the cache.
  const prewarm = prewarmGraphLayouts(catalog.agents);
  setGraphLayoutsPending({
    agentPages: prewarm.agentPages,
    all: prewarm.done.then(
      (graphs) => {
        if (graphs.laidOut) logger.info(`${graphs.laidOut} of ${graphs.graphs} graph layouts computed on ${graphs.threads} threads (${graphs.ms} ms).`);
      },
      (error: unknown) => {
        logger.warn(`Graph layouts were not prepared in advance (${String(error)}); the pages lay them out themselves.`);
      },
    ),
  });
  // Meanwhile the pages' search HTML (made by the catalog) goes to Pagefind, which indexes it
  // in its own process while the pages render; the integration writes the bundle at the end.
  const search = searchIndexRequest();
  if (search && catalog.agents.length) {
    const pages = searchPages(catalog.agents, catalog.searchHtml, search.base);
    setPendingSearchIndex(startSearchIndex(pages, path.join(defaultCacheDir(), 'search'), searchPagesPerPart()));
  }
  // Tens of MB nothing else reads; the index holds its pages until Pagefind has them.
  catalog.searchHtml.clear();
  return catalog;
}

const early = (holder: object) => processSlot<{ run?: Promise<Catalog> }>(holder, 'catalog-run', () => ({}));

/**
 * Starts {@link runCatalog} at the start of a build, for the content loader (and the preview
 * images) to take. A failure (bad input in strict mode, conflicting URLs) is the loader's to
 * report, when it takes the run.
 */
export function startCatalogEarly(logger: RunLogger, holder: object = globalThis): void {
  const run = runCatalog(logger);
  run.catch(() => undefined);
  early(holder).run = run;
}

/** The run started early in this process, if any. */
export function startedCatalog(holder: object = globalThis): Promise<Catalog> | undefined {
  return early(holder).run;
}

/**
 * The catalog for build steps outside the content layer (preview images, raw files): in a build,
 * the run started with the config; otherwise, or with `fresh` (the dev server, so an edited
 * agent shows at once), a catalog built now, which the per-file cache makes a quick read.
 */
export async function currentCatalog({ fresh = false } = {}): Promise<Catalog> {
  const started = fresh ? undefined : startedCatalog();
  return started ?? buildCatalog({ agentsDir: agentsDir() });
}
