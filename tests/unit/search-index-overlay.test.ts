import { describe, expect, it } from 'vitest';
import { agentHashes, applyOverlay, overlayLimit, planOverlay, type PartManifest } from '../../src/lib/search/index-overlay.ts';
import type { PageEntry } from '../../src/lib/search/section-map.ts';
import type { SearchPage } from '../../src/lib/search/records.ts';

const page = (slug: string, locale: string, html = `<p>${slug}</p>`): SearchPage => ({ slug, url: `/${locale}/agents/${slug}/`, html }) as SearchPage;
const entry = (slug: string): PageEntry => [0, 1, 2, 3, 4, 5, slug, ''];

describe('search index overlays', () => {
  it('hash each agent by its pages, so an edit to any of them changes only its hash', () => {
    const pages = ['a', 'b'].flatMap((s) => ['en', 'zh-hant'].map((l) => page(s, l)));
    const before = agentHashes(pages);
    expect(Object.keys(before).sort()).toEqual(['a', 'b']);
    const after = agentHashes(pages.map((p, i) => (i === 1 ? { ...p, html: '<p>edited</p>' } : p)));
    expect(after.a).not.toBe(before.a);
    expect(after.b).toBe(before.b);
  });

  it('overlay the closest cached part of the same slot, within the limit', () => {
    const part = { slot: 1, of: 3, agents: { a: '1', b: '2', c: '3' } };
    const base = (key: string, manifest: Partial<PartManifest>) => ({ key, manifest: { slot: 1, of: 3, agents: {}, ...manifest } });
    const candidates = [
      base('far', { agents: { a: 'x', b: 'y', c: 'z' } }),
      base('near', { agents: { a: '1', b: '2', c: 'old', d: '4' } }),
      base('other-slot', { slot: 2, agents: { a: '1', b: '2', c: '3' } }),
      base('other-count', { of: 4, agents: { a: '1', b: '2', c: '3' } }),
    ];
    expect(planOverlay(part, candidates, 2)).toEqual({ base: 'near', changed: ['c'], removed: ['d'] });
    // Too far from every base: the part is indexed whole.
    expect(planOverlay(part, candidates, 1)).toBeUndefined();
    expect(planOverlay(part, [])).toBeUndefined();
    expect(overlayLimit(10)).toBe(1);
    expect(overlayLimit(333)).toBe(17);
  });

  it('hide the base pages of changed and removed agents, except a page the overlay has again', () => {
    const base = new Map([['atlas-sections.en.json', { en_a: entry('a'), en_b: entry('b'), en_c: entry('c'), en_d: entry('d') }]]);
    // b was edited (new id), c's page is unchanged (same id), d is gone.
    const overlay = new Map([['atlas-sections.en.json', { en_b2: entry('b'), en_c: entry('c') }]]);
    const { maps, hidden } = applyOverlay(base, overlay, { changed: ['b', 'c'], removed: ['d'] });
    expect(Object.keys(maps.get('atlas-sections.en.json')!).sort()).toEqual(['en_a', 'en_b2', 'en_c']);
    expect(hidden.sort()).toEqual(['en_b', 'en_d']);
  });

  it('hide a page both Chinese maps list once, and follow an agent whose two scripts part ways', () => {
    const hant = 'atlas-sections.zh-hant.json';
    const hans = 'atlas-sections.zh-hans.json';
    // a's record was shared by both scripts; after its edit each script has its own.
    const base = new Map([[hant, { zh_a: entry('a'), zh_b: entry('b') }], [hans, { zh_a: entry('a'), zh_b: entry('b') }]]);
    const overlay = new Map<string, Record<string, PageEntry>>([[hant, { zh_a1: entry('a') }], [hans, { zh_a2: entry('a') }]]);
    const { maps, hidden } = applyOverlay(base, overlay, { changed: ['a'], removed: [] });
    expect(hidden).toEqual(['zh_a']);
    expect(Object.keys(maps.get(hant)!).sort()).toEqual(['zh_a1', 'zh_b']);
    expect(Object.keys(maps.get(hans)!).sort()).toEqual(['zh_a2', 'zh_b']);
  });
});
