import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import type { SearchPage } from './records.ts';
import { sectionMaps } from './index-files.ts';
import { PARTS_FILE_NAME, ST_PHRASES_FILE_NAME, isSectionMapFile, sectionMapFileName } from './bundle-files.ts';
import { PAGES_PER_PART, mergeSectionMaps, splitIntoParts } from './index-parts.ts';
import type { PageEntry } from './section-map.ts';
import { pruneStPhrases } from './script-convert.ts';

/**
 * The site's search index, built beside the pages rather than after them. Pagefind indexes in
 * its own process, so the pages' HTML is handed to it as soon as the catalog exists (in the
 * content loader): it indexes and writes the bundle on the second core while Astro renders on
 * the first. The index is split into parts by agent (`index-parts.ts`), each cached in a folder
 * named by the hash of what it indexes: a build re-indexes only the parts whose pages changed
 * (one part when one agent was edited) and does not start Pagefind at all when none did. At the
 * end of the build the parts are copied into the site. Each part holds every language: Pagefind
 * splits it by each page's language.
 */

/** A search index being built in the background. */
export interface PendingSearchIndex {
  /** Number of pages handed to the index. */
  readonly pages: number;
  /** Number of parts the index is split into. */
  readonly parts: number;
  /**
   * Waits for the parts, copies them to `<outDir>/pagefind/` with Agent Atlas's own files (the
   * section maps of all parts, the list of parts and the pruned OpenCC table) and says how many
   * parts were indexed (the others came from the cache) and how long that took from the start
   * (in the background, beside the pages).
   */
  write(outDir: string): Promise<{ indexed: number; ms: number }>;
}

/** Bump when the bundle's extra files change. */
const BUNDLE_VERSION = '2';
/** Records sent to Pagefind at once: a bound on what waits in its input pipe. */
const BATCH = 256;
/** Pagefind's files the browser never reads (its ready-made search interfaces). */
const UNUSED_FILE = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;
/** The script the browser loads, at the top of the site's `pagefind/` folder. */
const ENTRY_SCRIPT = 'pagefind.js';

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
    // Without a version, a Pagefind upgrade keeps old bundles until the pages change.
    return 'unknown';
  }
}

/** One part of the index: its pages (until indexed) and its cache folder's name. */
interface Part {
  pages?: SearchPage[];
  readonly key: string;
  readonly count: number;
}

async function addAll(index: pagefind.PagefindIndex, pages: readonly SearchPage[]): Promise<void> {
  const problems: string[] = [];
  for (let i = 0; i < pages.length; i += BATCH) {
    const results = await Promise.all(pages.slice(i, i + BATCH).map((p) => index.addHTMLFile({ url: p.url, content: p.html })));
    for (const r of results) problems.push(...r.errors);
  }
  if (problems.length) throw new Error(`Pagefind could not index every page:\n  ${problems.join('\n  ')}`);
}

