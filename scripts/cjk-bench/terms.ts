/**
 * The pure parts of the Chinese search benchmark: sampling query terms by document frequency,
 * deciding which pages are relevant to a query, and pooling recall and precision.
 */

/** A query term and how many documents contain it. */
export interface Term {
  term: string;
  df: number;
  band: 'frequent' | 'mid' | 'rare';
}

/** A seeded pseudo-random generator (mulberry32), so the sample is the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Candidate query terms of 2–6 Han characters in a text: the words the browser's segmenter finds,
 * and compounds of two adjacent words (上下文管理, 服务器端), which readers type as often and
 * which the two segmenters of Pagefind split differently.
 */
export function hanWords(text: string): Set<string> {
  const words = new Set<string>();
  const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const parts = [...segmenter.segment(run)].map((s) => s.segment);
    parts.forEach((w, i) => {
      if (/^\p{Script=Han}{2,6}$/u.test(w)) words.add(w);
      const pair = w + (parts[i + 1] ?? '');
      if (i + 1 < parts.length && /^\p{Script=Han}{3,6}$/u.test(pair)) words.add(pair);
    });
  }
  return words;
}

/**
 * Samples terms by document frequency: `counts.frequent` from the top tenth of candidate words,
 * `counts.mid` from the rest of the top half, `counts.rare` from the bottom half. `must` terms
 * are included first (in the band of their frequency).
 */
export function sampleTerms(
  docs: readonly string[],
  counts: { frequent: number; mid: number; rare: number },
  seed: number,
  must: readonly string[] = [],
): Term[] {
  const candidates = new Set<string>();
  for (const d of docs) for (const w of hanWords(d)) candidates.add(w);
  const df = (t: string) => docs.reduce((n, d) => n + (d.includes(t) ? 1 : 0), 0);
  const ranked = [...candidates].map((term) => ({ term, df: df(term) })).sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
  const bands = {
    frequent: ranked.slice(0, Math.ceil(ranked.length * 0.1)),
    mid: ranked.slice(Math.ceil(ranked.length * 0.1), Math.ceil(ranked.length * 0.5)),
    rare: ranked.slice(Math.ceil(ranked.length * 0.5)),
  };
  const next = random(seed);
  const out: Term[] = [];
  const taken = new Set<string>();
  for (const term of must) {
    const band = (Object.keys(bands) as Array<keyof typeof bands>).find((b) => bands[b].some((c) => c.term === term)) ?? 'frequent';
    out.push({ term, df: df(term), band });
    taken.add(term);
  }
  for (const band of ['frequent', 'mid', 'rare'] as const) {
    const pool = bands[band].filter((c) => !taken.has(c.term));
    let want = counts[band] - out.filter((t) => t.band === band).length;
    while (want > 0 && pool.length) {
      const [pick] = pool.splice(Math.floor(next() * pool.length), 1);
      out.push({ ...pick, band });
      taken.add(pick.term);
      want--;
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a page's text contains a query: every whitespace-separated part, case-insensitively,
 * with optional spacing where Latin letters meet Han characters (`SQL查询` is in "SQL 查询").
 * @example containsQuery('用 SQL 查询数据', 'SQL查询') // true
 */
export function containsQuery(text: string, query: string): boolean {
  return query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .every((part) => {
      const pattern = escapeRegExp(part).replace(/(?<=[A-Za-z0-9])(?=\p{Script=Han})|(?<=\p{Script=Han})(?=[A-Za-z0-9])/gu, '\\s*');
      return new RegExp(pattern, 'iu').test(text);
    });
}

/** Recall and precision of one query. */
export interface QueryScore {
  query: string;
  found: number;
  relevant: number;
  foundRelevant: number;
  /** Found pages that contain the query or one of its other forms. */
  foundAcceptable: number;
}

/** Scores a query: found and relevant page sets, and the test for "acceptable" (other forms). */
export function scoreQuery(query: string, found: readonly string[], relevant: ReadonlySet<string>, acceptable: (page: string) => boolean): QueryScore {
  return {
    query,
    found: found.length,
    relevant: relevant.size,
    foundRelevant: found.filter((p) => relevant.has(p)).length,
    foundAcceptable: found.filter((p) => relevant.has(p) || acceptable(p)).length,
  };
}

/** Pooled figures over many queries. */
export interface Pooled {
  queries: number;
  /** Found relevant pages over relevant pages, summed over the queries. */
  recall: number;
  precision: number;
  /** Means of the per-query figures (each query counts the same). */
  meanRecall: number;
  meanPrecision: number;
  /** Queries that missed a relevant page, or returned a page without the query. */
  imperfect: number;
}

/** Pools query scores (sums over queries, then ratios). */
export function pool(scores: readonly QueryScore[]): Pooled {
  const sum = (f: (s: QueryScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const relevant = sum((s) => s.relevant);
  const found = sum((s) => s.found);
  const mean = (f: (s: QueryScore) => number) => (scores.length ? sum(f) / scores.length : 1);
  return {
    queries: scores.length,
    recall: relevant ? sum((s) => s.foundRelevant) / relevant : 1,
    precision: found ? sum((s) => s.foundAcceptable) / found : 1,
    meanRecall: mean((s) => (s.relevant ? s.foundRelevant / s.relevant : 1)),
    meanPrecision: mean((s) => (s.found ? s.foundAcceptable / s.found : 1)),
    imperfect: scores.filter((s) => s.foundRelevant < s.relevant || s.foundAcceptable < s.found).length,
  };
}
