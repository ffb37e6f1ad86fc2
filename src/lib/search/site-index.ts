import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import type { SearchRecord } from './records.ts';
import { recordToHtml } from './record-html.ts';
import { sectionMaps } from './index-files.ts';
import { ST_PHRASES_FILE_NAME, sectionMapFileName } from './bundle-files.ts';
import { pruneStPhrases } from './script-convert.ts';

/**
 * The site's search index, built beside the pages rather than after them. Pagefind indexes in
 * its own process, so the records are handed to it as soon as the catalog exists (in the
 * content loader): it indexes and writes the bundle on the second core while Astro renders on
 * the first, into a cache folder named by the hash of everything indexed. At the end of the
 * build the bundle is copied into the site; a build whose records did not change reuses the
 * cached bundle and does not start Pagefind at all. One index holds every language: Pagefind
 * splits it by each record's language.
 */

/** A search index being built in the background. */
export interface PendingSearchIndex {
  /** Number of records (pages) handed to the index. */
  readonly pages: number;
  /**
   * Waits for the bundle (the Pagefind files plus Agent Atlas's section maps and pruned OpenCC
   * table), copies it to `<outDir>/pagefind/` and says whether it came from the cache and how
   * long the bundle took from the start (in the background, beside the pages).
   */
  write(outDir: string): Promise<{ fromCache: boolean; ms: number }>;
}

/** Bump when the bundle's extra files change. */
const BUNDLE_VERSION = '1';
/** Cached bundles kept besides the newest (an older one helps when a change is undone). */
const KEEP_BUNDLES = 2;
/** Records sent to Pagefind at once: a bound on what waits in its input pipe. */
const BATCH = 256;

/**
 * The installed Pagefind's version, part of the cache key. Its package exports neither
 * package.json nor a CommonJS entry, so the file is found from the ES entry when the runtime
 * resolves it, else in the project's node_modules.
 */
function pagefindVersion(): string {
  const entry = typeof import.meta.resolve === 'function' ? import.meta.resolve('pagefind') : undefined;
  const file = entry ? new URL('../package.json', entry) : path.join(process.cwd(), 'node_modules', 'pagefind', 'package.json');
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    // Without a version, a Pagefind upgrade keeps old bundles until the records change.
    return 'unknown';
  }
}

async function addAll(index: pagefind.PagefindIndex, records: readonly SearchRecord[], htmls: readonly string[]): Promise<void> {
  const problems: string[] = [];
  for (let i = 0; i < records.length; i += BATCH) {
    const results = await Promise.all(
      records.slice(i, i + BATCH).map((r, j) => index.addHTMLFile({ url: r.url, content: htmls[i + j] })),
    );
    for (const r of results) problems.push(...r.errors);
  }
  if (problems.length) throw new Error(`Pagefind could not index every page:\n  ${problems.join('\n  ')}`);
}

