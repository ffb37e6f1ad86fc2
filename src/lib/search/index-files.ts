import { gunzipSync } from 'node:zlib';
import { type PageEntry, partStarts } from './section-map.ts';

/**
 * Reads the fragments of a Pagefind bundle (before it is written) to build the section map of
 * each language: the fragments hold each page's anchors with their word positions, the same
 * positions search results report.
 */

/** A file of a Pagefind bundle, as `getFiles()` returns it. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

interface Fragment {
  url: string;
  word_count: number;
  meta?: Record<string, string>;
  anchors: Array<{ title?: string; location: number }>;
}

const SIGNATURE = 'pagefind_dcd';

/** Decodes a Pagefind file: gzip, then a signature, then JSON. */
export function decodeBundleFile(content: Uint8Array): unknown {
  let bytes = Buffer.from(content);
  if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) bytes = gunzipSync(bytes);
  return JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8'));
}

/**
 * The section map of every language of a bundle: language → page id → entry. A fragment file is
 * one page (its id is the file name) or a group of pages keyed by id. `slugOf` gives the agent
 * slug of a page URL (from the records).
 */
export function sectionMaps(files: readonly BundleFile[], slugOf: (url: string) => string | undefined): Map<string, Record<string, PageEntry>> {
  const maps = new Map<string, Record<string, PageEntry>>();
  for (const file of files) {
    const m = /(?:^|\/)fragment\/(([^/_]+)_[^/]+)\.pf_fragment$/.exec(file.path);
    if (!m) continue;
    const [, fileId, language] = m;
    const decoded = decodeBundleFile(file.content) as Fragment | Record<string, Fragment>;
    const pages: Array<[string, Fragment]> =
      typeof (decoded as Fragment).url === 'string' ? [[fileId, decoded as Fragment]] : Object.entries(decoded as Record<string, Fragment>);
    const map = maps.get(language) ?? {};
    for (const [id, fragment] of pages) {
      const starts = partStarts(fragment.anchors ?? [], fragment.word_count ?? 0);
      const slug = slugOf(fragment.url) ?? '';
      const title = fragment.meta?.title ?? '';
      // Most titles are the agent's name, which is the slug's last part: stored once.
      map[id] = [...starts, slug, title === slug.split('/').pop() ? '' : title] as unknown as PageEntry;
    }
    maps.set(language, map);
  }
  return maps;
}
