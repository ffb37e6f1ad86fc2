import { gunzipSync } from 'node:zlib';
import { type PageEntry, partStarts } from './section-map.ts';

/**
 * Reads the fragments of a Pagefind bundle (after it is written) to build the section map of
 * each locale: the fragments hold each page's anchors with their word positions, the same
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

/** What the section maps need to know of an indexed page, by its URL (from the records). */
export interface MappedPage {
  /** The agent's slug. */
  slug: string;
  /**
   * The section maps (`mapLanguage` keys) that list the page: the locales whose search finds it.
   * A page indexed once for two locales is in both of their maps.
   */
  maps: readonly string[];
}

/**
 * The pages of a decoded fragment file, by page id: one page (its id is the file name, `fileId`)
 * or a group of pages keyed by id.
 */
export function fragmentPages<F extends { url: string }>(fileId: string, decoded: F | Record<string, F>): Array<[string, F]> {
  return typeof (decoded as F).url === 'string' ? [[fileId, decoded as F]] : Object.entries(decoded as Record<string, F>);
}

/**
 * The section map of every locale of a bundle: map key → page id → entry. `pageOf` tells the
 * agent and the maps of a page URL.
 */
export function sectionMaps(files: readonly BundleFile[], pageOf: (url: string) => MappedPage): Map<string, Record<string, PageEntry>> {
  const maps = new Map<string, Record<string, PageEntry>>();
  for (const file of files) {
    const m = /(?:^|\/)fragment\/([^/]+)\.pf_fragment$/.exec(file.path);
    if (!m) continue;
    for (const [id, fragment] of fragmentPages(m[1], decodeBundleFile(file.content) as Fragment | Record<string, Fragment>)) {
      const starts = partStarts(fragment.anchors ?? [], fragment.word_count ?? 0);
      const { slug, maps: keys } = pageOf(fragment.url);
      const title = fragment.meta?.title ?? '';
      // Most titles are the agent's name, which is the slug's last part: stored once.
      const entry = [...starts, slug, title === slug.split('/').pop() ? '' : title] as unknown as PageEntry;
      for (const key of keys) {
        const map = maps.get(key) ?? {};
        map[id] = entry;
        maps.set(key, map);
      }
    }
  }
  return maps;
}
