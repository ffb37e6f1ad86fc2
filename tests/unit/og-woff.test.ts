import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontChunks, fontPackageDir, fontRequests, loadFonts, type SatoriFont } from '../../src/lib/og/fonts.ts';
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

describe('WOFF fonts decoded to SFNT', () => {
  it('keep every table, each matching the checksum the WOFF file recorded for it', async () => {
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

  it('draw exactly the same card as the WOFF files satori would decode itself', async () => {
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
});
