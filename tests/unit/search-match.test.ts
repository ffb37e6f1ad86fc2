import { describe, expect, it } from 'vitest';
import { listedOnly, matchPages, matchesInPart, phraseOccurrences, scoreMatch, type HitTable } from '../../src/lib/search/match.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { partAt, partStarts } from '../../src/lib/search/section-map.ts';

function table(rows: Record<string, Record<string, number[]>>): HitTable {
  return new Map(Object.entries(rows).map(([token, pages]) => [token, new Map(Object.entries(pages))]));
}

describe('phrases from word positions', () => {
  it('matches only consecutive positions, in order', () => {
    const hits: Record<string, number[]> = { 上: [4, 9, 20], 下: [5, 8, 22], 文: [6, 23] };
    expect(phraseOccurrences(['上', '下', '文'], (t) => hits[t])).toEqual([{ position: 4, length: 3 }]);
    expect(phraseOccurrences(['上', '文'], (t) => hits[t])).toEqual([]);
    expect(phraseOccurrences(['上', '缺'], (t) => hits[t])).toEqual([]);
  });

  it('does not match characters that are in the page but apart (the 服务器 case)', () => {
    const t = table({ 服: { a: [1], b: [1] }, 务: { a: [2], b: [7] }, 器: { a: [3], b: [12] } });
    expect(matchPages(parseQuery('服务器'), t, () => undefined).map((m) => m.pageId)).toEqual(['a']);
  });
});

describe('ranking by the part of the page a match is in', () => {
  // Part starts: description 3, examples 10, responsibilities 10, checklists 20, body 30; 100 words.
  const starts = [3, 10, 10, 20, 30, 100];

  it('reads parts from anchors, a missing part starting where the next does', () => {
    expect(partStarts([{ title: 'd', location: 3 }, { title: 'r', location: 10 }, { title: 'k|List', location: 20 }, { title: 'c', location: 22 }, { title: 's|Body', location: 30 }], 100)).toEqual(starts);
    expect(partAt(starts, 0)).toBe('name');
    expect(partAt(starts, 5)).toBe('description');
    expect(partAt(starts, 12)).toBe('responsibility');
    expect(partAt(starts, 25)).toBe('checklist');
    expect(partAt(starts, 99)).toBe('body');
    expect(partAt(undefined, 2)).toBe('body');
  });

  it('puts an agent whose duty it is above one that mentions it in passing, however often', () => {
    const t = table({ 限: { duty: [12], passing: [40, 50, 60, 70] }, 流: { duty: [13], passing: [41, 51, 61, 71] } });
    const ranked = matchPages(parseQuery('限流'), t, () => starts);
    expect(ranked.map((m) => m.pageId)).toEqual(['duty', 'passing']);
    expect(ranked[0].tier).toBeGreaterThan(ranked[1].tier);
  });

  it('ranks the weakest group: both words must be duties for the duty tier', () => {
    expect(scoreMatch([[{ position: 12, length: 1 }], [{ position: 50, length: 1 }]], starts).tier).toBe(0);
    expect(scoreMatch([[{ position: 12, length: 1 }], [{ position: 25, length: 1 }]], starts).tier).toBe(3);
  });

  it('filters by kind of match: every group must match in that part', () => {
    const t = table({ api: { a: [25, 50], b: [12] } });
    expect(matchPages(parseQuery('api'), t, () => starts, matchesInPart('checklist')).map((m) => m.pageId)).toEqual(['a']);
    expect(matchPages(parseQuery('api'), t, () => starts, matchesInPart('responsibility')).map((m) => m.pageId)).toEqual(['b']);
    expect(matchPages(parseQuery('api'), t, () => starts, matchesInPart('example'))).toEqual([]);
  });

  it('accepts either script: a page matches if any alternative does', () => {
    const groups = parseQuery('数据库').map((g) => ({ ...g, alternatives: [...g.alternatives, ['資', '料', '庫']] }));
    const t = table({ 数: { a: [1] }, 据: { a: [2] }, 库: { a: [3] }, 資: { b: [5] }, 料: { b: [6] }, 庫: { b: [7] } });
    expect(matchPages(groups, t, () => undefined).map((m) => m.pageId).sort()).toEqual(['a', 'b']);
  });
});

describe('a locale keeps the pages its section map lists', () => {
  it('drops the other pages of a shared index, from every token, before matching', () => {
    // 'hant' and 'hans' are one agent's two Chinese records in the shared index; 'both' is a
    // record the two locales share.
    const t = table({ 数: { hant: [1], hans: [1], both: [4] }, 据: { hant: [2], hans: [2], both: [5] } });
    const listed = new Set(['hant', 'both']);
    const own = listedOnly(t, (id) => listed.has(id));
    expect([...own.get('数')!.keys()].sort()).toEqual(['both', 'hant']);
    expect(own.get('据')!.get('both')).toEqual([5]);
    expect(matchPages(parseQuery('数据'), own, () => undefined).map((m) => m.pageId).sort()).toEqual(['both', 'hant']);
    // The table given is not changed (its hits are cached per token).
    expect([...t.get('数')!.keys()]).toHaveLength(3);
  });
});
