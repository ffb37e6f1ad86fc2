import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { woffToSfnt } from './woff.ts';

/**
 * Fonts of the preview images: Noto Sans SC from `@fontsource/noto-sans-sc` (OFL-1.1), which
 * covers Latin, Simplified *and* Traditional Chinese. The package splits the font into ~100 WOFF
 * files by unicode range (satori reads WOFF, not WOFF2); only the files holding characters of the
 * cards being drawn are loaded. Each file becomes a font of its own name, so satori falls back
 * from one to the next per character.
 */

/** The weights the cards use: body text and the title. */
export type OgWeight = 400 | 700;

/** One file of the split font: its name in the package and the code points it holds. */
export interface FontChunk {
  name: string;
  ranges: Array<[number, number]>;
}

/** A font file to load: which chunk, in which weight. */
export interface FontRequest {
  chunk: string;
  weight: OgWeight;
}

const require = createRequire(import.meta.url);

/** Folder of the font package. */
export function fontPackageDir(): string {
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

let versionOnce: string | undefined;
/** The font package's version, part of every image's cache key (read once: every page asks). */
export function fontVersion(): string {
  if (versionOnce) return versionOnce;
  const pkg = JSON.parse(readFileSync(path.join(fontPackageDir(), 'package.json'), 'utf8')) as { name: string; version: string };
  versionOnce = `${pkg.name}@${pkg.version}`;
  return versionOnce;
}

/** Reads the package's `unicode.json` (`{"[12]": "U+4e00-4e3f,U+4e41", "latin": …}`). */
export function parseUnicodeRanges(json: Record<string, string>): FontChunk[] {
  return Object.entries(json).map(([key, value]) => ({
    name: key.replace(/^\[|\]$/g, ''),
    ranges: value.split(',').map((part) => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
    }),
  }));
}

let chunksOnce: FontChunk[] | undefined;
/** The chunks of the installed font package. */
export function fontChunks(): FontChunk[] {
  chunksOnce ??= parseUnicodeRanges(JSON.parse(readFileSync(path.join(fontPackageDir(), 'unicode.json'), 'utf8')) as Record<string, string>);
  return chunksOnce;
}

interface RangeIndex {
  starts: number[];
  ends: number[];
  /** Largest end of the ranges up to each index: ranges overlap (the `latin` subset repeats some). */
  reach: number[];
  names: string[];
}
const indexes = new WeakMap<readonly FontChunk[], RangeIndex>();

/** The ranges of all chunks sorted by start, for a binary search per character. */
function rangeIndex(chunks: readonly FontChunk[]): RangeIndex {
  let index = indexes.get(chunks);
  if (index) return index;
  const all = chunks.flatMap((c) => c.ranges.map(([a, b]) => ({ a, b, name: c.name }))).sort((x, y) => x.a - y.a);
  let max = -1;
  index = {
    starts: all.map((r) => r.a),
    ends: all.map((r) => r.b),
    reach: all.map((r) => (max = Math.max(max, r.b))),
    names: all.map((r) => r.name),
  };
  indexes.set(chunks, index);
  return index;
}

/** The chunk holding a code point, if any. */
export function chunkOf(codePoint: number, chunks: readonly FontChunk[]): string | undefined {
  const { starts, ends, reach, names } = rangeIndex(chunks);
  let lo = 0;
  let hi = starts.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= codePoint) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0 && reach[i] >= codePoint; i--) if (ends[i] >= codePoint) return names[i];
  return undefined;
}

/** `text` without the characters the font cannot draw (they would show as boxes). */
export function drawableText(text: string, chunks: readonly FontChunk[]): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || chunkOf(cp, chunks)) out += ch;
  }
  return out;
}

/**
 * The font files for texts drawn in each weight, the chunks holding the most characters of the
 * texts first. satori looks each character up in the fonts in the order it gets them, and the
 * package's order (rare Han characters first, Latin last) made most look-ups try dozens of fonts
 * before one had the glyph. Each character still resolves to the one chunk that holds it, so the
 * drawing is the same (measured on 200 cards of the benchmark: 2.2–2.5 → 2.1 s of SVG).
 */
export function fontRequests(texts: Record<OgWeight, string>, chunks: readonly FontChunk[]): FontRequest[] {
  const uses = new Map<string, number>();
  const needed = { 400: new Set<string>(), 700: new Set<string>() };
  for (const weight of [400, 700] as const) {
    for (const ch of texts[weight]) {
      const cp = ch.codePointAt(0)!;
      const name = cp > 0x20 ? chunkOf(cp, chunks) : undefined;
      if (!name) continue;
      uses.set(name, (uses.get(name) ?? 0) + 1);
      needed[weight].add(name);
    }
  }
  // Ties keep the package's order (the sort is stable).
  const order = chunks.map((c) => c.name).filter((n) => uses.has(n)).sort((a, b) => uses.get(b)! - uses.get(a)!);
  return ([400, 700] as const).flatMap((weight) => order.filter((n) => needed[weight].has(n)).map((chunk) => ({ chunk, weight })));
}

/** What satori takes as a font. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: OgWeight;
  style: 'normal';
}

/** Loads the requested files as satori fonts, decoded from WOFF to plain SFNT (see `woff.ts`). */
export async function loadFonts(requests: readonly FontRequest[], dir = fontPackageDir()): Promise<SatoriFont[]> {
  return Promise.all(
    requests.map(async ({ chunk, weight }) => ({
      name: `og-${chunk}`,
      weight,
      style: 'normal' as const,
      data: woffToSfnt(await readFile(path.join(dir, 'files', `noto-sans-sc-${chunk}-${weight}-normal.woff`))),
    })),
  );
}
