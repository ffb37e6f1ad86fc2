import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { LOCALES } from '../../src/lib/locales.ts';
import { searchPages } from '../../src/lib/search/records.ts';
import { startSearchIndex } from '../../src/lib/search/site-index.ts';
import { PARTS_FILE_NAME, sectionMapFileName, ST_PHRASES_FILE_NAME } from '../../src/lib/search/bundle-files.ts';
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
      expect((await first.write(path.join(work, 'out1'))).indexed).toBe(1);
      const bundle = path.join(work, 'out1', 'pagefind');
      const [only, ...none] = JSON.parse(await readFile(path.join(bundle, PARTS_FILE_NAME), 'utf8')) as string[];
      expect(none).toEqual([]);
      expect(existsSync(path.join(bundle, only, 'pagefind-entry.json'))).toBe(true);
      expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
      expect(existsSync(path.join(bundle, sectionMapFileName('en')))).toBe(true);
      expect(existsSync(path.join(bundle, ST_PHRASES_FILE_NAME))).toBe(true);
      const kept = (await readdir(cacheDir)).sort();
      expect(kept.filter((n) => n.startsWith('old') || n.startsWith('half'))).toEqual(['old-b', 'old-b.done']);

      const second = await startSearchIndex(en, cacheDir).write(path.join(work, 'out2'));
      expect(second.indexed).toBe(0);
      expect((await readdir(path.join(work, 'out2', 'pagefind'))).sort()).toEqual((await readdir(bundle)).sort());

      // A changed record is a different bundle.
      const changed = en.map((r, i) => (i === 0 ? { ...r, html: edit(r.html) } : r));
      expect((await startSearchIndex(changed, cacheDir).write(path.join(work, 'out3'))).indexed).toBe(1);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('is split into parts by agent: an edit re-indexes only its part, and the site gets every part with one section map', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-search-parts-'));
    const cacheDir = path.join(work, 'cache');
    const perPart = 4;
    const count = partCount(records.length, perPart);
    const used = new Set(catalog.agents.map((a) => partOf(a.slug, count)));
    expect(used.size).toBeGreaterThan(1);
    try {
      const first = startSearchIndex(records, cacheDir, perPart);
      expect(first.parts).toBe(used.size);
      expect((await first.write(path.join(work, 'out1'))).indexed).toBe(used.size);
      const site = path.join(work, 'out1', 'pagefind');
      const listed = JSON.parse(await readFile(path.join(site, PARTS_FILE_NAME), 'utf8')) as string[];
      expect(listed).toHaveLength(used.size);
      for (const folder of listed) {
        const names = await readdir(path.join(site, folder));
        // A whole Pagefind bundle (the first is loaded with its worker and WebAssembly)...
        expect(names).toEqual(expect.arrayContaining(['pagefind-entry.json', 'pagefind-worker.js', 'wasm.en.pagefind']));
        // ...without the section maps (merged at the top) and Pagefind's unused interfaces.
        expect(names.filter((n) => n.startsWith('atlas-') || n.includes('-ui.'))).toEqual([]);
      }
      for (const locale of LOCALES) {
        const map = JSON.parse(await readFile(path.join(site, sectionMapFileName(locale)), 'utf8')) as SectionMap;
        expect(Object.values(map).map((e) => e[6]).sort()).toEqual(catalog.agents.map((a) => a.slug).sort());
      }

      // Rewritten into the same folder after an edit: the edited agent's part gets a new folder,
      // the others are left as they are, and the old folder goes.
      const entryTimes = async (folders: string[]) =>
        new Map(await Promise.all(folders.map(async (f) => [f, (await stat(path.join(site, f, 'pagefind-entry.json'))).mtimeMs] as const)));
      const before = await entryTimes(listed);
      const edited = catalog.agents[0].slug;
      const changed = records.map((r) => (r.slug === edited ? { ...r, html: edit(r.html) } : r));
      expect((await startSearchIndex(changed, cacheDir, perPart).write(path.join(work, 'out1'))).indexed).toBe(1);
      const relisted = JSON.parse(await readFile(path.join(site, PARTS_FILE_NAME), 'utf8')) as string[];
      const kept = relisted.filter((f) => listed.includes(f));
      expect(kept).toHaveLength(listed.length - 1);
      const after = await entryTimes(kept);
      for (const f of kept) expect(after.get(f)).toBe(before.get(f));
      expect((await readdir(site)).filter((n) => n.startsWith('part-')).sort()).toEqual([...relisted].map((f) => f.replace(/\/$/, '')).sort());
      expect((await startSearchIndex(changed, cacheDir, perPart).write(path.join(work, 'out3'))).indexed).toBe(0);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});
