/**
 * What a search match can be, and how much it counts. Every block of an agent's search record
 * has a kind; the kind decides the block's Pagefind weight, and anchored blocks carry a short
 * code in their anchor title so the browser can tell a responsibility from a checklist item
 * without any other data. Weights are multiples of 1/24, the unit Pagefind stores them in.
 */

/** The kinds of match a reader can filter by. */
export const MATCH_KINDS = ['responsibility', 'checklist', 'example'] as const;

/** A kind of match a reader can filter by. */
export type MatchKind = (typeof MATCH_KINDS)[number];

/** The kinds of text a search record is made of. */
export type BlockKind =
  | 'name'
  | 'responsibility'
  | 'checklist'
  | 'checklistTitle'
  | 'description'
  | 'heading'
  | 'example'
  | 'text'
  | 'code';

/**
 * Pagefind weight of each kind (Pagefind accepts 0–10). Duties (responsibilities and checklist
 * items) outweigh everything but the agent's name, so an agent whose duty it is ranks above one
 * that mentions the words in passing.
 */
export const BLOCK_WEIGHTS: Readonly<Record<BlockKind, number>> = {
  name: 10,
  responsibility: 6,
  checklist: 5.5,
  checklistTitle: 4.5,
  description: 4,
  heading: 3,
  example: 2,
  text: 1,
  code: 0.5,
};

/**
 * Rank tier of a match weight: 4 name, 3 duty, 2 description or section title, 1 example,
 * 0 anything else. Results are ordered by tier first, so one responsibility beats many passing
 * mentions.
 * @example matchTier(6) // 3
 */
export function matchTier(weight: number): number {
  if (weight >= 9) return 4;
  if (weight >= 5) return 3;
  if (weight >= 3) return 2;
  if (weight >= 2) return 1;
  return 0;
}

/** Codes in anchor titles: what the text after an anchor is. */
export const ANCHOR_CODES = {
  description: 'd',
  example: 'e',
  responsibility: 'r',
  checklist: 'c',
  checklistTitle: 'k',
  section: 's',
  /** Start of the full definition, where it does not start with a heading. */
  body: 'b',
} as const;

/** An anchor code. */
export type AnchorCode = (typeof ANCHOR_CODES)[keyof typeof ANCHOR_CODES];

/** A decoded anchor title. */
export interface AnchorTitle {
  code: AnchorCode | undefined;
  /** The section's label (a checklist's or heading's title, an example's number), or ''. */
  label: string;
}

/**
 * The anchor title stored in the index: the code, and the label after a bar.
 * @example encodeAnchorTitle('s', 'API design') // 's|API design'
 */
export function encodeAnchorTitle(code: AnchorCode, label = ''): string {
  return label ? `${code}|${label}` : code;
}

/**
 * Reads an anchor title back.
 * @example decodeAnchorTitle('k|Review checklist') // { code: 'k', label: 'Review checklist' }
 */
export function decodeAnchorTitle(title: string | undefined): AnchorTitle {
  if (!title) return { code: undefined, label: '' };
  const bar = title.indexOf('|');
  const code = (bar < 0 ? title : title.slice(0, bar)) as AnchorCode;
  const known = (Object.values(ANCHOR_CODES) as string[]).includes(code);
  return { code: known ? code : undefined, label: bar < 0 ? '' : title.slice(bar + 1) };
}

/** The kind of match an anchor code stands for, when it is one a reader can filter by. */
export function matchKindOf(code: AnchorCode | undefined): MatchKind | undefined {
  if (code === 'r') return 'responsibility';
  if (code === 'c' || code === 'k') return 'checklist';
  if (code === 'e') return 'example';
  return undefined;
}
