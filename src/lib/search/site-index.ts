import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { type SearchPage, mapLanguage } from './records.ts';
import { type MappedPage, sectionMaps } from './index-files.ts';
import { placeFolder } from '../output/exact-folder.ts';
import { PARTS_FILE_NAME, ST_PHRASES_FILE_NAME, isSectionMapFile, sectionMapFileName, type PartsList } from './bundle-files.ts';
import { PAGES_PER_PART, mergeSectionMaps, partCount, partOf, splitIntoParts } from './index-parts.ts';
import { type OverlayPlan, type PartManifest, agentHashes, applyOverlay, planOverlay } from './index-overlay.ts';
import type { PageEntry } from './section-map.ts';
import { bundleKey, cachedManifests, pagefindVersion, pruneParts, stPhrases } from './index-cache.ts';

/**
 * The site's search index, built beside the pages rather than after them. Pagefind indexes in
 * its own process, so the pages' HTML is handed to it as soon as the catalog exists (in the
 * content loader): it indexes and writes the bundle on the second core while Astro renders on
 * the first. The index is split into parts by agent (`index-parts.ts`), each cached in a folder
 * named by the hash of what it indexes (`index-cache.ts`): a build re-indexes only the pages of
 * agents that changed (as overlays of cached parts, `index-overlay.ts`; a part that drifted far
 * from its cached base is indexed whole) and does not start Pagefind at all when none did. At
 * the end of the build the bundles are placed in the site (as hard links to the cached files
 * where the file system allows, `linkOrCopy`). Each holds every locale of its agents in one
 * Pagefind language (`INDEX_LANGUAGE`), and the section maps, one per locale, say which pages
 * each locale's search finds (an agent's pages that show the same content are indexed once).
 */

/** A search index being built in the background. */
export interface PendingSearchIndex {
  /** Number of pages handed to the index (records: locales with the same record share one). */
  readonly pages: number;
  /** Number of agent pages those records answer for (each record counts once per locale). */
  readonly servedPages: number;
  /** Number of parts the index is split into. */
  readonly parts: number;
  /**
   * Waits for the parts, places them in `<outDir>/pagefind/` with Agent Atlas's own files (the
   * section maps of all parts, the list of parts and the pruned OpenCC table) and says how many
   * pages were indexed (the others came from the cache), how many parts are served with an
   * overlay, and how long that took from the start (in the background, beside the pages).
   */
  write(outDir: string): Promise<{ pagesIndexed: number; overlays: number; ms: number }>;
}

/** Records sent to Pagefind at once: a bound on what waits in its input pipe. */
const BATCH = 256;
/** Pagefind's files the browser never reads (its ready-made search interfaces). */
const UNUSED_FILE = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;
/** The script the browser loads, at the top of the site's `pagefind/` folder. */
const ENTRY_SCRIPT = 'pagefind.js';

/**
 * One part of the index: its pages (until handed on), its cache key and manifest, and the
 * overlay it is served with when only a few of its agents changed since a cached base.
 */
interface Part {
  pages?: SearchPage[];
  readonly key: string;
  readonly manifest: PartManifest;
  overlay?: { readonly key: string; readonly plan: OverlayPlan; readonly count: number };
}

/** A bundle to index: a whole part, or an overlay. */
interface Job {
  readonly key: string;
  pages?: SearchPage[];
  /** What its `.done` file records. */
  readonly done: string;
}

async function addAll(index: pagefind.PagefindIndex, pages: readonly SearchPage[]): Promise<void> {
  const problems: string[] = [];
  for (let i = 0; i < pages.length; i += BATCH) {
    const results = await Promise.all(pages.slice(i, i + BATCH).map((p) => index.addHTMLFile({ url: p.url, content: p.html })));
    for (const r of results) problems.push(...r.errors);
  }
  if (problems.length) throw new Error(`Pagefind could not index every page:\n  ${problems.join('\n  ')}`);
}

