import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { assignSlugs } from '../../src/lib/routing/slugs.ts';
import { catalogReport, count, formatReport } from '../../src/lib/catalog/report.ts';

describe('the seed catalog', async () => {
  const catalog = await buildCatalog({ agentsDir: 'agents', cacheDir: false });

  it('builds all five agents with distinct, stable slugs', () => {
    expect(catalog.agents.map((a) => a.slug).sort()).toEqual([
      'backend-architect-persona',
      'backend-developer',
      'backend-engineer',
      'contains-studio/backend-architect',
      'telegram-bot/backend-architect',
    ]);
    expect(catalog.fatal).toEqual([]);
  });

  it('says how it told the two backend-architects apart', () => {
    const notes = catalog.problems.filter((p) => p.code === 'duplicate-name');
    expect(notes.map((n) => n.file).sort()).toEqual(['contains-studio/backend-architect.md', 'telegram-bot/backend-architect.md']);
    expect(notes[0].message).toContain('told apart by its collection');
  });

  it('has English translations for every seed, current with their sources', () => {
    for (const a of catalog.agents) expect([a.slug, a.localized.en.status]).toEqual([a.slug, 'translated']);
  });

  it('prints a report with duplicates and unresolved collaborators', () => {
    const text = formatReport(catalogReport(catalog));
    expect(text).toContain('5 agents (15 pages)');
    expect(text).toContain('Duplicate names (1)');
    expect(text).toContain('api-designer ← backend-developer');
  });

  it('counts problems and files in the singular for one', () => {
    expect([count(0, 'error'), count(1, 'warning'), count(2, 'file')]).toEqual(['0 errors', '1 warning', '2 files']);
    const report = catalogReport(catalog);
    const files = new Set(report.problems.map((p) => p.file)).size;
    expect(formatReport(report)).toContain(`${count(report.errors, 'error')}, ${count(report.warnings, 'warning')} in ${count(files, 'file')}`);
  });
});

describe('slugs', () => {
  it('are the name when unique, and collection-qualified when names repeat', () => {
    const { slugs } = assignSlugs([
      { file: 'a/reviewer.md', name: 'reviewer', collection: 'a' },
      { file: 'b/reviewer.md', name: 'reviewer', collection: 'b' },
      { file: 'solo.md', name: 'Solo Agent', collection: '' },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({ 'a/reviewer.md': 'a/reviewer', 'b/reviewer.md': 'b/reviewer', 'solo.md': 'solo-agent' });
  });

  it('fall back to file names inside one folder', () => {
    const { slugs } = assignSlugs([
      { file: 'a/one.md', name: 'same', collection: 'a' },
      { file: 'a/two.md', name: 'same', collection: 'a' },
    ]);
    expect([...slugs.values()].sort()).toEqual(['a/one', 'a/two']);
  });
});

describe('the catalog cache', () => {
  it('serves an unchanged file from the cache on the next build', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-cache-'));
    await mkdir(path.join(dir, 'agents'));
    await writeFile(path.join(dir, 'agents', 'a.md'), '---\nname: a\ndescription: An agent.\n---\nBody.\n');
    const opts = { agentsDir: path.join(dir, 'agents'), cacheDir: path.join(dir, 'cache') };
    const first = await buildCatalog(opts);
    const second = await buildCatalog(opts);
    expect(first.cache).toEqual({ hits: 0, misses: 1 });
    expect(second.cache).toEqual({ hits: 1, misses: 0 });
    expect(second.agents).toEqual(first.agents);
  });

  it("keys each agent by its file and translations, so a body changes only with its key", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-keys-'));
    await mkdir(path.join(dir, 'agents', '_translations', 'en'), { recursive: true });
    const a = '---\nname: a\ndescription: 一個代理。\n---\n內容。\n';
    await writeFile(path.join(dir, 'agents', 'a.md'), a);
    await writeFile(path.join(dir, 'agents', 'b.md'), '---\nname: b\ndescription: Another.\n---\nBody.\n');
    const opts = { agentsDir: path.join(dir, 'agents'), cacheDir: false as const };
    const first = await buildCatalog(opts);
    expect([...first.fileKeys.keys()]).toEqual(['a', 'b']);
    expect((await buildCatalog(opts)).fileKeys).toEqual(first.fileKeys);

    // An English translation of a: its key changes (its English body did), b's does not.
    const translation = ['---', 'translationOf: a.md', 'lang: en', 'sourceHash: 0000', 'description: "An agent."', '---', '', 'Body of a.', ''].join('\n');
    await writeFile(path.join(dir, 'agents', '_translations', 'en', 'a.md'), translation);
    const translated = await buildCatalog(opts);
    expect(translated.agents[0].localized.en.html).not.toBe(first.agents[0].localized.en.html);
    expect(translated.fileKeys.get('a')).not.toBe(first.fileKeys.get('a'));
    expect(translated.fileKeys.get('b')).toBe(first.fileKeys.get('b'));

    // An edit of b's file changes b's key only.
    await writeFile(path.join(dir, 'agents', 'b.md'), '---\nname: b\ndescription: Another.\n---\nBody, edited.\n');
    const edited = await buildCatalog(opts);
    expect(edited.fileKeys.get('b')).not.toBe(translated.fileKeys.get('b'));
    expect(edited.fileKeys.get('a')).toBe(translated.fileKeys.get('a'));
  });
});
