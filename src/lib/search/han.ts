/**
 * Han characters in search. A segmented index would hold Chinese words as Pagefind's indexer
 * segments them (jieba), while the browser segments queries differently, so the same word can
 * miss (Pagefind issue 1237). Agent Atlas indexes every Han character as a word of its own (a
 * space apart, in an index that segments nothing: `INDEX_LANGUAGE`) and matches queries as
 * phrases of characters, which is exact whatever a segmenter would think.
 */

/**
 * What ends each block of a search record with Han characters: an ideographic full stop as a
 * word of its own, one word position between the blocks, so a phrase of characters cannot
 * match across two (`record-html.ts`).
 */
export const BLOCK_END = ' \u3002';

const HAN = /\p{Script=Han}/u;
/**
 * Chinese punctuation (CJK symbols and the full-width forms that are not letters or digits), as
 * the inside of a regular expression character class.
 */
export const CJK_PUNCTUATION = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65';

// A Han character or Chinese punctuation next to any character but white space (either order),
// which a segmenter would also take apart.
const HAN_BOUNDARY = new RegExp(`([\\p{Script=Han}${CJK_PUNCTUATION}])(?=\\S)|(\\S)(?=[\\p{Script=Han}${CJK_PUNCTUATION}])`, 'gu');

/**
 * Whether text contains a Han character.
 * @example hasHan('SQL查询') // true
 */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Whether a single character is a Han character. */
export function isHan(char: string): boolean {
  return HAN.test(char);
}

/**
 * Puts a space between a Han character or Chinese punctuation and any adjacent character but
 * white space, so each Han character is indexed as one word, and punctuation beside one is a
 * word of its own (as a segmenter would take it) rather than part of the character's or of an
 * English word's (`API、设计` is not the phrase `API设计`).
 * @example separateHan('SQL查询，好') // 'SQL 查 询 ， 好'
 */
export function separateHan(text: string): string {
  return text.replace(HAN_BOUNDARY, (_m, han: string | undefined, other: string | undefined) => `${han ?? other} `);
}
