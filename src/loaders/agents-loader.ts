import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { z } from 'astro/zod';
import { AgentEntrySchema } from '../lib/schema.ts';
import { buildCatalog, type Catalog } from '../lib/catalog/build-catalog.ts';
import { defaultCacheDir } from '../lib/catalog/file-cache.ts';
import { catalogReport, count, formatReport } from '../lib/catalog/report.ts';
import { prewarmGraphLayouts } from '../lib/graph/prewarm.ts';
import { setGraphLayoutsPending } from '../lib/graph/layouts-ready.ts';
import { publishAgents, splitAgent } from '../lib/catalog/agent-bodies.ts';
import { searchPages } from '../lib/search/records.ts';
import { searchIndexRequest, setPendingSearchIndex } from '../lib/search/index-request.ts';
import { startSearchIndex } from '../lib/search/site-index.ts';

/**
 * The content layer's view of the catalog: one entry per agent, from one catalog build per
 * process. Old slugs (redirects) travel on the agents as `aliases`.
 */

let pending: Promise<Catalog> | undefined;

/** The entry schema as JSON Schema: part of each entry's digest. */
const SCHEMA_FINGERPRINT = JSON.stringify(z.toJSONSchema(AgentEntrySchema, { unrepresentable: 'any' }));

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

async function catalogOnce(logger: LoaderContext['logger']): Promise<Catalog> {
  pending ??= (async () => {
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
    setGraphLayoutsPending(
      prewarmGraphLayouts(catalog.agents).then(
        (graphs) => {
          if (graphs.laidOut) logger.info(`${graphs.laidOut} of ${graphs.graphs} graph layouts computed on ${graphs.threads} threads (${graphs.ms} ms).`);
        },
        (error: unknown) => {
          logger.warn(`Graph layouts were not prepared in advance (${String(error)}); the pages lay them out themselves.`);
        },
      ),
    );
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
  })();
  return pending;
}

/** Loader of the `agents` collection: one entry per agent, keyed by slug. */
export function agentsLoader(): Loader {
  return {
    name: 'agent-atlas-agents',
    load: async ({ store, logger, parseData, generateDigest }) => {
      const catalog = await catalogOnce(logger);
      // The store is kept between builds: removed agents go, unchanged ones stay as they are
      // (not validated and stored again: a rebuild after one edit touches one entry).
      const slugs = new Set(catalog.agents.map((a) => a.slug));
      for (const id of [...store.keys()]) if (!slugs.has(id)) store.delete(id);
      for (const agent of catalog.agents) {
        const { entry } = splitAgent(agent);
        // The digest covers the whole entry and the schema: a changed pipeline (same file, new
        // output) or schema (new defaults) must replace the stored entry, not only a changed file.
        const digest = generateDigest(`${SCHEMA_FINGERPRINT}\0${JSON.stringify(entry)}`);
        if (store.get(agent.slug)?.digest === digest) continue;
        const data = await parseData({ id: agent.slug, data: entry as unknown as Record<string, unknown> });
        store.set({ id: agent.slug, data, digest });
      }
      // The bodies stay out of the store; the pages find them in the published catalog.
      publishAgents(catalog.agents);
    },
  };
}

