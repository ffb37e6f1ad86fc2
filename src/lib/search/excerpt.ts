import { type AnchorCode, type MatchKind, decodeAnchorTitle, matchKindOf } from './kinds.ts';
import type { Occurrence } from './match.ts';
import { PART_WEIGHT, partOfCode } from './section-map.ts';
import { CJK_PUNCTUATION } from './han.ts';

/**
 * From a page's Pagefind fragment and the positions a query matched to what a result shows:
 * the sections that matched (a responsibility, a checklist item, an example…), each with its
 * anchor and an excerpt with the matched words marked.
 */

/** The part of a Pagefind fragment used here. */
export interface FragmentLike {
  /** Text as Pagefind stored it (U+200B after every word in Chinese), HTML-escaped. */
  raw_content?: string;
  content: string;
  anchors: ReadonlyArray<{ id: string; title?: string; location: number }>;
}

/** A section of a page: from an anchor to the next one. */
export interface Section {
  /** The anchor id, or undefined for the page's head (title, name). */
  id?: string;
  code?: AnchorCode;
  /** The section's label; checklist items get their checklist's title. */
  label: string;
  start: number;
  end: number;
}

/** A section in which the query matched. */
export interface SectionMatch {
  section: Section;
  kind?: MatchKind;
  /** How much a match in this section counts (its part's weight). */
  weight: number;
  /** Occurrences in the section, of every group. */
  occurrences: Occurrence[];
  /** Whether every group of the query matched in this section. */
  complete: boolean;
}

/**
 * The words of a fragment, numbered as Pagefind numbers word positions.
 * @example fragmentWords('上 下  文') // ['上', '下', '文']
 */
export function fragmentWords(raw: string): string[] {
  return raw.split(/[^\S\uFEFF]+/g);
}

/** The sections of a fragment, in order; the head (before the first anchor) comes first. */
export function sectionsOf(fragment: FragmentLike, wordCount: number): Section[] {
  const anchors = fragment.anchors
    .map((a) => ({ ...a, ...decodeAnchorTitle(a.title) }))
    .filter((a) => a.code)
    .sort((a, b) => a.location - b.location);
  const sections: Section[] = [{ label: '', start: 0, end: anchors[0]?.location ?? wordCount }];
  let checklist = '';
  anchors.forEach((a, i) => {
    if (a.code === 'k') checklist = a.label;
    else if (a.code !== 'c') checklist = '';
    const label = a.code === 'c' ? checklist : a.label;
    sections.push({ id: a.id, code: a.code, label, start: a.location, end: anchors[i + 1]?.location ?? wordCount });
  });
  return sections.filter((s) => s.end > s.start || s.id === undefined);
}

/**
 * The sections the query matched in, best first: those where every group matched, then by the
 * weight of their part, then in page order. With `kind`, only sections of that kind.
 */
export function matchSections(sections: readonly Section[], groups: readonly Occurrence[][], kind?: MatchKind): SectionMatch[] {
  const out: SectionMatch[] = [];
  for (const section of sections) {
    const inside = groups.map((occ) => occ.filter((o) => o.position >= section.start && o.position < section.end));
    const occurrences = inside.flat();
    if (!occurrences.length) continue;
    const sectionKind = matchKindOf(section.code);
    if (kind && sectionKind !== kind) continue;
    out.push({
      section,
      kind: sectionKind,
      weight: PART_WEIGHT[partOfCode(section.code) ?? 'name'],
      occurrences,
      complete: inside.every((o) => o.length > 0),
    });
  }
  return out
    .map((m, order) => ({ m, order }))
    .sort((a, b) => Number(b.m.complete) - Number(a.m.complete) || b.m.weight - a.m.weight || a.order - b.order)
    .map(({ m }) => m);
}

/**
 * The excerpt of a section around its first occurrence, `length` words at most, matched words
 * in `<mark>`. The words are HTML already (Pagefind escapes them).
 */
export function sectionExcerpt(words: readonly string[], match: SectionMatch, length: number): string {
  const { start, end } = match.section;
  const first = match.occurrences.reduce((a, b) => (b.position < a.position ? b : a));
  let from = Math.max(start, first.position - Math.floor(length / 3));
  const to = Math.min(end, from + length);
  from = Math.max(start, Math.min(from, to - length));
  const marked = new Set<number>();
  for (const o of match.occurrences) for (let i = 0; i < o.length; i++) marked.add(o.position + i);
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const w = words[i] ?? '';
    const trail = /\s+$/.exec(w)?.[0] ?? '';
    const core = w.slice(0, w.length - trail.length);
    parts.push(marked.has(i) && core ? `<mark>${core}</mark>${trail}` : w);
  }
  const text = tidyExcerpt(parts.join(' ').trim());
  return `${from > start ? '… ' : ''}${text}${to < end ? ' …' : ''}`;
}

// White space between two Han characters or Chinese punctuation marks (marks around it kept).
const CJK_SPACE = new RegExp(`([\\p{Script=Han}${CJK_PUNCTUATION}])((?:</?mark>)*)\\s+((?:</?mark>)*)(?=[\\p{Script=Han}${CJK_PUNCTUATION}])`, 'gu');
// White space the index put between a Han character and a closing mark after it (`文 .`), or an
// opening one before it (`( 数`): `separateHan` makes every punctuation mark beside one a word.
const SPACE_BEFORE_CLOSER = /(\p{Script=Han})((?:<\/?mark>)*)\s+(?=[.,;:!?)\]}])/gu;
const SPACE_AFTER_OPENER = /([([{])\s+((?:<\/?mark>)*)(?=\p{Script=Han})/gu;

/**
 * Cleans an excerpt: joins adjacent marks, drops the spaces the index put between Han
 * characters (a space between two Han characters is never meant in Chinese text), between one
 * and Chinese punctuation, and between one and a closing mark after it or an opening one before
 * it; a full stop after Chinese becomes `。`, and a block end of a record with Han characters
 * (`BLOCK_END` in han.ts, a `。` word of its own) goes back against the text, or away after
 * punctuation.
 * @example tidyExcerpt('<mark>上</mark><mark>下</mark> 文. 好') // '<mark>上下</mark>文。好'
 * @example tidyExcerpt('规 划 。 用 React 。 好！ 。') // '规划。用 React。好！'
 */
export function tidyExcerpt(html: string): string {
  return html
    .replace(/(\p{P})((?:<\/?mark>)*)\s+\u3002(?=\s|$)/gu, '$1$2')
    .replace(/(\S)\s+\u3002(?=\s|$)/gu, '$1\u3002')
    .replace(SPACE_BEFORE_CLOSER, '$1$2')
    .replace(SPACE_AFTER_OPENER, '$1$2')
    .replace(/(\p{Script=Han}(?:<\/mark>)?)\.(?:\s+|$)/gu, '$1。')
    .replace(/<\/mark>(\s*)<mark>/g, '$1')
    .replace(CJK_SPACE, '$1$2$3');
}
