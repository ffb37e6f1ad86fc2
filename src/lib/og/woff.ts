import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → plain SFNT (TrueType/OpenType), the way the WOFF specification defines decoding.
 * satori reads WOFF through opentype.js, which inflates every table with a JavaScript inflate,
 * in every drawing thread, for every font file: a thread's first card took 1.0–1.2 s with the
 * preview images' 202 font files, 0.2–0.3 s with them decoded here first by Node's native zlib
 * (which costs 0.1–0.3 s).
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/** Whether `data` is a WOFF 1.0 file. */
export function isWoff(data: Uint8Array): boolean {
  return data.length >= WOFF_HEADER && new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0) === WOFF_SIGNATURE;
}

/**
 * The SFNT font a WOFF 1.0 file holds: the same tables, in the same order, with the checksums
 * the WOFF file records. Throws on a file that is not WOFF or whose tables lie outside it.
 * @example woffToSfnt(await readFile('noto-sans-sc-latin-400-normal.woff')) // TrueType bytes
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  if (!isWoff(woff)) throw new Error('Not a WOFF 1.0 font (no "wOFF" signature).');
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    if (offset + compLength > woff.length) throw new Error(`WOFF table ${i} lies outside the file.`);
    const stored = woff.subarray(offset, offset + compLength);
    // A table is stored as is when compressing did not make it smaller.
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`WOFF table ${i} inflates to ${data.length} bytes, not ${origLength}.`);
    return { tag: view.getUint32(at), checksum: view.getUint32(at + 16), data };
  });

  const padded = (n: number) => (n + 3) & ~3;
  const dataStart = SFNT_HEADER + numTables * SFNT_ENTRY;
  const out = Buffer.alloc(dataStart + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  const power = numTables ? 2 ** Math.floor(Math.log2(numTables)) : 0;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(power ? Math.log2(power) : 0, 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = dataStart;
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    out.set(t.data, offset);
    offset += padded(t.data.length);
  });
  return out;
}
