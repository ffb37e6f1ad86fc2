import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { LOCALES } from '../../src/lib/locales.ts';
import { searchPages } from '../../src/lib/search/records.ts';
import { startSearchIndex } from '../../src/lib/search/site-index.ts';
import { PARTS_FILE_NAME, sectionMapFileName, ST_PHRASES_FILE_NAME, type PartsList } from '../../src/lib/search/bundle-files.ts';
import { partOf, partCount } from '../../src/lib/search/index-parts.ts';
import type { SectionMap } from '../../src/lib/search/section-map.ts';

describe('the search bundle built beside the pages', async () => {
  const catalog = await buildCatalog({ agentsDir: 'agents', cacheDir: false });
  const records = searchPages(catalog.agents, catalog.searchHtml, '/');
  const edit = (html: string) => html.replace('</body>', '<p>Edited.</p></body>');

  it('is indexed once, then reused from the cache while the records stay the same, and old bundles are pruned', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-search-cache-'));
    const cacheDir = path.join(work, 'cache');
    const en = records.filter((r) => r.url.startsWith('/en/'));
    try {
      // Two stale complete bundles and an incomplete one: only the newest complete one survives.
      await mkdir(cacheDir, { recursive: true });
      for (const [name, age] of [['old-a', 200], ['old-b', 100]] as const) {
        await mkdir(path.join(cacheDir, name));
        await writeFile(path.join(cacheDir, `${name}.done`), '1\n');
        const when = new Date(Date.now() - age * 1000);
        await utimes(path.join(cacheDir, `${name}.done`), when, when);
      }
      await mkdir(path.join(cacheDir, 'half-written'));

      const first = startSearchIndex(en, cacheDir);
      expect(first.parts).toBe(1);
      expect(await first.write(path.join(work, 'out1'))).toMatchObject({ pagesIndexed: en.length, overlays: 0 });
      const bundle = path.join(work, 'out1', 'pagefind');
      const { parts: [only, ...none], hidden } = JSON.parse(await readFile(path.join(bundle, PARTS_FILE_NAME), 'utf8')) as PartsList;
      expect(none).toEqual([]);
      expect(hidden).toEqual([]);
      expect(existsSync(path.join(bundle, only, 'pagefind-entry.json'))).toBe(true);
      expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
      expect(existsSync(path.join(bundle, sectionMapFileName('en')))).toBe(true);
      expect(existsSync(path.join(bundle, ST_PHRASES_FILE_NAME))).toBe(true);
      const kept = (await readdir(cacheDir)).sort();
      expect(kept.filter((n) => n.startsWith('old') || n.startsWith('half'))).toEqual(['old-b', 'old-b.done']);

      const second = await startSearchIndex(en, cacheDir).write(path.join(work, 'out2'));
      expect(second).toMatchObject({ pagesIndexed: 0, overlays: 0 });
      expect((await readdir(path.join(work, 'out2', 'pagefind'))).sort()).toEqual((await readdir(bundle)).sort());

      // A changed record is indexed again, alone, as an overlay of the cached part.
      const changed = en.map((r, i) => (i === 0 ? { ...r, html: edit(r.html) } : r));
      expect(await startSearchIndex(changed, cacheDir).write(path.join(work, 'out3'))).toMatchObject({ pagesIndexed: 1, overlays: 1 });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('is split into parts by agent: an edit re-indexes only its agent, as an overlay, and the site gets every part with one section map', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-search-parts-'));
    const cacheDir = path.join(work, 'cache');
    const perPart = 4;
    // Parts are counted in agent pages (three an agent), not records.
    const count = partCount(catalog.agents.length * 3, perPart);
    const used = new Set(catalog.agents.map((a) => partOf(a.slug, count)));
    expect(used.size).toBeGreaterThan(1);
    try {
      const first = startSearchIndex(records, cacheDir, perPart);
      expect(first.parts).toBe(used.size);
      expect(await first.write(path.join(work, 'out1'))).toMatchObject({ pagesIndexed: records.length, overlays: 0 });
      const site = path.join(work, 'out1', 'pagefind');
      const readList = async () => JSON.parse(await readFile(path.join(site, PARTS_FILE_NAME), 'utf8')) as PartsList;
      const readMap = async (locale: string) => JSON.parse(await readFile(path.join(site, sectionMapFileName(locale)), 'utf8')) as SectionMap;
      const listed = (await readList()).parts;
      expect(listed).toHaveLength(used.size);
      for (const folder of listed) {
        const names = await readdir(path.join(site, folder));
        // A whole Pagefind bundle (the first is loaded with its worker and WebAssembly)...
        expect(names).toEqual(expect.arrayContaining(['pagefind-entry.json', 'pagefind-worker.js', 'wasm.en.pagefind']));
        // ...without the section maps (merged at the top) and Pagefind's unused interfaces.
        expect(names.filter((n) => n.startsWith('atlas-') || n.includes('-ui.'))).toEqual([]);
      }
      const before = new Map<string, SectionMap>();
      for (const locale of LOCALES) {
        before.set(locale, await readMap(locale));
        expect(Object.values(before.get(locale)!).map((e) => e[6]).sort()).toEqual(catalog.agents.map((a) => a.slug).sort());
      }

      // Rewritten into the same folder after an edit: every part's folder stays as it is, and the
      // edited agent's three pages come as an overlay that hides their old versions.
      const entryTimes = async (folders: string[]) =>
        new Map(await Promise.all(folders.map(async (f) => [f, (await stat(path.join(site, f, 'pagefind-entry.json'))).mtimeMs] as const)));
      const times = await entryTimes(listed);
      const edited = catalog.agents[0].slug;
      const changed = records.map((r) => (r.slug === edited ? { ...r, html: edit(r.html) } : r));
      expect(await startSearchIndex(changed, cacheDir, perPart).write(path.join(work, 'out1'))).toMatchObject({ pagesIndexed: 3, overlays: 1 });
      const relisted = await readList();
      expect(relisted.parts).toEqual(expect.arrayContaining(listed));
      expect(relisted.parts).toHaveLength(listed.length + 1);
      expect(await entryTimes(listed)).toEqual(times);
      expect((await readdir(site)).filter((n) => n.startsWith('part-')).sort()).toEqual(relisted.parts.map((f) => f.replace(/\/$/, '')).sort());
      const oldIds = [...before.values()].flatMap((m) => Object.keys(m).filter((id) => m[id][6] === edited));
      expect(relisted.hidden.sort()).toEqual(oldIds.sort());
      for (const locale of LOCALES) {
        const map = await readMap(locale);
        // Still one entry per agent: the edited one's is the overlay's new page.
        expect(Object.values(map).map((e) => e[6]).sort()).toEqual(catalog.agents.map((a) => a.slug).sort());
        const [newId] = Object.keys(map).filter((id) => map[id][6] === edited);
        expect(relisted.hidden).not.toContain(newId);
        expect(before.get(locale)).not.toHaveProperty(newId);
      }
      expect((await startSearchIndex(changed, cacheDir, perPart).write(path.join(work, 'out3'))).pagesIndexed).toBe(0);

      // Undoing the edit brings back the cached whole part, with nothing hidden.
      expect(await startSearchIndex(records, cacheDir, perPart).write(path.join(work, 'out1'))).toMatchObject({ pagesIndexed: 0, overlays: 0 });
      expect(await readList()).toEqual({ parts: listed, hidden: [] });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});