/** Writes a part's Pagefind files and the section map of each locale it holds. */
async function writePart(index: pagefind.PagefindIndex, pages: readonly SearchPage[], bundle: string): Promise<void> {
  // Into a fresh folder, never over the files of an earlier one: the site's bundles are hard
  // links to these files, and writing into them would change a served bundle in place.
  await rm(bundle, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  // The fragments on disk give the section maps (getFiles() would build the index twice).
  const fragmentDir = path.join(bundle, 'fragment');
  const files = await Promise.all(
    (await readdir(fragmentDir)).map(async (name) => ({ path: `fragment/${name}`, content: await readFile(path.join(fragmentDir, name)) })),
  );
  const byUrl = new Map<string, MappedPage>(pages.map((p) => [p.url, { slug: p.slug, maps: p.locales.map(mapLanguage) }]));
  for (const [key, map] of sectionMaps(files, (url) => {
    const page = byUrl.get(url);
    // Listed in no section map, a page would be left out of every locale's search.
    if (!page) throw new Error(`Pagefind indexed a page the search records do not have: ${url}`);
    return page;
  })) {
    await writeFile(path.join(bundle, sectionMapFileName(key)), JSON.stringify(map));
  }
}

/** The bundles a part is served as: its own, or its base and (when it indexed pages) its overlay. */
function servedBundles(part: Part): string[] {
  if (!part.overlay) return [part.key];
  return part.overlay.count ? [part.overlay.plan.base, part.overlay.key] : [part.overlay.plan.base];
}

/** The folder of a bundle in the site: named by its key, so an unchanged bundle keeps its folder. */
function siteFolder(key: string): string {
  return `part-${key.slice(0, 16)}`;
}

/** The section maps of a cached bundle, by file name. */
async function bundleMaps(bundle: string): Promise<Map<string, Record<string, PageEntry>>> {
  const maps = new Map<string, Record<string, PageEntry>>();
  for (const name of (await readdir(bundle)).filter(isSectionMapFile)) {
    maps.set(name, JSON.parse(await readFile(path.join(bundle, name), 'utf8')) as Record<string, PageEntry>);
  }
  return maps;
}

/**
 * Brings `target` (the site's `pagefind/` folder, kept between builds) to the bundles of this
 * build: each part's (its base's, when it has an overlay) and each overlay's. A bundle's folder
 * that is already there is left alone (its name is its content's hash; a folder appears whole,
 * by renaming a finished one), the others are linked (or copied) from the cache, anything else
 * is removed.
 * Then the merged section maps, the parts list (with the base pages an overlay hides), the
 * OpenCC table and Pagefind's script are written at the top. Each folder is a whole Pagefind
 * bundle: the first one is the browser's index, and Pagefind loads its worker and WebAssembly
 * from there.
 */
async function writeSite(parts: readonly Part[], cacheDir: string, target: string, phrases: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const keys = parts.flatMap(servedBundles);
  const folders = keys.map(siteFolder);
  const present = await readdir(target);
  await Promise.all(present.filter((n) => !folders.includes(n)).map((n) => rm(path.join(target, n), { recursive: true, force: true })));
  await Promise.all(
    keys.map(async (key, i) => {
      if (present.includes(folders[i])) return;
      const copying = path.join(target, `${folders[i]}.copying`);
      await placeFolder(path.join(cacheDir, key), copying, (name) => !isSectionMapFile(name) && !UNUSED_FILE.test(name));
      await rename(copying, path.join(target, folders[i]));
    }),
  );
  const maps = new Map<string, Array<Record<string, PageEntry>>>();
  const hidden: string[] = [];
  for (const part of parts) {
    let partMaps = await bundleMaps(path.join(cacheDir, part.overlay?.plan.base ?? part.key));
    if (part.overlay) {
      const overlay = part.overlay.count ? await bundleMaps(path.join(cacheDir, part.overlay.key)) : new Map<string, Record<string, PageEntry>>();
      const applied = applyOverlay(partMaps, overlay, part.overlay.plan);
      partMaps = applied.maps;
      hidden.push(...applied.hidden);
    }
    for (const [name, map] of partMaps) maps.set(name, [...(maps.get(name) ?? []), map]);
  }
  for (const [name, list] of maps) await writeFile(path.join(target, name), JSON.stringify(mergeSectionMaps(list)));
  const list: PartsList = { parts: folders.map((f) => `${f}/`), hidden };
  await writeFile(path.join(target, PARTS_FILE_NAME), JSON.stringify(list));
  await writeFile(path.join(target, ST_PHRASES_FILE_NAME), phrases);
  await copyFile(path.join(cacheDir, keys[0], ENTRY_SCRIPT), path.join(target, ENTRY_SCRIPT));
}

/**
 * Starts building the parts of the index of `pages` in `cacheDir` (or finds them there) and
 * returns at once; {@link PendingSearchIndex.write} finishes. `pagesPerPart` sets the size of a
 * part (default {@link PAGES_PER_PART}). A part whose pages changed is indexed whole, or, when
 * only a few of its agents changed since a part in the cache, as that part plus an overlay of
 * those agents' pages (`index-overlay.ts`). The pages are held only until Pagefind has them
 * (tens of MB at a thousand agents).
 */
export function startSearchIndex(pages: readonly SearchPage[], cacheDir: string, pagesPerPart = PAGES_PER_PART): PendingSearchIndex {
  const version = pagefindVersion();
  // Counted in agent pages (each agent's three), not records: translating an agent changes its
  // records, and must not change the number of parts (which re-indexes every part).
  const servedPages = pages.reduce((n, p) => n + p.locales.length, 0);
  const of = partCount(servedPages, pagesPerPart);
  const parts: Part[] = splitIntoParts(pages, (p) => p.slug, pagesPerPart, servedPages).map((pages) => {
    const agents = agentHashes(pages);
    return { pages, key: bundleKey(agents, version), manifest: { slot: partOf(pages[0].slug, of), of, agents } };
  });
  const started = performance.now();
  const ready = (async () => {
    await mkdir(cacheDir, { recursive: true });
    const isDone = (key: string) => existsSync(path.join(cacheDir, `${key}.done`));
    const candidates = parts.every((p) => isDone(p.key)) ? [] : await cachedManifests(cacheDir);
    const jobs: Job[] = [];
    for (const part of parts) {
      const pages = part.pages!;
      part.pages = undefined;
      if (isDone(part.key)) continue;
      const plan = planOverlay(part.manifest, candidates);
      if (!plan) {
        jobs.push({ key: part.key, pages, done: JSON.stringify(part.manifest) });
        continue;
      }
      const changed = new Set(plan.changed);
      const overlayPages = pages.filter((p) => changed.has(p.slug));
      const changedHashes = Object.fromEntries(plan.changed.map((slug) => [slug, part.manifest.agents[slug]]));
      part.overlay = { key: bundleKey(changedHashes, version, `overlay of ${plan.base}`), plan, count: overlayPages.length };
      if (overlayPages.length && !isDone(part.overlay.key)) jobs.push({ key: part.overlay.key, pages: overlayPages, done: JSON.stringify({ base: plan.base }) });
    }
    let pagesIndexed = 0;
    if (jobs.length) {
      try {
        // One bundle at a time, each index deleted once written: Pagefind's process holds one.
        for (const job of jobs) {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          await addAll(index, job.pages!);
          await writePart(index, job.pages!, path.join(cacheDir, job.key));
          pagesIndexed += job.pages!.length;
          job.pages = undefined;
          await index.deleteIndex();
          await writeFile(path.join(cacheDir, `${job.key}.done`), job.done);
        }
      } finally {
        await pagefind.close();
      }
    }
    const phrases = await stPhrases(cacheDir);
    await pruneParts(cacheDir, new Set(parts.flatMap(servedBundles)), parts.length, new Set([phrases.name]));
    return { pagesIndexed, ms: Math.round(performance.now() - started), phrases: phrases.text };
  })();
  // A failure is reported by write(), at the end of the build; until then it must not count as
  // an unhandled rejection (which would end the process with a less useful message).
  ready.catch(() => undefined);
  return {
    pages: pages.length,
    servedPages,
    parts: parts.length,
    async write(outDir) {
      const { pagesIndexed, ms, phrases } = await ready;
      await writeSite(parts, cacheDir, path.join(outDir, 'pagefind'), phrases);
      return { pagesIndexed, overlays: parts.filter((p) => p.overlay).length, ms };
    },
  };
}
