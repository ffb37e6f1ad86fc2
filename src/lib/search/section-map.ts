import { type AnchorCode, decodeAnchorTitle } from './kinds.ts';

/**
 * The section map: for each indexed page, the word positions where its parts start, its slug and
 * title. A search result from Pagefind carries only a page id and word positions; with this map
 * the browser knows whether a position is in a responsibility, a checklist, an example or the
 * body without downloading the page's fragment, so it can rank and filter every result, not
 * just the shown ones, and show a result's title at once. The build writes one map per locale
 * beside the index (a few numbers and words per page).
 */

/** The parts of a record, in the order the record lists them. */
export const PARTS = ['name', 'description', 'example', 'responsibility', 'checklist', 'body'] as const;

/** A part of a record. */
export type Part = (typeof PARTS)[number];

/**
 * Where each part after the name starts, and the page's word count:
 * `[description, example, responsibility, checklist, body, wordCount]`. A part a page lacks
 * starts where the next one does.
 */
export type PartStarts = readonly number[];

/**
 * What the map holds about a page: its part starts and word count (as {@link PartStarts}), then
 * the agent's slug and the page title ('' when it is the slug's last part), so a result can be
 * shown before its fragment arrives.
 */
export type PageEntry = readonly [number, number, number, number, number, number, string, string];

/** Page id (Pagefind's fragment hash) → entry. */
export type SectionMap = Readonly<Record<string, PageEntry>>;

/** The title of a map entry. */
export function entryTitle(entry: PageEntry): string {
  return entry[7] || entry[6].split('/').pop() || '';
}

/** The part starts of a map entry. */
export function entryStarts(entry: PageEntry | undefined): PartStarts | undefined {
  return entry ? (entry.slice(0, 6) as number[]) : undefined;
}

/** The part an anchor code begins. */
export function partOfCode(code: AnchorCode | undefined): Part | undefined {
  switch (code) {
    case 'd':
      return 'description';
    case 'e':
      return 'example';
    case 'r':
      return 'responsibility';
    case 'k':
    case 'c':
      return 'checklist';
    case 's':
    case 'b':
      return 'body';
    default:
      return undefined;
  }
}

/**
 * Part starts from a fragment's anchors (each part's first anchor) and word count.
 * @example partStarts([{ title: 'd', location: 3 }, { title: 'b', location: 9 }], 20) // [3, 9, 9, 9, 9, 20]
 */
export function partStarts(anchors: ReadonlyArray<{ title?: string; location: number }>, wordCount: number): number[] {
  const first = new Map<Part, number>();
  for (const a of anchors) {
    const part = partOfCode(decodeAnchorTitle(a.title).code);
    if (part && (!first.has(part) || a.location < first.get(part)!)) first.set(part, a.location);
  }
  const starts: number[] = [];
  let next = wordCount;
  for (let i = PARTS.length - 1; i >= 1; i--) {
    next = Math.min(next, first.get(PARTS[i]) ?? next);
    starts[i - 1] = next;
  }
  return [...starts, wordCount];
}

/**
 * The part a word position is in.
 * @example partAt([3, 9, 9, 12, 15, 20], 10) // 'responsibility'
 */
export function partAt(starts: PartStarts | undefined, position: number): Part {
  if (!starts) return 'body';
  let part: Part = 'name';
  for (let i = 0; i < PARTS.length - 1; i++) if (position >= starts[i]) part = PARTS[i + 1];
  return part;
}

/** Rank tier of a part: the name first, then duties, the description, examples, the body. */
export const PART_TIER: Readonly<Record<Part, number>> = {
  name: 4,
  responsibility: 3,
  checklist: 3,
  description: 2,
  example: 1,
  body: 0,
};

/** How much a match in a part counts within a tier. */
export const PART_WEIGHT: Readonly<Record<Part, number>> = {
  name: 10,
  responsibility: 6,
  checklist: 5.5,
  description: 4,
  example: 2,
  body: 1,
};
