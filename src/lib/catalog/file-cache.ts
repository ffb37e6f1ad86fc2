import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';

/**
 * A content-addressed JSON cache on disk, shared by the stages that are worth keeping across
 * builds. A missing or corrupt entry is a miss, never an error; writes go through a temporary
 * file so a killed build cannot leave half an entry.
 */
export class FileCache {
  readonly dir: string;
  hits = 0;
  misses = 0;
  constructor(dir: string) {
    this.dir = dir;
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached value for `key`, or undefined. */
  async get<T>(key: string): Promise<T | undefined> {
    try {
      const value = JSON.parse(await readFile(this.pathOf(key), 'utf8')) as T;
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Stores `value` under `key`; failures to write are ignored (the cache is an optimization). */
  async set(key: string, value: unknown): Promise<void> {
    await this.setText(key, JSON.stringify(value));
  }

  /** Stores a value already serialized as JSON text (worker threads send results that way). */
  async setText(key: string, json: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, json);
      await rename(tmp, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
}

/** The default cache folder: inside node_modules, so a fresh clone starts empty. */
export function defaultCacheDir(root: string = process.cwd()): string {
  return process.env.AGENT_ATLAS_CACHE_DIR ?? path.join(root, 'node_modules', '.cache', 'agent-atlas');
}
