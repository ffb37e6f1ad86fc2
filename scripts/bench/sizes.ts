import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Sizes of a built site as a reader gets them: gzip (level 6, what web servers use by default)
 * of each agent page, and of the JavaScript an agent page loads before the reader opens search —
 * its module scripts, their static imports followed through every chunk, and inline scripts.
 * Dynamic `import()` is what loads on demand (search), so it is not followed.
 */

/** Sizes of a built site. */
export interface SiteSizes {
  pages: number;
  agentPages: number;
  html: { medianGzipKB: number; maxGzipKB: number; medianRawKB: number; maxPage: string };
  js: { agentPageGzipKB: number; files: string[] };
  css: { agentPageGzipKB: number };
  site: { totalMB: number; files: number };
}

const LOCALE_SEGMENTS = ['en', 'zh-hant', 'zh-hans'];

async function walk(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function gz(data: Buffer | string): number {
  return gzipSync(data, { level: 6 }).length;
}

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

function median(sorted: number[]): number {
  if (!sorted.length) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Resolves a script or import URL of the site to a file in `outDir`. */
function fileOf(outDir: string, basePath: string, from: string, url: string): string | undefined {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return undefined;
  if (url.startsWith('/')) {
    const rel = url.startsWith(basePath) ? url.slice(basePath.length) : url.slice(1);
    return path.join(outDir, rel.split(/[?#]/)[0]);
  }
  return path.resolve(path.dirname(from), url.split(/[?#]/)[0]);
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g;

/** The gzip bytes of the JavaScript a page runs on load, and the files it comes from. */
async function pageScripts(outDir: string, basePath: string, pageFile: string): Promise<{ bytes: number; files: string[] }> {
  const html = await readFile(pageFile, 'utf8');
  let bytes = 0;
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/type=["']?application\/(ld\+)?json/i.test(attrs)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src) {
      const file = fileOf(outDir, basePath, pageFile, src);
      if (file) queue.push(file);
    } else if (m[2].trim()) {
      bytes += gz(m[2]);
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel=["']?modulepreload[^>]*>/gi)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const file = href && fileOf(outDir, basePath, pageFile, href);
    if (file) queue.push(file);
  }
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    bytes += gz(code);
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const target = fileOf(outDir, basePath, file, m[1]);
      if (target) queue.push(target);
    }
  }
  return { bytes, files: [...seen].map((f) => path.relative(outDir, f)) };
}

async function pageStyles(outDir: string, basePath: string, pageFile: string): Promise<number> {
  const html = await readFile(pageFile, 'utf8');
  let bytes = 0;
  for (const m of html.matchAll(/<link\b[^>]*rel=["']?stylesheet[^>]*>/gi)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const file = href && fileOf(outDir, basePath, pageFile, href);
    if (file && existsSync(file)) bytes += gz(await readFile(file));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) bytes += gz(m[1]);
  return bytes;
}

/** Measures a built site in `outDir` served under `basePath`. */
export async function measureSizes(outDir: string, basePath = '/'): Promise<SiteSizes> {
  const all = await walk(outDir);
  const pages = all.filter((f) => f.endsWith('.html'));
  const agentPages = (await Promise.all(LOCALE_SEGMENTS.map((l) => walk(path.join(outDir, l, 'agents'))))).flat().filter((f) => f.endsWith('index.html'));
  const measured: Array<{ file: string; gzip: number; raw: number }> = [];
  for (const file of agentPages) {
    const data = await readFile(file);
    measured.push({ file, gzip: gz(data), raw: data.length });
  }
  const gzips = measured.map((m) => m.gzip).sort((a, b) => a - b);
  const raws = measured.map((m) => m.raw).sort((a, b) => a - b);
  const biggest = measured.reduce((a, b) => (b.gzip > (a?.gzip ?? -1) ? b : a), measured[0]);
  // Every agent page loads the same bundles; the largest over a sample guards against exceptions.
  const sample = measured.filter((_, i) => i % Math.max(1, Math.floor(measured.length / 20)) === 0);
  let js = { bytes: 0, files: [] as string[] };
  let css = 0;
  for (const m of sample) {
    const s = await pageScripts(outDir, basePath, m.file);
    if (s.bytes > js.bytes) js = s;
    css = Math.max(css, await pageStyles(outDir, basePath, m.file));
  }
  let total = 0;
  for (const f of all) total += (await stat(f)).size;
  return {
    pages: pages.length,
    agentPages: agentPages.length,
    html: {
      medianGzipKB: kb(median(gzips)),
      maxGzipKB: kb(gzips.at(-1) ?? 0),
      medianRawKB: kb(median(raws)),
      maxPage: biggest ? path.relative(outDir, biggest.file) : '',
    },
    js: { agentPageGzipKB: kb(js.bytes), files: js.files },
    css: { agentPageGzipKB: kb(css) },
    site: { totalMB: Math.round((total / 1024 / 1024) * 10) / 10, files: all.length },
  };
}
