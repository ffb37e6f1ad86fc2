import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { buildSearchRecord } from '../../src/lib/search/records.ts';
import { startSearchIndex } from '../../src/lib/search/site-index.ts';
import { sectionMapFileName, ST_PHRASES_FILE_NAME } from '../../src/lib/search/bundle-files.ts';

describe('the search bundle built beside the pages', async () => {
  const catalog = await buildCatalog({ agentsDir: 'agents', cacheDir: false });
  const records = catalog.agents.map((a) => buildSearchRecord(a, 'en', '/'));

  it('is indexed once, then reused from the cache while the records stay the same, and old bundles are pruned', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-search-cache-'));
    const cacheDir = path.join(work, 'cache');
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

      const first = await startSearchIndex(records, cacheDir).write(path.join(work, 'out1'));
      expect(first.fromCache).toBe(false);
      const bundle = path.join(work, 'out1', 'pagefind');
      expect(existsSync(path.join(bundle, 'pagefind-entry.json'))).toBe(true);
      expect(existsSync(path.join(bundle, sectionMapFileName('en')))).toBe(true);
      expect(existsSync(path.join(bundle, ST_PHRASES_FILE_NAME))).toBe(true);
      const kept = (await readdir(cacheDir)).sort();
      expect(kept.filter((n) => n.startsWith('old') || n.startsWith('half'))).toEqual(['old-b', 'old-b.done']);

      const second = await startSearchIndex(records, cacheDir).write(path.join(work, 'out2'));
      expect(second.fromCache).toBe(true);
      expect((await readdir(path.join(work, 'out2', 'pagefind'))).sort()).toEqual((await readdir(bundle)).sort());

      // A changed record is a different bundle.
      const changed = records.map((r, i) => (i === 0 ? { ...r, title: `${r.title} (edited)` } : r));
      expect((await startSearchIndex(changed, cacheDir).write(path.join(work, 'out3'))).fromCache).toBe(false);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});
