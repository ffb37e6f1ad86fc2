import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../locales.ts';
import type { Agent, Edge, Problem } from '../schema.ts';
import { contentHash } from '../hash.ts';
import { discoverAgentFiles } from './discover.ts';
import { FileCache, defaultCacheDir } from './file-cache.ts';
import { processFile, type ProcessedFile } from './process-file.ts';
import { packProcessed, unpackProcessed, type PackedFile } from './packed-file.ts';
import { poolThreads, runInWorkers, workerFileAvailable } from '../worker-pool.ts';
import { withoutOptimizingCompiler } from '../jit.ts';
import type { ProcessJob } from './process-worker.ts';
import { parseTranslationFile, type TranslationFile } from '../localize/translation-file.ts';
import type { Extractor } from '../localize/localize-agent.ts';
import { extractStructure } from '../extract/sections.ts';
import { resolveEdges } from '../graph/resolve-edges.ts';
import { assignSlugs } from '../routing/slugs.ts';
import { parseRedirects, checkUrlClaims, type Redirect } from '../routing/redirects.ts';
import vocabulary from '../extract/vocabulary.json' with { type: 'json' };
import overrides from '../localize/opencc-overrides.json' with { type: 'json' };

/**
 * The catalog: every agent file of a folder taken through parse → extract → localize, then the
 * catalog-wide steps (slugs, collaboration edges, redirects). Each file is processed once per
 * build, and its result is cached on disk by content hash across builds.
 */

/**
 * Bump when the per-file output changes (any stage `processFile` runs, search HTML included), to
 * invalidate old cache entries.
 */
const PIPELINE_VERSION = '8';
const PIPELINE_KEY = contentHash(JSON.stringify([PIPELINE_VERSION, vocabulary, overrides]));
/** Below this many files to process, starting worker threads costs more than it saves. */
const POOL_MIN_FILES = 50;
/** The per-file stages as a worker thread (see `worker-pool.ts`). */
const WORKER_URL = new URL('./process-worker.ts', import.meta.url);

/** Options of {@link buildCatalog}. */
export interface CatalogOptions {
  agentsDir: string;
  /** Cache folder, or false for none. Default: `node_modules/.cache/agent-atlas`. */
  cacheDir?: string | false;
  extract?: Extractor;
}

/** The result of a catalog build. */
export interface Catalog {
  agentsDir: string;
  agents: Agent[];
  /** Every problem, per file, in file order. */
  problems: Problem[];
  /** Problems that make the site wrong if built (conflicting URLs): the build stops on them. */
  fatal: Problem[];
  skipped: Array<{ file: string; reason: string }>;
  redirects: Redirect[];
  ambiguities: Array<{ from: string; name: string; candidates: string[] }>;
  /** The HTML the search index reads for each agent's page in each locale, by slug. */
  searchHtml: Map<string, Record<Locale, string>>;
  /**
   * The per-file cache key of each agent's file, by slug: it covers the file, its translations
   * and the pipeline, so whatever is made from the file alone (body HTML, sections, search HTML)
   * changes only when it does, and pages can key on it instead of hashing that output again.
   */
  fileKeys: Map<string, string>;
  /** Per-file results served from the cache, and computed (on `threads` worker threads when set). */
  cache: { hits: number; misses: number; threads?: number };
}

async function readTranslations(agentsDir: string, files: string[]) {
  const byFile = new Map<string, Partial<Record<Locale, TranslationFile>>>();
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  await Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(agentsDir, file), 'utf8');
      const { translation, problems: p } = parseTranslationFile(file, text);
      problems.push(...p);
      if (!translation) return;
      const entry = byFile.get(translation.translationOf) ?? {};
      entry[translation.locale] = translation;
      byFile.set(translation.translationOf, entry);
      texts.set(file, text);
    }),
  );
  return { byFile, texts, problems };
}

