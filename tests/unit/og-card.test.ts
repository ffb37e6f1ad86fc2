import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanText, ogCard, ogCardKey, ogImageMeta, ogImagePath, ogImagesEnabled, ogJobs, oneLine, shortCollection, textWeight, toolsLine, type OgCard } from '../../src/lib/og/card.ts';
import { chunkOf, drawableText, fontChunks, fontRequests, loadFonts, parseUnicodeRanges } from '../../src/lib/og/fonts.ts';
import { cardTexts, drawableCard } from '../../src/lib/og/layout.ts';
import { cardPng, cardSvg } from '../../src/lib/og/render.ts';
import { keepAllocatorMemory, makeOgImages } from '../../src/lib/og/pool.ts';
import { useTranslations } from '../../src/lib/i18n/ui.ts';

const content = (title: string, summary: string, contentLang: 'en' | 'zh-Hant' | 'zh-Hans') => ({ title, summary, contentLang }) as never;
const agent = {
  slug: 'telegram-bot/backend-architect',
  name: 'backend-architect',
  collection: 'telegram-bot',
  tools: ['Read', 'Write', 'Edit', 'Bash', 'Grep', 'Glob'],
  model: 'sonnet',
  localized: {
    en: content('Backend Architect 🎯', 'Designs scalable APIs. Also reviews schemas.', 'en'),
    'zh-Hant': content('後端架構師', '設計可擴展的 API 與資料庫結構。也審查結構描述。', 'zh-Hant'),
    'zh-Hans': content('后端架构师', '设计可扩展的 API 与数据库结构。也审查结构描述。', 'zh-Hans'),
  },
};
/** An English agent without translations: its three locale pages show the same English text. */
const english = content('code-reviewer', 'Reviews code for bugs.', 'en');
const untranslated = { slug: 'code-reviewer', name: 'code-reviewer', collection: '', localized: { en: english, 'zh-Hant': english, 'zh-Hans': english } };

