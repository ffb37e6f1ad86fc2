/**
 * A guard against pathologically nested markdown. The markdown parser's cost grows steeply with
 * container depth (300 nested list levels take seconds; thousands of `>` or `- - - …` overflow
 * the stack in later stages), and no real agent file nests more than a few levels. Lines nested
 * deeper than the limit are flattened to it before parsing: their text is kept, only the excess
 * indentation and markers go.
 */

/** Deepest nesting kept, in levels (a list marker or `>` is one level, two columns of indent one). */
export const MAX_NESTING = 16;

// The container prefix of a line: indentation, `>` quote markers and list markers.
const PREFIX = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/;
const TOKEN = /[ \t]|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/gy;
const FENCE = /^(`{3,}|~{3,})/;

function cost(token: string): number {
  if (token === ' ') return 0.5;
  if (token === '\t') return 2;
  return 1;
}

/** Depth of a container prefix, in levels. */
function depthOf(prefix: string): number {
  let depth = 0;
  for (const m of prefix.matchAll(TOKEN)) depth += cost(m[0]);
  return depth;
}

/** The prefix cut at `limit` levels, ending with its last marker so the line keeps its kind. */
function cutPrefix(prefix: string, limit: number): string {
  let depth = 0;
  let end = 0;
  let last = '';
  for (const m of prefix.matchAll(TOKEN)) {
    if (m[0].trim()) last = m[0];
    if (depth + cost(m[0]) <= limit - 1) {
      depth += cost(m[0]);
      end = m.index + m[0].length;
    }
  }
  const kept = prefix.slice(0, end);
  return `${kept}${kept.endsWith(' ') || kept === '' ? '' : ' '}${last && last !== '>' ? `${last} ` : ''}`;
}

const candidates = new Map<number, RegExp>();
function deepCandidate(limit: number): RegExp {
  let re = candidates.get(limit);
  // A tab counts two levels, so a deep prefix has at least half the limit in characters.
  if (!re) candidates.set(limit, (re = new RegExp(`^[ \\t>*+\\-\\d.)]{${Math.ceil(limit / 2)},}`, 'm')));
  return re;
}

/** The text with over-deep lines flattened, and the 0-based indices of the lines changed. */
export interface LimitedNesting {
  text: string;
  lines: number[];
}

/**
 * Flattens lines nested deeper than `limit` levels (outside fenced code, which the parser does
 * not nest into). Text within the limit is returned unchanged, as the same string.
 * @example limitNesting('>'.repeat(100) + ' deep', 3).text // '>> deep'
 */
export function limitNesting(text: string, limit = MAX_NESTING): LimitedNesting {
  // Fast path: most texts have no line with a long enough prefix.
  if (!deepCandidate(limit).test(text)) return { text, lines: [] };
  const lines = text.split('\n');
  const changed: number[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const prefix = PREFIX.exec(line)?.[0] ?? '';
    const rest = line.slice(prefix.length);
    const marker = FENCE.exec(rest)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && rest.trim() === marker) fence = undefined;
      return;
    }
    // Only top-level fences are trusted: one inside a list or quote ends with its container, which
    // a line scan cannot tell, and deep lines after it would escape the limit.
    if (marker && prefix.length < 4 && prefix.trim() === '') fence = marker;
    if (prefix.length * 2 <= limit || depthOf(prefix) <= limit) return;
    lines[i] = cutPrefix(prefix, limit) + rest;
    changed.push(i);
  });
  return changed.length ? { text: lines.join('\n'), lines: changed } : { text, lines: [] };
}
