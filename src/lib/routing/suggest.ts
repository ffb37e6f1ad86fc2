import { LOCALES, type Locale, localeFromSegment, pickLocale } from '../locales.ts';

/**
 * The 404 page's "did you mean": which agents are closest to the address that was asked for.
 * Runs in the browser, on the compact list of `/api/slugs.json` ({@link SlugList}), so it has no
 * dependencies and works on plain data.
 */

/**
 * One agent of the compact list: `[slug, name, title in en, zh-Hant, zh-Hans]`. To keep the list
 * small, a name equal to the slug's last segment and a title equal to the name are left empty.
 */
export type SlugEntry = [slug: string, name: string, ...titles: string[]];

function lastSegment(slug: string): string {
  return slug.slice(slug.lastIndexOf('/') + 1);
}

/** `/api/slugs.json`: every agent, and old slugs with the slug they lead to. */
export interface SlugList {
  /** Order of the titles in each entry. */
  locales: Locale[];
  agents: SlugEntry[];
  redirects: Array<[from: string, to: string]>;
}

/** A suggestion: the agent's slug, its title in the reader's locale, and how far it was. */
export interface Suggestion {
  slug: string;
  title: string;
  /** 0 = exact, 1 = nothing in common. */
  distance: number;
}

/** Builds the compact list from the catalog (build time). */
export function slugList(
  agents: ReadonlyArray<{ slug: string; name: string; localized: Record<Locale, { title: string }> }>,
  redirects: ReadonlyArray<{ from: string; to: string }>,
): SlugList {
  return {
    locales: [...LOCALES],
    agents: agents.map((a) => {
      const titles = LOCALES.map((l) => (a.localized[l].title === a.name ? '' : a.localized[l].title));
      while (titles.length && !titles[titles.length - 1]) titles.pop();
      return [a.slug, a.name === lastSegment(a.slug) ? '' : a.name, ...titles] as SlugEntry;
    }),
    redirects: redirects.map((r) => [r.from, r.to]),
  };
}

/**
 * What a missing path asked for: its locale segment (if any) and the rest, as a query.
 * @example parseMissingPath('/agent-atlas/en/agents/backend-develper/', '/agent-atlas/')
 *   // { locale: 'en', query: 'backend-develper' }
 */
export function parseMissingPath(pathname: string, base: string): { locale?: Locale; query: string } {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: rank the raw text.
  }
  const b = base.endsWith('/') ? base : `${base}/`;
  if (path.startsWith(b)) path = path.slice(b.length);
  const parts = path.split('/').filter(Boolean);
  const locale = parts.length ? localeFromSegment(parts[0]) : undefined;
  if (locale) parts.shift();
  if (parts[0] === 'agents' || parts[0] === 'raw') parts.shift();
  const query = parts
    .join('/')
    .replace(/\.(html?|md)$/i, '')
    .replace(/\/index$/i, '')
    .toLowerCase();
  return { locale, query };
}

/**
 * The language of the 404 page: the locale segment of the asked-for path, else the language the
 * reader chose on this site, else the browser's.
 */
export function notFoundLocale(pathLocale: Locale | undefined, saved: string | null, languages: readonly string[]): Locale {
  if (pathLocale) return pathLocale;
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(languages);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), on code points
 * so that Chinese titles count one per character.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (!s.length) return t.length;
  if (!t.length) return s.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
}

/** Folds text for comparison: lower case, words joined by hyphens, as slugs are. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{N}/-]+/gu, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Distance between a query and one candidate text, scaled to 0–1. */
function scaled(query: string, candidate: string): number {
  const c = fold(candidate);
  if (!c) return 1;
  if (c === query) return 0;
  // A query that is a good part of a name ("backend") is close, but never as close as a typo fix.
  if (query.length >= 3 && (c.includes(query) || query.includes(c))) {
    return 0.1 + 0.3 * (1 - Math.min(c.length, query.length) / Math.max(c.length, query.length));
  }
  return editDistance(query, c) / Math.max([...query].length, [...c].length);
}

/**
 * Ranks the agents by how close their slug, name or titles are to the query, best first. Only
 * agents within `maxDistance` are returned; an old slug counts for the agent it leads to.
 */
export function suggestAgents(
  query: string,
  list: SlugList,
  locale: Locale,
  options: { limit?: number; maxDistance?: number } = {},
): Suggestion[] {
  const { limit = 5, maxDistance = 0.5 } = options;
  const q = fold(query);
  if (!q) return [];
  const titleAt = Math.max(0, list.locales.indexOf(locale));
  const best = new Map<string, number>();
  const consider = (slug: string, text: string) => {
    const d = scaled(q, text);
    if (d < (best.get(slug) ?? Infinity)) best.set(slug, d);
  };
  for (const [slug, name, ...titles] of list.agents) {
    consider(slug, slug);
    // The last segment alone, so `backend-architect` finds `telegram-bot/backend-architect`.
    if (slug.includes('/')) consider(slug, lastSegment(slug));
    if (name) consider(slug, name);
    for (const title of titles) if (title) consider(slug, title);
  }
  const known = new Set(list.agents.map((a) => a[0]));
  for (const [from, to] of list.redirects) {
    if (!known.has(to)) continue;
    const d = scaled(q, from);
    if (d < (best.get(to) ?? Infinity)) best.set(to, d);
  }
  const titles = new Map(list.agents.map(([slug, name, ...t]) => [slug, t[titleAt] || name || lastSegment(slug)]));
  return [...best]
    .filter(([, d]) => d <= maxDistance)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([slug, distance]) => ({ slug, title: titles.get(slug) ?? slug, distance: Math.round(distance * 1000) / 1000 }));
}
