import { describe, expect, it } from 'vitest';
import { MAX_PARTS, PAGES_PER_PART, mergeSectionMaps, partCount, partOf, splitIntoParts } from '../../src/lib/search/index-parts.ts';
import type { PageEntry } from '../../src/lib/search/section-map.ts';

const slugOf = (p: { slug: string }) => p.slug;
const pagesOf = (slugs: string[]) => slugs.flatMap((slug) => ['en', 'zh-hant', 'zh-hans'].map((locale) => ({ slug, locale })));

describe('search index parts', () => {
  it('grows with the catalog, one part per PAGES_PER_PART pages, up to MAX_PARTS', () => {
    expect(partCount(0)).toBe(1);
    expect(partCount(PAGES_PER_PART)).toBe(1);
    expect(partCount(PAGES_PER_PART + 1)).toBe(2);
    expect(partCount(3000)).toBe(Math.ceil(3000 / PAGES_PER_PART));
    expect(partCount(1_000_000)).toBe(MAX_PARTS);
    expect(partCount(10, 3)).toBe(4);
  });

  it('keeps an agent in its part while the catalog keeps its number of parts, and spreads agents evenly', () => {
    const slugs = Array.from({ length: 600 }, (_, i) => `collection-${i % 7}/agent-${i}`);
    const parts = splitIntoParts(pagesOf(slugs), slugOf, 300);
    expect(parts).toHaveLength(6);
    for (const part of parts) {
      // An agent's three pages share a part, and the parts are near 300 pages each.
      const bySlug = new Map<string, number>();
      for (const p of part) bySlug.set(p.slug, (bySlug.get(p.slug) ?? 0) + 1);
      expect([...bySlug.values()].every((n) => n === 3)).toBe(true);
      expect(part.length).toBeGreaterThan(200);
      expect(part.length).toBeLessThan(420);
    }
    // Adding agents (without changing the count) leaves the others where they were.
    const more = splitIntoParts(pagesOf([...slugs, 'late/agent-a', 'late/agent-b']), slugOf, 301);
    expect(more).toHaveLength(6);
    expect(slugs.every((s) => partOf(s, 6) === more.findIndex((part) => part.some((p) => p.slug === s)))).toBe(true);
  });

  it('drops empty parts and keeps a one-part catalog whole', () => {
    expect(splitIntoParts(pagesOf(['a']), slugOf, 1)).toHaveLength(1);
    expect(splitIntoParts(pagesOf(['a', 'b']), slugOf)).toEqual([pagesOf(['a', 'b'])]);
    expect(splitIntoParts([], slugOf)).toEqual([]);
  });

  it('merges the section maps of the parts', () => {
    const entry = (slug: string): PageEntry => [1, 2, 3, 4, 5, 6, slug, ''];
    expect(mergeSectionMaps([{ x: entry('a') }, { y: entry('b') }, {}])).toEqual({ x: entry('a'), y: entry('b') });
  });
});
