import type { Alternative, QueryGroup } from './query.ts';
import { matchTier } from './kinds.ts';

/**
 * Matching and ranking, from the word positions Pagefind returns. Each token of the query is
 * searched on its own (Pagefind returns every position and weight of a word in a page); a
 * phrase matches where its tokens stand at consecutive positions. Pagefind's own phrase search
 * reports neither weights nor every occurrence, so the phrase logic lives here.
 */

/** The positions of one token in one page, each with its Pagefind weight. */
export interface PageHits {
  /** Word position → weight (0–10). */
  locations: ReadonlyMap<number, number>;
}

/** Token → page id → hits. */
export type HitTable = ReadonlyMap<string, ReadonlyMap<string, PageHits>>;

/** Where a group matched: the first word, the number of words, the weight. */
export interface Occurrence {
  position: number;
  length: number;
  weight: number;
}

/** A page that matches every group of a query. */
export interface PageMatch {
  pageId: string;
  /** Occurrences of each group, in the order of the groups. */
  groups: Occurrence[][];
  /** Rank tier: the weakest group's best match ({@link matchTier}). */
  tier: number;
  /** Weighted number of matches, for ordering within a tier. */
  score: number;
}

/**
 * Where the tokens of an alternative stand at consecutive positions in a page.
 * @example phraseOccurrences(['上', '下'], (t) => ({ 上: hits([[4, 6]]), 下: hits([[5, 6]]) })[t]) // [{ position: 4, length: 2, weight: 6 }]
 */
export function phraseOccurrences(tokens: Alternative, hitsOf: (token: string) => PageHits | undefined): Occurrence[] {
  const all = tokens.map(hitsOf);
  if (!tokens.length || all.some((h) => !h)) return [];
  const [first, ...rest] = all as PageHits[];
  const out: Occurrence[] = [];
  for (const [position, weight] of first.locations) {
    let min = weight;
    let ok = true;
    for (let i = 0; i < rest.length && ok; i++) {
      const w = rest[i].locations.get(position + i + 1);
      if (w === undefined) ok = false;
      else min = Math.min(min, w);
    }
    if (ok) out.push({ position, length: tokens.length, weight: min });
  }
  return out.sort((a, b) => a.position - b.position);
}

function pagesOf(tokens: Alternative, table: HitTable): string[] {
  const sets = tokens.map((t) => table.get(t));
  if (sets.some((s) => !s)) return [];
  const [first, ...rest] = sets as Array<ReadonlyMap<string, PageHits>>;
  return [...first.keys()].filter((p) => rest.every((s) => s.has(p)));
}

/**
 * The occurrences of a group in a page: those of any alternative, without duplicates.
 */
export function groupOccurrences(group: QueryGroup, pageId: string, table: HitTable): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const alt of group.alternatives) {
    for (const o of phraseOccurrences(alt, (t) => table.get(t)?.get(pageId))) {
      const key = `${o.position}:${o.length}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(o);
      }
    }
  }
  return out.sort((a, b) => a.position - b.position);
}

/**
 * Scores a page's occurrences: the tier of the weakest group's best match, then the weighted
 * number of matches (logarithmic, so repetition counts less than placement).
 */
export function scoreMatch(groups: readonly Occurrence[][]): { tier: number; score: number } {
  let tier = Infinity;
  let score = 0;
  for (const occ of groups) {
    const best = Math.max(0, ...occ.map((o) => o.weight));
    tier = Math.min(tier, matchTier(best));
    score += Math.log2(1 + occ.reduce((sum, o) => sum + o.weight, 0));
  }
  return { tier: Number.isFinite(tier) ? tier : 0, score };
}

/**
 * The pages that match every group, best first: by tier, then score, then page id.
 */
export function matchPages(groups: readonly QueryGroup[], table: HitTable): PageMatch[] {
  if (!groups.length) return [];
  let candidates: Set<string> | undefined;
  for (const g of groups) {
    const pages = new Set(g.alternatives.flatMap((alt) => pagesOf(alt, table)));
    candidates = candidates ? new Set([...candidates].filter((p) => pages.has(p))) : pages;
  }
  const matches: PageMatch[] = [];
  for (const pageId of candidates ?? []) {
    const occ = groups.map((g) => groupOccurrences(g, pageId, table));
    if (occ.some((o) => !o.length)) continue;
    matches.push({ pageId, groups: occ, ...scoreMatch(occ) });
  }
  return matches.sort((a, b) => b.tier - a.tier || b.score - a.score || (a.pageId < b.pageId ? -1 : 1));
}