async function writeBundle(index: pagefind.PagefindIndex, records: readonly SearchRecord[], bundle: string): Promise<void> {
  await rm(bundle, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  // The fragments on disk give the section maps (getFiles() would build the index twice).
  const fragmentDir = path.join(bundle, 'fragment');
  const files = await Promise.all(
    (await readdir(fragmentDir)).map(async (name) => ({ path: `fragment/${name}`, content: await readFile(path.join(fragmentDir, name)) })),
  );
  const slugs = new Map(records.map((r) => [r.url, r.slug]));
  for (const [language, map] of sectionMaps(files, (url) => slugs.get(url))) {
    await writeFile(path.join(bundle, sectionMapFileName(language)), JSON.stringify(map));
  }
  await writeFile(path.join(bundle, ST_PHRASES_FILE_NAME), pruneStPhrases(STPhrases, STCharacters));
}

/**
 * Keeps the bundle `current` and the newest {@link KEEP_BUNDLES} − 1 other complete ones (a
 * `<key>.done` file marks a complete bundle); removes the rest, incomplete ones included.
 */
async function pruneBundles(cacheDir: string, current: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const complete = await Promise.all(
    names
      .filter((n) => n.endsWith('.done') && n !== `${current}.done`)
      .map(async (n) => ({ key: n.slice(0, -'.done'.length), time: (await stat(path.join(cacheDir, n))).mtimeMs })),
  );
  const kept = new Set([current, ...complete.sort((a, b) => b.time - a.time).slice(0, KEEP_BUNDLES - 1).map((c) => c.key)]);
  const stale = names.filter((n) => !kept.has(n.replace(/\.done$/, '')));
  await Promise.all(stale.map((n) => rm(path.join(cacheDir, n), { recursive: true, force: true })));
}

/** The cache key of a bundle: everything indexed, hashed piece by piece (no 40 MB string). */
function bundleKey(records: readonly SearchRecord[], htmls: readonly string[]): string {
  const hash = createHash('sha256').update(`${BUNDLE_VERSION}\0${pagefindVersion()}\0`);
  records.forEach((r, i) => hash.update(`${r.url}\0${r.slug}\0`).update(htmls[i]).update('\0'));
  return hash.digest('hex').slice(0, 32);
}

/**
 * Starts building the bundle of `records` in `cacheDir` (or finds it there) and returns at
 * once; {@link PendingSearchIndex.write} finishes.
 */
export function startSearchIndex(records: readonly SearchRecord[], cacheDir: string): PendingSearchIndex {
  // Held only until Pagefind has them (tens of MB at a thousand agents).
  let htmls: string[] | undefined = records.map(recordToHtml);
  const key = bundleKey(records, htmls);
  const bundle = path.join(cacheDir, key);
  const started = performance.now();
  const ready = (async () => {
    if (existsSync(`${bundle}.done`)) {
      htmls = undefined;
      return { fromCache: true, ms: Math.round(performance.now() - started) };
    }
    await mkdir(cacheDir, { recursive: true });
    const { index, errors } = await pagefind.createIndex({});
    try {
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      await addAll(index, records, htmls!);
      htmls = undefined;
      await writeBundle(index, records, bundle);
      await index.deleteIndex();
    } finally {
      await pagefind.close();
    }
    await writeFile(`${bundle}.done`, `${records.length}\n`);
    await pruneBundles(cacheDir, key);
    return { fromCache: false, ms: Math.round(performance.now() - started) };
  })();
  // A failure is reported by write(), at the end of the build; until then it must not count as
  // an unhandled rejection (which would end the process with a less useful message).
  ready.catch(() => undefined);
  return {
    pages: records.length,
    async write(outDir) {
      const result = await ready;
      const target = path.join(outDir, 'pagefind');
      await rm(target, { recursive: true, force: true });
      await cp(bundle, target, { recursive: true });
      return result;
    },
  };
}

const REGISTRY = Symbol.for('agent-atlas.search-index');

interface Registry {
  /** Set by the integration for `astro build`: the site's base path. */
  base?: string;
  pending?: PendingSearchIndex;
}

function registry(holder: object): Registry {
  const h = holder as { [REGISTRY]?: Registry };
  return (h[REGISTRY] ??= {});
}

/**
 * Says that this process builds a site with base path `base`, so the content loader should
 * start the search index. The integration and the loader are different module instances in
 * one process, hence `globalThis`.
 */
export function requestSearchIndex(base: string, holder: object = globalThis): void {
  registry(holder).base = base;
}

/** The base path when a search index was requested for this process, else undefined. */
export function searchIndexRequest(holder: object = globalThis): { base: string } | undefined {
  const { base } = registry(holder);
  return base === undefined ? undefined : { base };
}

/** Hands a started index to the end of the build (the loader runs once per build). */
export function setPendingSearchIndex(pending: PendingSearchIndex, holder: object = globalThis): void {
  registry(holder).pending = pending;
}

/** Takes the started index, if any (once). */
export function takePendingSearchIndex(holder: object = globalThis): PendingSearchIndex | undefined {
  const r = registry(holder);
  const { pending } = r;
  r.pending = undefined;
  return pending;
}