/** Runs `fn` over items with at most `limit` running at once, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Builds the catalog of an agents folder. */
export async function buildCatalog(options: CatalogOptions): Promise<Catalog> {
  const agentsDir = path.resolve(options.agentsDir);
  const extract = options.extract ?? extractStructure;
  const cache = options.cacheDir === false ? undefined : new FileCache(path.join(options.cacheDir ?? defaultCacheDir(), 'agents'));
  const found = await discoverAgentFiles(agentsDir);
  const translations = await readTranslations(agentsDir, found.translations);
  const problems: Problem[] = [...translations.problems];

  // Cache look-ups first; the misses are then processed on worker threads when there are many.
  const looked = await mapLimit(found.agents, 16, async (file) => {
    const own = translations.byFile.get(file) ?? {};
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(agentsDir, file));
    } catch (error) {
      // An unreadable file is one bad file, reported like the others, never a failed build.
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      const hit: ProcessedFile = {
        file,
        problems: [{ file, severity: 'error', code: 'unreadable', message: `The file could not be read (${reason}).`, hint: 'Check its permissions, or remove it from the agents folder.' }],
      };
      return { file, bytes: new Uint8Array(), own, key: `unreadable:${file}`, hit };
    }
    const key = contentHash(
      [PIPELINE_KEY, file, contentHash(bytes), ...Object.values(own).map((t) => `${t!.file}:${t!.currentHash}:${t!.sourceHash}:${t!.title}`)].join('\n'),
      32,
    );
    const packed = cache ? await cache.get<PackedFile>(key) : undefined;
    const hit = packed && unpackProcessed(packed);
    return { file, bytes, own, key, hit };
  });
  const misses = looked.filter((l) => !l.hit);
  const pooled = extract === extractStructure && misses.length > POOL_MIN_FILES && workerFileAvailable(WORKER_URL);
  // A pool that cannot run (a thread that fails to start or dies) costs speed, not the build.
  // Its threads keep V8's young generation size (parsing needs it; see YOUNG_HEAP_MB).
  // Each file goes through its stages once: V8's optimizing compiler costs more than it saves here (jit.ts).
  const texts = pooled
    ? await withoutOptimizingCompiler(() =>
        runInWorkers<ProcessJob, string>(WORKER_URL, misses.map((m) => ({ file: m.file, bytes: m.bytes, translations: m.own }))),
      ).catch(() => undefined)
    : undefined;
  const computed = new Map<string, ProcessedFile>();
  await mapLimit(misses, 16, async (m, i) => {
    const result = texts ? unpackProcessed(JSON.parse(texts[i]) as PackedFile) : processFile(m.file, m.bytes, m.own, extract);
    computed.set(m.key, result);
    await (texts ? cache?.setText(m.key, texts[i]) : cache?.set(m.key, packProcessed(result)));
  });
  const processed: ProcessedFile[] = looked.map((l) => l.hit ?? computed.get(l.key)!);

  for (const p of processed) problems.push(...p.problems);
  const withAgent = processed.filter((p) => p.agent);
  const built = withAgent.map((p) => p.agent!);
  const { slugs, notes } = assignSlugs(built);
  problems.push(...notes);
  const agents: Agent[] = built.map((a) => ({
    ...a,
    slug: slugs.get(a.file)!,
    problems: [...a.problems, ...notes.filter((n) => n.file === a.file)],
    outgoing: [],
    incoming: [],
  }));

  const searchHtml = new Map(withAgent.map((p, i) => [agents[i].slug, p.searchHtml!]));
  const keyOfFile = new Map(looked.map((l) => [l.file, l.key]));
  const fileKeys = new Map(agents.map((a) => [a.slug, keyOfFile.get(a.file)!]));

  const { edges, ambiguities } = resolveEdges(agents);
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  for (const e of edges as Edge[]) {
    bySlug.get(e.from)?.outgoing.push(e);
    if (!e.external) bySlug.get(e.to)?.incoming.push(e);
  }

  const declared: Redirect[] = agents.flatMap((a) =>
    a.aliases.map((alias) => ({ from: alias.replace(/^\/?(agents\/)?|\/$/g, ''), to: a.slug, source: `${a.file}:1` })),
  );
  if (found.redirects) {
    const parsed = parseRedirects(await readFile(path.join(agentsDir, found.redirects), 'utf8'), found.redirects);
    declared.push(...parsed.redirects);
    problems.push(...parsed.problems);
  }
  const claims = checkUrlClaims(agents, declared);
  // Every old slug that survived the checks is kept on its agent, so pages need only the agents.
  for (const a of agents) a.aliases = claims.redirects.filter((r) => r.to === a.slug).map((r) => r.from);
  return {
    agentsDir,
    agents,
    problems,
    fatal: claims.problems,
    skipped: found.skipped,
    redirects: claims.redirects,
    ambiguities,
    searchHtml,
    fileKeys,
    cache: { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0, ...(texts ? { threads: Math.min(poolThreads(), misses.length) } : {}) },
  };
}
