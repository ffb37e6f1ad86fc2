/**
 * Cheap tests for GFM constructs a markdown text cannot hold: the parsers skip the work of
 * looking for a construct (remark switches it off, markdown-it's tree skips the autolink
 * transform) when the characters it needs are absent. Each test looks for characters the
 * construct needs, so it never rules out one the text could use.
 */

/**
 * Texts that may hold a literal autolink: each kind needs `www.`, `http:`, `https:`, or an `@`
 * followed by a domain with a dot, in a text node. Text comes from the source as written, with
 * backslash escapes (`www\.`) and character references (`&#64;`) decoded.
 */
export const MAY_AUTOLINK = /&|www(?:\.|\\\.)|https?(?::|\\:)|@(?:[\w-]|\\[-_])*(?:\.|\\\.)/i;

/**
 * Texts that may hold a table: its delimiter row needs a `|`, or an alignment colon, which always
 * touches a dash (`:-`, `-:`); without either, the row is a thematic break or setext underline.
 */
export const MAY_TABLE = /\||:-|-:/;
