import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import type { SearchRecord } from '../lib/search/records.ts';
import { recordToHtml } from '../lib/search/record-html.ts';
import { sectionMaps } from '../lib/search/index-files.ts';
import { ST_PHRASES_FILE_NAME, sectionMapFileName } from '../lib/search/bundle-files.ts';
import { pruneStPhrases } from '../lib/search/script-convert.ts';

/**
 * The search index, built at the end of `astro build`: the search records the endpoint
 * `src/pages/search-records/[locale].json.ts` rendered from the agent data are indexed with
 * Pagefind's Node API (one index per language), written to `<outDir>/pagefind/` with the
 * section maps and the pruned OpenCC table the browser needs, and then deleted.
 */

/** Folder (under the output folder) the endpoint writes records to. */
export const RECORDS_DIR = 'search-records';

/**
 * Indexes the records found in a built site and writes the bundle. Returns the number of pages.
 */
export async function buildSearchIndex(outDir: string, logger?: Pick<AstroIntegrationLogger, 'info' | 'warn'>): Promise<number> {
  const recordsDir = path.join(outDir, RECORDS_DIR);
  const names = (await readdir(recordsDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  if (!names.length) {
    logger?.warn(`No search records in ${recordsDir}; the search index was not built.`);
    return 0;
  }
  const started = performance.now();
  const records: SearchRecord[] = [];
  for (const name of names) records.push(...(JSON.parse(await readFile(path.join(recordsDir, name), 'utf8')) as SearchRecord[]));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    // The service handles requests concurrently; batches keep memory flat on big catalogs.
    for (let i = 0; i < records.length; i += 64) {
      const results = await Promise.all(
        records.slice(i, i + 64).map((r) => index.addHTMLFile({ url: r.url, content: recordToHtml(r) })),
      );
      for (const r of results) problems.push(...r.errors);
    }
    if (problems.length) throw new Error(`Pagefind could not index every page:\n  ${problems.join('\n  ')}`);
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
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  await rm(recordsDir, { recursive: true, force: true });
  logger?.info(`Search index: ${records.length} pages in ${names.length} languages (${Math.round(performance.now() - started)} ms).`);
  return records.length;
}

/** The Astro integration that builds the search index after the site is built. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'agent-atlas-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
