import { type QueryGroup, parseQuery, queryTokens, withAlternatives } from '../../lib/search/query.ts';
import { type HitTable, type PageMatch, listedOnly, matchPages, matchesInPart } from '../../lib/search/match.ts';
import { type FragmentLike, type SectionMatch, fragmentWords, matchSections, sectionExcerpt, sectionsOf } from '../../lib/search/excerpt.ts';
import { type SearchState, indexFilters } from '../../lib/search/url-state.ts';
import { type SectionMap, entryStarts, entryTitle } from '../../lib/search/section-map.ts';
import { agentPath, withBase } from '../../lib/routing/paths.ts';
import { type ScriptConverters, conversionsFor } from '../../lib/search/script-convert.ts';
import { PARTS_FILE_NAME, ST_PHRASES_FILE_NAME, sectionMapFileName, type PartsList } from '../../lib/search/bundle-files.ts';
import type { Locale } from '../../lib/locales.ts';

/**
 * The search engine in the browser: Pagefind's JS API for the index (loaded on first use), the
 * section map for ranking and the kind filter, and OpenCC for queries in the other Chinese
 * script (loaded only when a query has Han characters). Pagefind's default UI is not used.
 */

interface PagefindFragment extends FragmentLike {
  url: string;
  raw_url?: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  words: number[];
  data(): Promise<PagefindFragment>;
}
interface PagefindApi {
  options(o: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** A section of a result: where it matched, with its link and excerpt. */
export interface ResultSection {
  href: string;
  match: SectionMatch;
  /** Excerpt HTML (Pagefind-escaped text with `<mark>`). */
  excerpt: string;
}

/** A result ready to show. */
export interface SearchHit {
  pageId: string;
  title: string;
  url: string;
  sections: ResultSection[];
}

/** The outcome of a search: every matching page, best first. */
export interface SearchOutcome {
  matches: PageMatch[];
  groups: QueryGroup[];
  /** True when the query has Han characters but the other-script forms were not searched yet. */
  conversionPending: boolean;
}

/** The engine of one page (one locale and base path). */
export class SearchEngine {
  readonly base: string;
  readonly locale: Locale;
  private api?: Promise<PagefindApi>;
  private sections?: Promise<SectionMap>;
  private map: SectionMap = {};
  private converters?: Promise<ScriptConverters>;
  private loadedConverters?: ScriptConverters;
  private readonly tokenHits = new Map<string, Promise<Map<string, number[]>>>();
  private readonly results = new Map<string, PagefindResult>();
  /** Pages of a part that its overlay replaces: Pagefind still finds them, results must not. */
  private hidden = new Set<string>();

  constructor(base: string, locale: Locale) {
    this.base = base.endsWith('/') ? base : `${base}/`;
    this.locale = locale;
  }

  /**
   * Loads Pagefind with every part of the index, and the section map (once); call early, e.g.
   * on focus. The index is in parts, and a rebuild after an edit adds an overlay of the edited
   * agents' pages whose old versions are listed as hidden; each is a folder named by its
   * content: Pagefind takes the first as its index and merges the others into it.
   */
  load(): Promise<PagefindApi> {
    this.api ??= (async () => {
      const [api, parts] = await Promise.all([
        import(/* @vite-ignore */ `${this.base}pagefind/pagefind.js`) as Promise<PagefindApi>,
        // Without the list, results would silently miss parts: fail like a missing index. Asked
        // afresh from the server (a cached list from before a deploy could name other parts).
        fetch(`${this.base}pagefind/${PARTS_FILE_NAME}`, { cache: 'no-cache' }).then((r) => {
          if (!r.ok) throw new Error(`${PARTS_FILE_NAME}: HTTP ${r.status}`);
          return r.json() as Promise<PartsList>;
        }),
      ]);
      const [first, ...others] = parts.parts;
      this.hidden = new Set(parts.hidden);
      if (!first) throw new Error(`${PARTS_FILE_NAME} lists no index.`);
      // Before init: the index, its worker and WebAssembly are read from this folder.
      await api.options({ basePath: `${this.base}pagefind/${first}` });
      await api.init();
      await Promise.all(others.map((part) => api.mergeIndex(`${this.base}pagefind/${part}`)));
      return api;
    })().catch((error: unknown) => {
      // A failed load (offline for a moment) is tried again on the next search, not kept.
      this.api = undefined;
      throw error;
    });
    // A failure is the search's to report (it asks again).
    this.loadSections().catch(() => undefined);
    return this.api;
  }

  /**
   * Loads this locale's section map (once). It also says which of the index's pages are this
   * locale's (the two Chinese scripts share an index): without it, results would mix both
   * scripts, so it fails like the index, and is tried again on the next search.
   */
  private loadSections(): Promise<SectionMap> {
    const mapFile = sectionMapFileName(document.documentElement.lang);
    this.sections ??= fetch(`${this.base}pagefind/${mapFile}`, { cache: 'no-cache' })
      .then((r) => {
        if (!r.ok) throw new Error(`${mapFile}: HTTP ${r.status}`);
        return r.json() as Promise<SectionMap>;
      })
      .then((map) => (this.map = map))
      .catch((error: unknown) => {
        this.sections = undefined;
        throw error;
      });
    return this.sections;
  }

  /** Loads the OpenCC converters (once). */
  loadConverters(): Promise<ScriptConverters> {
    this.converters ??= (async () => {
      const [mod, table] = await Promise.all([
        import('../../lib/search/opencc-query.ts'),
        fetch(`${this.base}pagefind/${ST_PHRASES_FILE_NAME}`).then((r) => (r.ok ? r.text() : '')),
      ]);
      this.loadedConverters = mod.createQueryConverters(table);
      return this.loadedConverters;
    })();
    return this.converters;
  }

  private async hitsOf(token: string, filters: Record<string, string>): Promise<Map<string, number[]>> {
    const key = `${token}\u0000${JSON.stringify(filters)}`;
    let hits = this.tokenHits.get(key);
    if (!hits) {
      hits = this.load().then(async (api) => {
        const found = await api.search(token, { filters });
        const map = new Map<string, number[]>();
        for (const r of found?.results ?? []) {
          if (this.hidden.has(r.id)) continue;
          map.set(r.id, r.words);
          this.results.set(r.id, r);
        }
        return map;
      });
      this.tokenHits.set(key, hits);
    }
    return hits;
  }

  /**
   * Searches. With `waitForConversion` false, a Han query whose converters are not loaded yet
   * is searched as typed (and `conversionPending` says so); search again once
   * {@link loadConverters} resolves.
   */
  async search(state: SearchState, waitForConversion = true): Promise<SearchOutcome> {
    let groups = parseQuery(state.q);
    let conversionPending = false;
    if (groups.some((g) => g.han)) {
      const converters = waitForConversion ? await this.loadConverters() : this.loadedConverters;
      if (converters) groups = withAlternatives(groups, conversionsFor(this.locale, converters));
      else {
        conversionPending = true;
        void this.loadConverters();
      }
    }
    if (!groups.length) return { matches: [], groups, conversionPending: false };
    const filters = indexFilters(state);
    const tokens = queryTokens(groups);
    const hits: HitTable = new Map(await Promise.all(tokens.map(async (t) => [t, await this.hitsOf(t, filters)] as const)));
    const map = await this.loadSections();
    const table = listedOnly(hits, (id) => id in map);
    const accept = state.kind ? matchesInPart(state.kind) : undefined;
    return { matches: matchPages(groups, table, (id) => entryStarts(map[id]), accept), groups, conversionPending };
  }

  /** A result's title and page URL, known without its fragment (from the section map). */
  summary(match: PageMatch): { title: string; url: string } | undefined {
    const entry = this.map[match.pageId];
    if (!entry?.[6]) return undefined;
    return { title: entryTitle(entry), url: withBase(this.base, agentPath(this.locale, entry[6])) };
  }

  /** Loads what a result shows: title, link and the best matching sections (at most `max`). */
  async hit(match: PageMatch, state: SearchState, max = 3): Promise<SearchHit> {
    const result = this.results.get(match.pageId);
    if (!result) throw new Error(`No Pagefind result for ${match.pageId}`);
    const fragment = await result.data();
    const raw = fragment.raw_content ?? fragment.content;
    const words = fragmentWords(raw);
    // A page indexed once for two locales has the first one's URL: link this locale's page.
    const url = this.summary(match)?.url ?? fragment.raw_url ?? fragment.url;
    const sections = matchSections(sectionsOf(fragment, words.length), match.groups, state.kind)
      .slice(0, max)
      .map((m) => ({
        match: m,
        href: m.section.id ? `${url}#${encodeURIComponent(m.section.id)}` : url,
        excerpt: sectionExcerpt(words, m, this.locale === 'en' ? 24 : 48),
      }));
    return { pageId: match.pageId, title: fragment.meta.title ?? url, url, sections };
  }
}
