import { hasHan, isHan } from './han.ts';

/**
 * Query rewriting. A query is split into groups that must all match (AND). A group is a word
 * (`rate`), a run of text containing Han characters (`上下文`, `SQL查询`), or a quoted phrase.
 * Han text becomes a phrase of single characters, which matches the index exactly (each Han
 * character is indexed as one word); a group can have alternatives (the query in the other
 * Chinese script), any of which may match (OR).
 */

/** One way a group can match: tokens that must stand at consecutive positions. */
export type Alternative = readonly string[];

/** A part of the query that every result must match. */
export interface QueryGroup {
  /** The group as typed (for conversion between scripts). */
  text: string;
  /** Ways it can match; the first is the text as typed. */
  alternatives: Alternative[];
  /** Whether its text has Han characters (and may gain alternatives in the other script). */
  han: boolean;
}

const PUNCTUATION = /[\p{P}\p{S}]+/u;

/**
 * The tokens of a piece of text containing Han characters: every Han character alone, and the
 * runs of other letters and digits between them, lower-cased; punctuation splits runs.
 * @example hanTokens('SQL查询') // ['sql', '查', '询']
 */
export function hanTokens(text: string): string[] {
  const tokens: string[] = [];
  let run = '';
  const end = () => {
    if (run) tokens.push(run.toLowerCase());
    run = '';
  };
  for (const char of text) {
    if (isHan(char)) {
      end();
      tokens.push(char);
    } else if (/[\p{L}\p{N}\p{M}_]/u.test(char)) run += char;
    else end();
  }
  end();
  return tokens;
}

function groupOf(text: string, quoted: boolean): QueryGroup | undefined {
  const han = hasHan(text);
  const tokens = han || quoted ? hanTokens(text) : [text.toLowerCase()];
  if (!tokens.length || !tokens.some((t) => /[\p{L}\p{N}]/u.test(t))) return undefined;
  return { text, alternatives: [tokens], han };
}

/**
 * Parses a query into groups. Whitespace separates groups; a quoted part is one phrase; in text
 * with Han characters, punctuation separates groups too (`上下文，管理` is two).
 * @example parseQuery('上下文 管理').map((g) => g.alternatives[0]) // [['上','下','文'], ['管','理']]
 */
export function parseQuery(query: string): QueryGroup[] {
  const groups: QueryGroup[] = [];
  const parts = query.normalize('NFKC').match(/"[^"]*"?|[^\s"]+/g) ?? [];
  for (const part of parts) {
    if (part.startsWith('"')) {
      const g = groupOf(part.replace(/^"|"$/g, '').trim(), true);
      if (g) groups.push(g);
      continue;
    }
    const pieces = hasHan(part) ? part.split(PUNCTUATION) : [part];
    for (const piece of pieces) {
      // Pagefind ignores a word made only of punctuation; so does the query.
      const g = groupOf(piece, false);
      if (g) groups.push(g);
    }
  }
  return groups;
}

/**
 * Adds alternatives to the Han groups: the group's text converted by each converter (the other
 * script), when that differs from what is there already.
 * @example withAlternatives(parseQuery('数据库'), [(s) => '資料庫'])[0].alternatives // [['数','据','库'], ['資','料','庫']]
 */
export function withAlternatives(groups: readonly QueryGroup[], converters: ReadonlyArray<(text: string) => string>): QueryGroup[] {
  return groups.map((g) => {
    if (!g.han) return g;
    const seen = new Set(g.alternatives.map((a) => a.join('\u0000')));
    const alternatives = [...g.alternatives];
    for (const convert of converters) {
      const tokens = hanTokens(convert(g.text));
      const key = tokens.join('\u0000');
      if (tokens.length && !seen.has(key)) {
        seen.add(key);
        alternatives.push(tokens);
      }
    }
    return { ...g, alternatives };
  });
}

/** Every distinct token of the groups: one Pagefind search each. */
export function queryTokens(groups: readonly QueryGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.alternatives.flat()))];
}
