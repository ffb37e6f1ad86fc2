import { mkdir, writeFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { decodeBundleFile, fragmentPages } from '../../src/lib/search/index-files.ts';

/**
 * Browser-side helpers of the search benchmarks: bundling the search engine for a bench page,
 * and reading a Pagefind bundle's fragments (page id → URL and indexed text) in Node.
 */

const here = path.dirname(fileURLToPath(import.meta.url));

/** Chromium's path and flags for headless benchmarks. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/**
 * Writes bench pages into a built site: `__bench/entry.js` (the engine) and one empty page per
 * language (`__bench/<segment>/`), whose `<html lang>` selects the Pagefind index.
 */
export async function writeBenchPages(siteDir: string, basePath: string, langs: ReadonlyArray<{ segment: string; tag: string }>): Promise<void> {
  const dir = path.join(siteDir, '__bench');
  await build({
    entryPoints: [path.join(here, 'bench-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: path.join(dir, 'entry.js'),
    logLevel: 'warning',
  });
  for (const { segment, tag } of langs) {
    await mkdir(path.join(dir, segment), { recursive: true });
    await writeFile(path.join(dir, segment, 'index.html'), `<!doctype html><html lang="${tag}" data-base="${basePath}"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`);
  }
}

/** A page of a Pagefind bundle as Node reads it. */
export interface IndexedPage {
  url: string;
  /** The text Pagefind indexed (zero-width spaces removed). */
  text: string;
}

/**
 * A fragment's text as a reader would search it: without the spaces Agent Atlas's index puts
 * between Han characters, or the U+200B Pagefind's default (Chinese) index puts between words. A block end
 * (`。`, a word of its own) stays, so a query is not found across two blocks.
 */
function indexedText(content: string): string {
  return content.replace(/\u200B/g, '').replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
}

/**
 * Reads every fragment of a bundle, or of every part of the site's index (a bundle each,
 * `part-<hash>/`): page id → page.
 */
export async function readFragments(bundleDir: string): Promise<Map<string, IndexedPage>> {
  const entries = await readdir(bundleDir, { withFileTypes: true });
  const bundles = entries.some((e) => e.name === 'fragment')
    ? [bundleDir]
    : entries.filter((e) => e.isDirectory() && e.name.startsWith('part-')).map((e) => path.join(bundleDir, e.name));
  const pages = new Map<string, IndexedPage>();
  for (const bundle of bundles) {
    const dir = path.join(bundle, 'fragment');
    for (const name of await readdir(dir)) {
      type Fragment = { url: string; content: string };
      const decoded = decodeBundleFile(await readFile(path.join(dir, name))) as Fragment | Record<string, Fragment>;
      for (const [id, f] of fragmentPages(name.replace(/\.pf_fragment$/, ''), decoded)) pages.set(id, { url: f.url, text: indexedText(f.content) });
    }
  }
  return pages;
}
