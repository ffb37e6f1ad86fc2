import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/lib/catalog/process-file.ts';
import { packProcessed, unpackProcessed } from '../../src/lib/catalog/packed-file.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';

/** The agent files of a fixture folder (translations left out), relative to it. */
function agentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.startsWith('_translations'))
    .sort();
}

describe('packed per-file results', () => {
  const dirs = ['agents', 'tests/fixtures/e2e-agents'];
  const results = dirs.flatMap((dir) =>
    agentFiles(dir).map((file) => processFile(file, readFileSync(path.join(dir, file)), {}, extractStructure)),
  );

  it('unpack to exactly the result, key order included, after a trip through JSON', () => {
    expect(results.filter((r) => r.agent).length).toBeGreaterThan(5);
    for (const result of results) {
      const trip = unpackProcessed(JSON.parse(JSON.stringify(packProcessed(result))));
      expect(JSON.stringify(trip)).toBe(JSON.stringify(result));
    }
  });

  it('store what a locale repeats from another once', () => {
    const ratio = (r: (typeof results)[number]) => JSON.stringify(packProcessed(r)).length / JSON.stringify(r).length;
    const agents = results.filter((r) => r.agent);
    // Untranslated, every page shows the source: an English agent's three locales are one.
    const english = agents.filter((r) => r.agent!.sourceLang === 'en');
    expect(english.length).toBeGreaterThan(0);
    for (const r of english) expect(ratio(r), r.file).toBeLessThan(0.5);
    // A Chinese agent's other script is converted (it differs), and its English page repeats the
    // source's content (its search HTML separates Han characters differently: kept whole).
    for (const r of agents.filter((a) => a.agent!.sourceLang !== 'en')) expect(ratio(r), r.file).toBeLessThan(0.9);
  });

  it('keep a locale whole when it shares nothing with the others', () => {
    const [result] = results.filter((r) => r.agent);
    const changed = {
      ...result,
      agent: { ...result.agent!, localized: { ...result.agent!.localized, en: { ...result.agent!.localized.en, summary: 'x', html: 'y', responsibilities: [], checklists: [], sections: [], summaryHtml: 'z' } } },
      searchHtml: { ...result.searchHtml!, 'zh-Hans': '<p>other</p>' },
    };
    const packed = packProcessed(changed);
    expect(packed.searchHtml!['zh-Hans']).toBe('<p>other</p>');
    expect(JSON.stringify(unpackProcessed(JSON.parse(JSON.stringify(packed))))).toBe(JSON.stringify(changed));
  });
});
