import { hash } from 'node:crypto';

/**
 * Normalizes file text the way every stage sees it: no byte-order mark, LF line endings.
 * Hashes and line numbers are computed on this form, so CRLF and LF copies of a file agree.
 */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * A short, stable content hash (hex) used for cache keys and "translated from" records.
 * @example contentHash('abc') // 'ba7816bf8f01cfea'
 */
export function contentHash(text: string | Uint8Array, length = 16): string {
  // The one-shot form: a build hashes every heading, item and paragraph, and creating a Hash
  // object for each costs three times the hashing.
  return hash('sha256', text, 'hex').slice(0, length);
}

/** The hash a translation records for its source file: of the normalized text. */
export function sourceHashOf(fileText: string): string {
  return contentHash(normalizeText(fileText));
}
