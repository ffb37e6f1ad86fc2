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
export interface IndexedPage {
  /** The agent's slug. */
  slug: string;
  /**
   * The section maps (`mapLanguage` keys) that list the page: the locales whose search finds it.
   * A page indexed once for two locales is in both of their maps.
   */
  maps: readonly string[];
}

/**
 * The section map of every locale of a bundle: map key → page id → entry. A fragment file is one
 * page (its id is the file name) or a group of pages keyed by id. `pageOf` tells the agent and
 * the maps of a page URL; a page it does not know goes to its Pagefind language's map, without a
 * slug.
 */
export function sectionMaps(files: readonly BundleFile[], pageOf: (url: string) => IndexedPage | undefined): Map<string, Record<string, PageEntry>> {
  const maps = new Map<string, Record<string, PageEntry>>();
  for (const file of files) {
    const m = /(?:^|\/)fragment\/(([^/_]+)_[^/]+)\.pf_fragment$/.exec(file.path);
    if (!m) continue;
    const [, fileId, language] = m;
    const decoded = decodeBundleFile(file.content) as Fragment | Record<string, Fragment>;
    const pages: Array<[string, Fragment]> =
      typeof (decoded as Fragment).url === 'string' ? [[fileId, decoded as Fragment]] : Object.entries(decoded as Record<string, Fragment>);
    for (const [id, fragment] of pages) {
      const starts = partStarts(fragment.anchors ?? [], fragment.word_count ?? 0);
      const page = pageOf(fragment.url);
      const slug = page?.slug ?? '';
      const title = fragment.meta?.title ?? '';
      // Most titles are the agent's name, which is the slug's last part: stored once.
      const entry = [...starts, slug, title === slug.split('/').pop() ? '' : title] as unknown as PageEntry;
      for (const key of page?.maps ?? [language]) {
        const map = maps.get(key) ?? {};
        map[id] = entry;
        maps.set(key, map);
      }
    }
  }
  return maps;
}
