import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import type { PartManifest } from './index-overlay.ts';
import { pruneStPhrases } from './script-convert.ts';
import { contentHash } from '../hash.ts';

/**
 * The search index's cache folder: bundles named by the hash of what they index, each marked
 * complete by a `<key>.done` file (a whole part's holds its manifest, see `index-overlay.ts`),
 * and the pruned OpenCC table.
 */

/** Bump when the bundle's extra files change. */
const BUNDLE_VERSION = '3';

/**
 * The installed Pagefind's version, part of the cache key. Its package exports neither
 * package.json nor a CommonJS entry, so the file is found from the ES entry when the runtime
 * resolves it, else in the project's node_modules.
 */
export function pagefindVersion(): string {
  const entry = typeof import.meta.resolve === 'function' ? import.meta.resolve('pagefind') : undefined;
  const file = entry ? new URL('../package.json', entry) : path.join(process.cwd(), 'node_modules', 'pagefind', 'package.json');
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    // Without a version, a Pagefind upgrade keeps old bundles until the pages change.
    return 'unknown';
  }
}

/**
 * Keeps the parts in `current` and the newest `spare` other complete ones (a `<key>.done` file
 * marks a complete part; an older one helps when a change is undone); removes the rest,
 * incomplete ones included. Files of the cache that are not parts (`keep`) stay.
 */
export async function pruneParts(cacheDir: string, current: ReadonlySet<string>, spare: number, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const complete = await Promise.all(
    names
      .filter((n) => n.endsWith('.done') && !current.has(n.slice(0, -'.done'.length)))
      .map(async (n) => ({ key: n.slice(0, -'.done'.length), time: (await stat(path.join(cacheDir, n))).mtimeMs })),
  );
  const kept = new Set([...current, ...keep, ...complete.sort((a, b) => b.time - a.time).slice(0, spare).map((c) => c.key)]);
  const stale = names.filter((n) => !kept.has(n.replace(/\.done$/, '')));
  await Promise.all(stale.map((n) => rm(path.join(cacheDir, n), { recursive: true, force: true })));
}

/**
 * The cache key of a part or overlay: the hashes of its agents' pages (`agentHashes`, which
 * cover each page's URL and HTML, so the pages are hashed once), in the order they come.
 * `extra` tells kinds of bundle apart (an overlay names its base).
 */
export function bundleKey(agents: Readonly<Record<string, string>>, version: string, extra = ''): string {
  return contentHash([BUNDLE_VERSION, version, extra, ...Object.entries(agents).flat()].join('\0'), 32);
}

/** A whole part's manifest from its `.done` file; undefined for an overlay's or an older cache's. */
function parseManifest(text: string): PartManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<PartManifest> | null;
    return typeof value === 'object' && value !== null && typeof value.slot === 'number' && typeof value.of === 'number' && typeof value.agents === 'object'
      ? (value as PartManifest)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The manifests of the complete whole parts in the cache (overlays have none). */
export async function cachedManifests(cacheDir: string): Promise<Array<{ key: string; manifest: PartManifest }>> {
  const names = (await readdir(cacheDir).catch(() => [] as string[])).filter((n) => n.endsWith('.done'));
  const found = await Promise.all(
    names.map(async (n) => {
      const manifest = parseManifest(await readFile(path.join(cacheDir, n), 'utf8').catch(() => ''));
      return manifest ? [{ key: n.slice(0, -'.done'.length), manifest }] : [];
    }),
  );
  return found.flat();
}

/**
 * The OpenCC phrase table the browser converts queries with, pruned (a third of a second to
 * compute, so it is kept in the cache under the hash of the tables it comes from).
 */
export async function stPhrases(cacheDir: string): Promise<{ name: string; text: string }> {
  const name = `st-phrases-${createHash('sha256').update(STPhrases).update('\0').update(STCharacters).digest('hex').slice(0, 16)}.txt`;
  const file = path.join(cacheDir, name);
  const cached = await readFile(file, 'utf8').catch(() => undefined);
  if (cached !== undefined) return { name, text: cached };
  const text = pruneStPhrases(STPhrases, STCharacters);
  await writeFile(file, text);
  return { name, text };
}
