import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dagre from '@dagrejs/dagre';

/**
 * A content-addressed disk cache for rendered graph SVG, so unchanged graphs are not laid
 * out again on the next build. A cache is only an optimisation: every failure (missing
 * directory, unreadable or corrupt file, read-only disk) falls back to computing.
 */

/**
 * Where graph SVGs are cached between builds: `graph/` in `AGENT_ATLAS_CACHE_DIR` when set (the
 * benchmark and parallel builds keep their own caches), else relative to the working directory.
 */
export const DEFAULT_GRAPH_CACHE_DIR = process.env.AGENT_ATLAS_CACHE_DIR
  ? join(process.env.AGENT_ATLAS_CACHE_DIR, 'graph')
  : 'node_modules/.cache/agent-atlas/graph/';

/**
 * Bump when layout.ts / svg.ts change their output: the key covers the input, not the code,
 * and stale SVG from an older renderer would otherwise be served. The dagre version is
 * mixed in too, so upgrading it invalidates the cache by itself.
 */
export const GRAPH_CACHE_VERSION = 3;

interface Entry {
  key: string;
  value: string;
}

/** The cache key for `key`: sha256 (hex) of its JSON, salted with the renderer versions. */
export function cacheKey(key: unknown): string {
  // The one-shot form (see contentHash): a build hashes ~1,100 graph inputs, some large.
  return hash('sha256', JSON.stringify([GRAPH_CACHE_VERSION, dagre.version, key]) ?? 'undefined', 'hex');
}

/**
 * Returns the string cached for `key`, or calls `compute`, stores its result under
 * `cacheDir/<sha256>.json` and returns it. `key` must be JSON-serialisable and hold
 * everything the output depends on (graph input, labels, render options).
 * Errors thrown by `compute` propagate; cache errors never do.
 */
export function cachedSvg(key: unknown, compute: () => string, cacheDir: string = DEFAULT_GRAPH_CACHE_DIR): string {
  return cachedByHash(cacheKey(key), compute, cacheDir);
}

/** {@link cachedSvg} for a caller that already has the key's {@link cacheKey} (`digest`). */
export function cachedByHash(digest: string, compute: () => string, cacheDir: string = DEFAULT_GRAPH_CACHE_DIR): string {
  const file = join(cacheDir, `${digest}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<Entry> | null;
    // The stored key guards against truncated or hand-edited files that still parse.
    if (entry && entry.key === digest && typeof entry.value === 'string') return entry.value;
  } catch {
    // Missing or corrupt: recompute below.
  }
  const value = compute();
  // Write then rename, so a parallel build never reads a half-written file.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, JSON.stringify({ key: digest, value } satisfies Entry));
    renameSync(tmp, file);
  } catch {
    // Read-only or full disk: the value is still correct, just not cached.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do.
    }
  }
  return value;
}
