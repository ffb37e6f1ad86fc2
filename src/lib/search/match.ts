import type { Alternative, QueryGroup } from './query.ts';
import { type PartStarts, PART_TIER, PART_WEIGHT, partAt } from './section-map.ts';

/**
 * Matching and ranking, from the word positions Pagefind returns. Each token of the query is
 * searched on its own (Pagefind returns every position of a word in a page); a phrase matches
 * where its tokens stand at consecutive positions. Pagefind's own phrase search reports only one
 * occurrence per page, so the phrase logic lives here. The section map says which part of the
 * page a position is in, which gives each match its rank tier.
 */

/** Token → page id → the token's word positions in that page. */
export type HitTable = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

/** Where a group matched: the first word and the number of words. */
export interface Occurrence {
  position: number;
  length: number;
}

/** A page that matches every group of a query. */
export interface PageMatch {
  pageId: string;
  /** Occurrences of each group, in the order of the groups. */
  groups: Occurrence[][];
  /** Rank tier: the weakest group's best part ({@link PART_TIER}). */
  tier: number;
  /** Weighted number of matches, for ordering within a tier. */
  score: number;
}

/**
 * Where the tokens of an alternative stand at consecutive positions.
 * @example phraseOccurrences(['上', '下'], (t) => ({ 上: [4, 9], 下: [5] })[t]) // [{ position: 4, length: 2 }]
 */
export function phraseOccurrences(tokens: Alternative, positionsOf: (token: string) => readonly number[] | undefined): Occurrence[] {
  const all = tokens.map(positionsOf);
  if (!tokens.length || all.some((p) => !p)) return [];
  const rest = (all.slice(1) as Array<readonly number[]>).map((p) => new Set(p));
  const out: Occurrence[] = [];
  for (const position of all[0]!) {
    if (rest.every((set, i) => set.has(position + i + 1))) out.push({ position, length: tokens.length });
  }
  return out.sort((a, b) => a.position - b.position);
}

function pagesOf(tokens: Alternative, table: HitTable): string[] {
  const maps = tokens.map((t) => table.get(t));
  if (!maps.length || maps.some((m) => !m)) return [];
  const [first, ...rest] = maps as Array<ReadonlyMap<string, readonly number[]>>;
  return [...first.keys()].filter((p) => rest.every((m) => m.has(p)));
}

/** The occurrences of a group in a page: those of any alternative, without duplicates. */
export function groupOccurrences(group: QueryGroup, pageId: string, table: HitTable): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const alt of group.alternatives) {
    for (const o of phraseOccurrences(alt, (t) => table.get(t)?.get(pageId))) {
      const key = `${o.position}:${o.length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out.sort((a, b) => a.position - b.position);
}

/**
 * Scores a page's occurrences: the tier of the weakest group's best part, then the weighted
 * number of matches (logarithmic, so placement counts more than repetition).
 */
export function scoreMatch(groups: readonly Occurrence[][], starts: PartStarts | undefined): { tier: number; score: number } {
  let tier = Infinity;
  let score = 0;
  for (const occ of groups) {
    let best = 0;
    let sum = 0;
    for (const o of occ) {
      const part = partAt(starts, o.position);
      best = Math.max(best, PART_TIER[part]);
      sum += PART_WEIGHT[part];
    }
    tier = Math.min(tier, best);
    score += Math.log2(1 + sum);
  }
  return { tier: Number.isFinite(tier) ? tier : 0, score };
}

/**
 * The pages that match every group, best first: by tier, then score, then page id.
 * @param startsOf the section map entry of a page (undefined counts every match as body text)
 * @param accept optional extra test of a page's occurrences (a kind filter)
 */
export function matchPages(
  groups: readonly QueryGroup[],
  table: HitTable,
  startsOf: (pageId: string) => PartStarts | undefined,
  accept?: (groups: Occurrence[][], starts: PartStarts | undefined) => boolean,
): PageMatch[] {
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
    const starts = startsOf(pageId);
    if (accept && !accept(occ, starts)) continue;
    matches.push({ pageId, groups: occ, ...scoreMatch(occ, starts) });
  }
  return matches.sort((a, b) => b.tier - a.tier || b.score - a.score || (a.pageId < b.pageId ? -1 : 1));
}

/**
 * The hits of the pages `listed` keeps. A locale's search reads the index every locale shares
 * (`INDEX_LANGUAGE`): its section map lists the pages that are its own.
 * @example listedOnly(new Map([['a', new Map([['p1', [0]], ['p2', [3]]])]]), (id) => id === 'p2').get('a') // Map { 'p2' => [3] }
 */
export function listedOnly(table: HitTable, listed: (pageId: string) => boolean): HitTable {
  return new Map([...table].map(([token, hits]) => [token, new Map([...hits].filter(([pageId]) => listed(pageId)))]));
}

/**
 * Whether every group matched in a part of the given kind (the kind filter).
 */
export function matchesInPart(part: 'responsibility' | 'checklist' | 'example') {
  return (groups: Occurrence[][], starts: PartStarts | undefined): boolean =>
    groups.every((occ) => occ.some((o) => partAt(starts, o.position) === part));
}
