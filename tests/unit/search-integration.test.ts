import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import searchIndex from '../../src/integrations/search-index.ts';
import { takePendingSearchIndex } from '../../src/lib/search/index-request.ts';

describe('the search index integration', () => {
  it('removes an earlier index from the kept output folder when the catalog has no agents, and says so', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-search-integration-'));
    try {
      await mkdir(path.join(work, 'pagefind'), { recursive: true });
      await writeFile(path.join(work, 'pagefind', 'pagefind-entry.json'), '{}');
      takePendingSearchIndex(); // none pending, as after a sync of an empty catalog
      const warnings: string[] = [];
      const hooks = searchIndex().hooks as Record<string, (o: unknown) => unknown>;
      await hooks['astro:build:done']({ dir: pathToFileURL(`${work}/`), logger: { warn: (m: string) => warnings.push(m), info: () => undefined } });
      expect(existsSync(path.join(work, 'pagefind'))).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/No search index was built: the catalog has no agents/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