/** PNG width and height from the IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe('card text', () => {
  it('keeps the first sentence, without emoji or markdown', () => {
    expect(oneLine('Builds **robust** APIs. Also tests them.')).toBe('Builds robust APIs.');
    expect(oneLine('專精於 API 開發。建構強健的伺服器。')).toBe('專精於 API 開發。');
    expect(cleanText('🎯 Core  Mission ✅')).toBe('Core Mission');
  });

  it('cuts a long sentence at a word, Chinese anywhere, with an ellipsis', () => {
    const long = oneLine(`${'word '.repeat(60)}end.`, 50);
    expect(long.endsWith('word…')).toBe(true);
    expect(textWeight(long)).toBeLessThanOrEqual(50);
    const zh = oneLine('後'.repeat(100), 40);
    expect(zh).toBe(`${'後'.repeat(19)}…`);
  });

  it('weighs Han characters double', () => {
    expect(textWeight('ab後端')).toBe(6);
  });
});

describe('ogCard', () => {
  it('shows the content of the page, its collection, model and tools', () => {
    const en = ogCard(agent, 'en', useTranslations('en'));
    expect(en).toEqual({ contentLang: 'en', siteName: 'Agent Atlas', title: 'Backend Architect', name: 'backend-architect', collection: 'telegram-bot', description: 'Designs scalable APIs.', model: 'sonnet', tools: 'Read, Write, Edit, Bash, Grep, Glob' });
    const hant = ogCard(agent, 'zh-Hant', useTranslations('zh-Hant'));
    expect(hant).toMatchObject({ title: '後端架構師', contentLang: 'zh-Hant', description: '設計可擴展的 API 與資料庫結構。' });
    expect(ogCard({ ...agent, collection: '' }, 'zh-Hans', useTranslations('zh-Hans')).collection).toBe('');
  });

  it('keeps the last line to one line: a short collection, the tools that fit', () => {
    expect(shortCollection('s001-seeds/agency-personas')).toBe('s001-seeds/agency-personas');
    expect(shortCollection('s004/cli-tool/components/agents/business-marketing')).toBe('…/agents/business-marketing');
    expect(textWeight(shortCollection(`a/${'x'.repeat(80)}`))).toBeLessThanOrEqual(34);
    expect(toolsLine(['Read', 'Write'])).toBe('Read, Write');
    expect(toolsLine(['Read', 'Write', 'Edit', 'Bash'], 16)).toBe('Read, Write +2');
    expect(toolsLine(['Read'], 2)).toBeUndefined();
    expect(toolsLine([])).toBeUndefined();
    const crowded = ogCard({ ...agent, collection: `${'deep/'.repeat(20)}agents` }, 'en', useTranslations('en'));
    expect(textWeight(`${crowded.collection}${crowded.model}${crowded.tools ?? ''}`)).toBeLessThanOrEqual(60);
  });

  it('has no UI string, so locales showing the same content get the same card', () => {
    const cards = (['en', 'zh-Hant', 'zh-Hans'] as const).map((l) => ogCard(untranslated, l, useTranslations(l)));
    expect(cards[1]).toEqual(cards[0]);
    expect(cards[2]).toEqual(cards[0]);
    expect(ogCard(agent, 'zh-Hant', useTranslations('zh-Hant'))).not.toEqual(ogCard(agent, 'zh-Hans', useTranslations('zh-Hans')));
  });

  it('names each distinct card once, and pages point where the build writes', () => {
    const jobs = ogJobs([agent, untranslated], useTranslations);
    // Three translated cards, and one shared by the untranslated agent's three pages.
    expect(jobs).toHaveLength(4);
    expect(new Set(jobs.map((j) => j.out)).size).toBe(4);
    for (const j of jobs) expect(j.out).toMatch(/^og\/[0-9a-f]{32}\.png$/);
    const site = new URL('https://example.org');
    for (const [a, locale] of [[agent, 'zh-Hant'], [untranslated, 'zh-Hans'], [untranslated, 'en']] as const) {
      const meta = ogImageMeta(a, locale, useTranslations(locale), '/atlas/', site)!;
      const card = ogCard(a, locale, useTranslations(locale));
      expect(meta.url).toBe(`https://example.org/atlas${ogImagePath(card)}`);
      expect(jobs.map((j) => j.out)).toContain(ogImagePath(card).slice(1));
    }
    const card = jobs[0].card;
    expect(ogCardKey(card, 'f@1')).toBe(ogCardKey({ ...card }, 'f@1'));
    expect(ogCardKey(card, 'f@1')).not.toBe(ogCardKey({ ...card, description: 'Other.' }, 'f@1'));
    expect(ogCardKey(card, 'f@1')).not.toBe(ogCardKey(card, 'f@2'));
  });

  it('is on unless OG_IMAGES=0', () => {
    expect(ogImagesEnabled({})).toBe(true);
    expect(ogImagesEnabled({ OG_IMAGES: '1' })).toBe(true);
    expect(ogImagesEnabled({ OG_IMAGES: '0' })).toBe(false);
    expect(ogImagesEnabled({ OG_IMAGES: 'false' })).toBe(false);
  });
});

describe('fonts', () => {
  it('reads unicode ranges and finds the chunk of each character, overlaps included', () => {
    const chunks = parseUnicodeRanges({ '[1]': 'U+4e00-4e0f,U+20', latin: 'U+0-ff' });
    expect(chunks[0]).toEqual({ name: '1', ranges: [[0x4e00, 0x4e0f], [0x20, 0x20]] });
    expect(chunkOf(0x4e01, chunks)).toBe('1');
    expect(chunkOf(0x41, chunks)).toBe('latin');
    expect(chunkOf(0x20, chunks)).toBeDefined();
    expect(chunkOf(0x9999, chunks)).toBeUndefined();
    expect(['A', '一'].map((ch) => chunkOf(ch.codePointAt(0)!, chunks))).toEqual(['latin', '1']);
  });

  it('the bundled font covers Traditional, Simplified and Latin, not emoji', () => {
    const chunks = fontChunks();
    const text = '後端開發者 后端开发者 體驗 体验 Backend Architect';
    expect(drawableText(text, chunks)).toBe(text);
    expect(drawableText('A🎯B', chunks)).toBe('AB');
    expect([...new Set(fontRequests({ 400: '後端', 700: 'A' }, chunks).map((r) => r.weight))].sort()).toEqual([400, 700]);
  });
});

describe('drawing', () => {
  it("keeps resvg's freed memory a while, unless the environment says otherwise", () => {
    const env: Record<string, string | undefined> = {};
    keepAllocatorMemory(env);
    expect(env.MIMALLOC_PURGE_DELAY).toBe('1000');
    const set = { MIMALLOC_PURGE_DELAY: '0' };
    keepAllocatorMemory(set);
    expect(set.MIMALLOC_PURGE_DELAY).toBe('0');
  });

  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('draws a 1200×630 PNG whose Chinese text is glyph outlines, not boxes', async () => {
    const card: OgCard = ogCard(agent, 'zh-Hant', useTranslations('zh-Hant'));
    const fonts = await loadFonts(fontRequests(cardTexts(drawableCard(card)), fontChunks()));
    const svg = await cardSvg(card, fonts);
    // No nested image and no masked (overflow-clipped) element: resvg draws each in a layer of
    // its own, several milliseconds per card.
    expect(svg).not.toContain('<image');
    expect(svg).not.toMatch(/ mask="url/);
    // Nor a clipped border: the chips' frames are filled boxes.
    expect(svg).not.toContain('clip-path=');
    // satori turns text into paths. Without the Chinese chunks the same card gets the font's empty
    // box for every Han character: a much shorter drawing.
    const boxes = await cardSvg(card, await loadFonts([{ chunk: 'latin', weight: 400 }, { chunk: 'latin', weight: 700 }]));
    expect(svg).not.toContain('<text');
    expect(svg.length).toBeGreaterThan(boxes.length * 1.5);
    expect(pngSize(await cardPng(card, fonts))).toEqual([1200, 630]);
  });

  it('draws with worker threads once, then serves the cache', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'og-'));
    dirs.push(root);
    const jobs = ogJobs([agent, untranslated], useTranslations);
    const options = { cacheDir: path.join(root, 'cache'), outDir: path.join(root, 'out'), workers: 2 };
    const first = await makeOgImages(jobs, options);
    expect(first).toMatchObject({ images: 4, drawn: 4, cached: 0, workers: 2, placed: 4, kept: 0, removed: 0 });
    const shared = ogImagePath(ogCard(untranslated, 'zh-Hant', useTranslations('zh-Hant'))).slice(1);
    const png = await readFile(path.join(root, 'out', shared));
    expect(pngSize(png)).toEqual([1200, 630]);
    const again = await makeOgImages(jobs, { ...options, outDir: path.join(root, 'out2') });
    expect(again).toMatchObject({ images: 4, drawn: 0, cached: 4, workers: 0, placed: 4 });
    expect((await stat(path.join(root, 'out2', jobs[0].out))).size).toBeGreaterThan(1000);
    // The output kept: a card gone (an agent removed) loses its file, the others stay as they are.
    const kept = await makeOgImages(jobs.slice(1), options);
    expect(kept).toMatchObject({ images: 3, drawn: 0, placed: 0, kept: 3, removed: 1 });
    expect(existsSync(path.join(root, 'out', jobs[0].out))).toBe(false);
  }, 120_000);
});
