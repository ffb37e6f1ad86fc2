import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * PNG encoding of a drawn card as an indexed (palette) image. A card is opaque and has few
 * colours: flat boxes, and the anti-aliased edges of text between a handful of colour pairs
 * (measured: at most 193 on the real cards). Such an image fits a palette of 256 colours exactly,
 * so the indexed PNG decodes to the very pixels resvg drew, in one byte a pixel instead of four:
 * half the file size (measured on 61 real cards: 34 against 65 KB a card on average) in a third
 * of the time of resvg's `asPng()` (2.3 against 8 ms, palette and deflate together), which
 * deflates four bytes a pixel with a search for repeats that these images do not need. An image
 * that does not fit (transparent, or more colours) gets no indexed PNG, and the caller falls back
 * to resvg's encoder.
 */

/** Most colours a palette holds (8-bit indices). */
export const PALETTE_MAX = 256;

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
/** Whether this machine stores words low byte first, as the pixel reading below assumes. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** Hash slots for the palette lookup: a power of two, well above {@link PALETTE_MAX}. */
const SLOTS = 1024;

// Kept between images: a thread encodes one card after another, and fresh multi-megabyte
// buffers cost page faults on every image (see `keepAllocatorMemory` in pool.ts).
let rows = new Uint8Array(0);
const slotColor = new Int32Array(SLOTS);
const slotIndex = new Uint8Array(SLOTS);
const slotUsed = new Uint8Array(SLOTS);

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Palette indices of the pixels as PNG scanlines (each row led by filter byte 0, "none": the
 * filter PNG recommends for palette images), and the palette as RGBA words; undefined when a
 * pixel is not opaque or there are more than {@link PALETTE_MAX} colours.
 */
function indexRows(pixels: Uint8Array, width: number, height: number): { rows: Uint8Array; palette: number[] } | undefined {
  // RGBA bytes read as one little-endian word a pixel (alpha in the top byte). The copy is only
  // for a `pixels` whose offset is not a multiple of 4, which no Buffer from resvg has.
  const source = pixels.byteOffset % 4 ? pixels.slice() : pixels;
  const words = new Int32Array(source.buffer, source.byteOffset, width * height);
  const size = (width + 1) * height;
  if (rows.length < size) rows = new Uint8Array(size);
  slotUsed.fill(0);
  const palette: number[] = [];
  // Most neighbours share a colour (backgrounds, glyph interiors): look up only on a change.
  let last = 0;
  let lastIndex = -1;
  let out = 0;
  const rowBytes = width * 4;
  for (let y = 0, i = 0; y < height; y++) {
    // A row like the one above (much of a card is empty background) takes its indices: one
    // native comparison instead of a pixel loop (measured: the scan in half the time).
    if (y > 0 && Buffer.compare(source.subarray(i * 4, i * 4 + rowBytes), source.subarray(i * 4 - rowBytes, i * 4)) === 0) {
      rows.copyWithin(out, out - width - 1, out);
      out += width + 1;
      i += width;
      continue;
    }
    rows[out++] = 0;
    for (let end = i + width; i < end; i++) {
      const color = words[i];
      if (color !== last || lastIndex < 0) {
        if (color >>> 24 !== 255) return undefined;
        let slot = Math.imul(color, 0x9e3779b1) >>> 22; // Fibonacci hashing to 10 bits
        while (slotUsed[slot] && slotColor[slot] !== color) slot = (slot + 1) & (SLOTS - 1);
        if (!slotUsed[slot]) {
          if (palette.length === PALETTE_MAX) return undefined;
          slotUsed[slot] = 1;
          slotColor[slot] = color;
          slotIndex[slot] = palette.length;
          palette.push(color);
        }
        last = color;
        lastIndex = slotIndex[slot];
      }
      rows[out++] = lastIndex;
    }
  }
  return { rows: rows.subarray(0, size), palette };
}

/**
 * An indexed PNG of RGBA pixels (as resvg's `render().pixels` gives them), or undefined when
 * they do not fit a palette exactly (see the module comment). Decoding it gives `pixels` back.
 * @example indexedPng(resvg.render().pixels, 1200, 630) ?? resvg.render().asPng()
 */
export function indexedPng(pixels: Uint8Array, width: number, height: number): Uint8Array | undefined {
  if (pixels.length !== width * height * 4) throw new Error(`indexedPng: ${pixels.length} bytes is not ${width}×${height} RGBA.`);
  const indexed = LITTLE_ENDIAN ? indexRows(pixels, width, height) : undefined;
  if (!indexed) return undefined;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit palette indices, deflate, adaptive filters, no interlace
  const palette = new Uint8Array(indexed.palette.length * 3);
  indexed.palette.forEach((color, i) => palette.set([color & 255, (color >>> 8) & 255, (color >>> 16) & 255], i * 3));
  // Runs of one index are nearly all there is to find (flat boxes, glyph interiors), so zlib's
  // run-length strategy. The deflate step alone, measured on the seed agents' cards: ~0.9 ms and
  // 31 KB a card, against 3.9 ms and 26 KB for the default level 6 search (resvg's PNG: ~60 KB).
  const data = deflateSync(indexed.rows, { strategy: constants.Z_RLE });
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('PLTE', palette), chunk('IDAT', data), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
