import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { indexedPng, PALETTE_MAX } from '../../src/lib/og/png.ts';
import { ogCard } from '../../src/lib/og/card.ts';
import { fontChunks, fontRequests, loadFonts } from '../../src/lib/og/fonts.ts';
import { cardTexts, drawableCard } from '../../src/lib/og/layout.ts';
import { cardPng, cardSvg } from '../../src/lib/og/render.ts';
import { useTranslations } from '../../src/lib/i18n/ui.ts';

/**
 * A small PNG decoder for what `indexedPng` writes (8-bit palette, filter 0, no interlace), strict
 * about everything else: the test fails on any chunk, CRC or filter it does not expect.
 */
function decodeIndexed(png: Uint8Array): { width: number; height: number; rgba: Uint8Array; colors: number } {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
  const header = chunks[0].data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([...header.subarray(8)]).toEqual([8, 3, 0, 0, 0]);
  const palette = chunks[1].data;
  const rows = inflateSync(chunks[2].data);
  expect(rows.length).toBe((width + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  const problems: string[] = [];
  for (let y = 0; y < height; y++) {
    if (rows[y * (width + 1)] !== 0) problems.push(`row ${y}: filter ${rows[y * (width + 1)]}`);
    for (let x = 0; x < width; x++) {
      const index = rows[y * (width + 1) + 1 + x];
      if (index * 3 >= palette.length) problems.push(`pixel ${x},${y}: index ${index} past the palette`);
      rgba.set([palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2], 255], (y * width + x) * 4);
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
  return { width, height, rgba, colors: palette.length / 3 };
}

/** An opaque image of `colors` distinct colours, scattered. */
function opaqueImage(width: number, height: number, colors: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const c = (i * 7919) % colors;
    rgba.set([c & 255, (c * 3) & 255, c >> 8, 255], i * 4);
  }
  return rgba;
}

describe('indexedPng', () => {
  it('decodes to exactly the pixels it was given', () => {
    const rgba = opaqueImage(37, 11, 200);
    const decoded = decodeIndexed(indexedPng(rgba, 37, 11)!);
    expect([decoded.width, decoded.height, decoded.colors]).toEqual([37, 11, 200]);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(rgba))).toBe(true);
  });

  it('holds up to 256 colours, and gives up past them or on any see-through pixel', () => {
    expect(decodeIndexed(indexedPng(opaqueImage(40, 20, PALETTE_MAX), 40, 20)!).colors).toBe(256);
    expect(indexedPng(opaqueImage(40, 20, PALETTE_MAX + 1), 40, 20)).toBeUndefined();
    const clear = opaqueImage(8, 8, 3);
    clear[0] = clear[1] = clear[2] = clear[3] = 0; // transparent black first: equal to no colour seen yet
    expect(indexedPng(clear, 8, 8)).toBeUndefined();
    const halfway = opaqueImage(8, 8, 3);
    halfway[4 * 63 + 3] = 128;
    expect(indexedPng(halfway, 8, 8)).toBeUndefined();
  });

  it('reads pixels at any offset, and says when the size is wrong', () => {
    const rgba = opaqueImage(5, 3, 4);
    const shifted = new Uint8Array(rgba.length + 1).subarray(1);
    shifted.set(rgba);
    expect(Buffer.from(decodeIndexed(indexedPng(shifted, 5, 3)!).rgba).equals(Buffer.from(rgba))).toBe(true);
    expect(() => indexedPng(rgba, 5, 4)).toThrow(/5×4 RGBA/);
  });

  it('keeps every pixel of a real card, in about half the bytes of resvg’s own PNG', async () => {
    const agent = {
      name: 'backend-architect',
      collection: 'telegram-bot',
      tools: ['Read', 'Write', 'Edit', 'Bash'],
      model: 'sonnet',
      localized: Object.fromEntries(
        (['en', 'zh-Hant', 'zh-Hans'] as const).map((l) => [l, { title: '後端架構師', summary: '設計可擴展的 API 與資料庫結構，審查效能與安全。', contentLang: 'zh-Hant' }]),
      ),
    } as never;
    const card = ogCard(agent, 'zh-Hant', useTranslations('zh-Hant'));
    const fonts = await loadFonts(fontRequests(cardTexts(drawableCard(card)), fontChunks()));
    const image = new Resvg(await cardSvg(card, fonts), { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
    const png = await cardPng(card, fonts);
    const decoded = decodeIndexed(png);
    expect([decoded.width, decoded.height]).toEqual([1200, 630]);
    expect(Buffer.from(decoded.rgba).equals(image.pixels)).toBe(true);
    expect(png.length).toBeLessThan(image.asPng().length * 0.7);
  });
});