/** Writes a part's Pagefind files and the section map of each language it holds. */
async function writePart(index: pagefind.PagefindIndex, pages: readonly SearchPage[], bundle: string): Promise<void> {
  await rm(bundle, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  // The fragments on disk give the section maps (getFiles() would build the index twice).
  const fragmentDir = path.join(bundle, 'fragment');
  const files = await Promise.all(
    (await readdir(fragmentDir)).map(async (name) => ({ path: `fragment/${name}`, content: await readFile(path.join(fragmentDir, name)) })),
  );
  const slugs = new Map(pages.map((p) => [p.url, p.slug]));
  for (const [language, map] of sectionMaps(files, (url) => slugs.get(url))) {
    await writeFile(path.join(bundle, sectionMapFileName(language)), JSON.stringify(map));
  }
}

/**
 * Keeps the parts in `current` and the newest `spare` other complete ones (a `<key>.done` file
 * marks a complete part; an older one helps when a change is undone); removes the rest,
 * incomplete ones included. Files of the cache that are not parts (`keep`) stay.
 */
async function pruneParts(cacheDir: string, current: ReadonlySet<string>, spare: number, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const complete = await Promise.all(
    names
      .filter((n) => n.endsWith('.done') && !current.has(n.slice(0, -'.done'.length)))
      .map(async (n) => ({ key: n.slice(0, -'.done'.length), time: (await stat(path.join(cacheDir, n))).mtimeMs })),
  );
  const kept = new Set([...current, ...keep, ...complete.sort((a, b) => b.time - a.time).slice(0, spare).map((c) => c.key)]);
  const stale = names.filter((n) => !kept.has(n.replace(/\.done$/, '')));
  await Promise.all(stale.map((n) => rm(path.join(cacheDir, n), { recursive: true, force: true })));
}

/** The cache key of a part: everything it indexes, hashed piece by piece (no 40 MB string). */
function partKey(pages: readonly SearchPage[], version: string): string {
  const hash = createHash('sha256').update(`${BUNDLE_VERSION}\0${version}\0`);
  for (const p of pages) hash.update(`${p.url}\0${p.slug}\0`).update(p.html).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * The OpenCC phrase table the browser converts queries with, pruned (a third of a second to
 * compute, so it is kept in the cache under the hash of the tables it comes from).
 */
async function stPhrases(cacheDir: string): Promise<{ name: string; text: string }> {
  const name = `st-phrases-${createHash('sha256').update(STPhrases).update('\0').update(STCharacters).digest('hex').slice(0, 16)}.txt`;
  const file = path.join(cacheDir, name);
  const cached = await readFile(file, 'utf8').catch(() => undefined);
  if (cached !== undefined) return { name, text: cached };
  const text = pruneStPhrases(STPhrases, STCharacters);
  await writeFile(file, text);
  return { name, text };
}

/** The folder of a part in the site: named by its key, so an unchanged part keeps its folder. */
function siteFolder(part: Part): string {
  return `part-${part.key.slice(0, 16)}`;
}

/**
 * Brings `target` (the site's `pagefind/` folder, kept between builds) to the parts of this
 * build: a part's folder that is already there is left alone (its name is its content's hash;
 * a folder appears whole, by renaming a finished copy), the others are copied from the cache,
 * anything else is removed. Then the merged section maps, the parts list, the OpenCC table and
 * Pagefind's script are written at the top. Each part folder is a whole Pagefind bundle: the
 * first one is the browser's index, and Pagefind loads its worker and WebAssembly from there.
 */
async function writeSite(parts: readonly Part[], cacheDir: string, target: string, phrases: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const folders = parts.map(siteFolder);
  const present = await readdir(target);
  await Promise.all(present.filter((n) => !folders.includes(n)).map((n) => rm(path.join(target, n), { recursive: true, force: true })));
  const maps = new Map<string, Array<Record<string, PageEntry>>>();
  for (const [i, part] of parts.entries()) {
    const bundle = path.join(cacheDir, part.key);
    if (!present.includes(folders[i])) {
      const copying = path.join(target, `${folders[i]}.copying`);
      await cp(bundle, copying, { recursive: true, filter: (source) => !isSectionMapFile(path.basename(source)) && !UNUSED_FILE.test(path.basename(source)) });
      await rename(copying, path.join(target, folders[i]));
    }
    for (const name of (await readdir(bundle)).filter(isSectionMapFile)) {
      const list = maps.get(name) ?? [];
      list.push(JSON.parse(await readFile(path.join(bundle, name), 'utf8')) as Record<string, PageEntry>);
      maps.set(name, list);
    }
  }
  for (const [name, list] of maps) await writeFile(path.join(target, name), JSON.stringify(mergeSectionMaps(list)));
  await writeFile(path.join(target, PARTS_FILE_NAME), JSON.stringify(folders.map((f) => `${f}/`)));
  await writeFile(path.join(target, ST_PHRASES_FILE_NAME), phrases);
  await copyFile(path.join(cacheDir, parts[0].key, ENTRY_SCRIPT), path.join(target, ENTRY_SCRIPT));
}

/**
 * Starts building the parts of the index of `pages` in `cacheDir` (or finds them there) and
 * returns at once; {@link PendingSearchIndex.write} finishes. `pagesPerPart` sets the size of a
 * part (default {@link PAGES_PER_PART}). The pages are held only until Pagefind has them (tens
 * of MB at a thousand agents).
 */
export function startSearchIndex(pages: readonly SearchPage[], cacheDir: string, pagesPerPart = PAGES_PER_PART): PendingSearchIndex {
  const version = pagefindVersion();
  const parts: Part[] = splitIntoParts(pages, (p) => p.slug, pagesPerPart).map(
    (pages) => ({ pages, key: partKey(pages, version), count: pages.length }),
  );
  const started = performance.now();
  const ready = (async () => {
    const todo = parts.filter((p) => !existsSync(path.join(cacheDir, `${p.key}.done`)));
    for (const part of parts) if (!todo.includes(part)) part.pages = undefined;
    await mkdir(cacheDir, { recursive: true });
    if (todo.length) {
      try {
        // One part at a time, each index deleted once written: Pagefind's process holds one part.
        for (const part of todo) {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          await addAll(index, part.pages!);
          await writePart(index, part.pages!, path.join(cacheDir, part.key));
          part.pages = undefined;
          await index.deleteIndex();
          await writeFile(path.join(cacheDir, `${part.key}.done`), `${part.count}\n`);
        }
      } finally {
        await pagefind.close();
      }
    }
    const phrases = await stPhrases(cacheDir);
    await pruneParts(cacheDir, new Set(parts.map((p) => p.key)), parts.length, new Set([phrases.name]));
    return { indexed: todo.length, ms: Math.round(performance.now() - started), phrases: phrases.text };
  })();
  // A failure is reported by write(), at the end of the build; until then it must not count as
  // an unhandled rejection (which would end the process with a less useful message).
  ready.catch(() => undefined);
  return {
    pages: pages.length,
    parts: parts.length,
    async write(outDir) {
      const { indexed, ms, phrases } = await ready;
      await writeSite(parts, cacheDir, path.join(outDir, 'pagefind'), phrases);
      return { indexed, ms };
    },
  };
}
