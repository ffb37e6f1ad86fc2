import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
 * content loader) and it indexes on the second core while Astro renders on the first; at the
 * end of the build only the bundle is written. One index holds every language: Pagefind splits
 * it by each record's language.
 */

/** A search index being filled in the background. */
export interface PendingSearchIndex {
  /** Number of records (pages) handed to the index. */
  readonly pages: number;
  /**
   * Waits for the indexing to finish, then writes the Pagefind bundle and Agent Atlas's files
   * (section maps, pruned OpenCC table) to `<outDir>/pagefind/`, and stops Pagefind.
   */
  write(outDir: string): Promise<void>;
}

/** Records sent to Pagefind at once: a bound on what waits in its input pipe. */
const BATCH = 256;

async function addAll(index: pagefind.PagefindIndex, records: readonly SearchRecord[]): Promise<void> {
  const problems: string[] = [];
  for (let i = 0; i < records.length; i += BATCH) {
    const results = await Promise.all(
      records.slice(i, i + BATCH).map((r) => index.addHTMLFile({ url: r.url, content: recordToHtml(r) })),
    );
    for (const r of results) problems.push(...r.errors);
  }
  if (problems.length) throw new Error(`Pagefind could not index every page:\n  ${problems.join('\n  ')}`);
}

async function writeBundle(index: pagefind.PagefindIndex, records: readonly SearchRecord[], outDir: string): Promise<void> {
  const bundle = path.join(outDir, 'pagefind');
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

/** Starts Pagefind on `records` and returns at once; {@link PendingSearchIndex.write} finishes. */
export function startSearchIndex(records: readonly SearchRecord[]): PendingSearchIndex {
  const filled = (async () => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    await addAll(index, records);
    return index;
  })();
  // A failure is reported by write(), at the end of the build; until then it must not count as
  // an unhandled rejection (which would end the process with a less useful message).
  filled.catch(() => undefined);
  return {
    pages: records.length,
    async write(outDir) {
      try {
        const index = await filled;
        try {
          await writeBundle(index, records, outDir);
        } finally {
          await index.deleteIndex();
        }
      } finally {
        await pagefind.close();
      }
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
