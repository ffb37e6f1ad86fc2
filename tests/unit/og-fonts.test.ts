import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkOf, fontChunks, fontPackageDir, fontRequests, loadFonts, type SatoriFont } from '../../src/lib/og/fonts.ts';
import { cardTexts, drawableCard } from '../../src/lib/og/layout.ts';
import { cardSvg } from '../../src/lib/og/render.ts';
import { isWoff, woffToSfnt } from '../../src/lib/og/woff.ts';
import type { OgCard } from '../../src/lib/og/card.ts';

const woffFile = (chunk: string, weight: number) => path.join(fontPackageDir(), 'files', `noto-sans-sc-${chunk}-${weight}-normal.woff`);

/** The OpenType checksum of a table: its big-endian 32-bit words summed, the last one zero-padded. */
function tableChecksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('the fonts satori gets', () => {
  it('are WOFF files decoded to SFNT, every table matching the checksum the WOFF file recorded for it', async () => {
    const woff = await readFile(woffFile('latin', 400));
    expect(isWoff(woff)).toBe(true);
    const sfnt = woffToSfnt(woff);
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    const woffView = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    expect(view.getUint32(0)).toBe(woffView.getUint32(4));
    const numTables = view.getUint16(4);
    expect(numTables).toBe(woffView.getUint16(12));
    expect(numTables).toBeGreaterThan(5);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...sfnt.subarray(at, at + 4));
      const offset = view.getUint32(at + 8);
      expect(offset % 4).toBe(0);
      const data = new Uint8Array(sfnt.subarray(offset, offset + view.getUint32(at + 12)));
      // head's checksum is taken with its checkSumAdjustment (bytes 8–11) zeroed.
      if (tag === 'head') data.fill(0, 8, 12);
      expect([tag, tableChecksum(data)]).toEqual([tag, view.getUint32(at + 4)]);
    }
    expect(isWoff(sfnt)).toBe(false);
    expect(() => woffToSfnt(sfnt)).toThrow(/WOFF/);
  });

  it('draw exactly the same card decoded as the WOFF files satori would decode itself', async () => {
    const card: OgCard = {
      contentLang: 'zh-Hant',
      siteName: 'Agent Atlas',
      title: '後端開發者 Backend',
      collection: 'team',
      description: '建構強健的伺服器端解決方案，专注于效能與安全。',
      model: 'sonnet',
      tools: 'Read, Bash',
    };
    const requests = fontRequests(cardTexts(drawableCard(card)), fontChunks());
    expect(requests.length).toBeGreaterThan(2);
    const decoded = await loadFonts(requests);
    const raw: SatoriFont[] = await Promise.all(
      requests.map(async ({ chunk, weight }) => ({ name: `og-${chunk}`, weight, style: 'normal' as const, data: await readFile(woffFile(chunk, weight)) })),
    );
    expect(decoded.every((f) => !isWoff(f.data))).toBe(true);
    expect(await cardSvg(card, decoded)).toBe(await cardSvg(card, raw));
  });

  it('are asked for most-used chunk first, which draws the same card as the package order', async () => {
    const chunks = fontChunks();
    // Latin letters outnumber the Han characters: the Latin chunk comes first.
    const requests = fontRequests({ 400: 'Backend architect 後端', 700: 'Backend' }, chunks);
    const latin = chunkOf('B'.codePointAt(0)!, chunks);
    expect(requests[0]).toEqual({ chunk: latin, weight: 400 });
    expect(requests.filter((r) => r.weight === 700)).toEqual([{ chunk: latin, weight: 700 }]);
    // Every chunk a character of the texts is in, and no other.
    const holding = [...'Backend architect 後端'].filter((ch) => ch !== ' ').map((ch) => chunkOf(ch.codePointAt(0)!, chunks));
    expect(new Set(requests.map((r) => r.chunk))).toEqual(new Set(holding));

    const card: OgCard = { contentLang: 'zh-Hans', siteName: 'Agent Atlas', title: 'Code reviewer 代码审查', collection: '', description: 'Reviews code: 安全、性能与可维护性。' };
    const byUse = fontRequests(cardTexts(drawableCard(card)), chunks);
    const packageOrder = [...byUse].sort((a, b) => a.weight - b.weight || chunks.findIndex((c) => c.name === a.chunk) - chunks.findIndex((c) => c.name === b.chunk));
    expect(byUse).not.toEqual(packageOrder);
    expect(await cardSvg(card, await loadFonts(byUse))).toBe(await cardSvg(card, await loadFonts(packageOrder)));
  });
});
