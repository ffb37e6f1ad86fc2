/**
 * Han characters in search. Pagefind's index would otherwise hold Chinese words as its indexer
 * segments them (jieba), while the browser segments queries differently, so the same word can
 * miss (Pagefind issue 1237). Agent Atlas indexes every Han character as a word of its own and
 * matches queries as phrases of characters, which is exact whatever the segmenters think.
 */

/** U+200B ZERO WIDTH SPACE: Pagefind splits Chinese words there and drops it from excerpts. */
export const ZERO_WIDTH_SPACE = '\u200B';

const HAN = /\p{Script=Han}/u;
// A Han character next to another Han character, letter or digit (either order).
const HAN_BOUNDARY = /(\p{Script=Han})(?=[\p{L}\p{N}])|([\p{L}\p{N}])(?=\p{Script=Han})/gu;

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
 * Whether Pagefind segments words for a language (it does for Chinese, Japanese and Thai).
 * @example segmentsWords('zh-hant') // true
 */
export function segmentsWords(language: string): boolean {
  return ['zh', 'ja', 'th'].includes(language.split('-')[0].toLowerCase());
}

/**
 * Puts `separator` between a Han character and an adjacent Han character, letter or digit, so
 * each Han character is indexed as one word. Use U+200B for languages Pagefind segments (it
 * removes it from the stored text) and a space for the others.
 * @example separateHan('SQL查询', ' ') // 'SQL 查 询'
 */
export function separateHan(text: string, separator: string): string {
  return text.replace(HAN_BOUNDARY, (_m, han: string | undefined, other: string | undefined) => `${han ?? other}${separator}`);
}

/** The separator {@link separateHan} needs for an index language. */
export function hanSeparator(language: string): string {
  return segmentsWords(language) ? ZERO_WIDTH_SPACE : ' ';
}
