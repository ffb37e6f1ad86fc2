import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { placeImages } from '../../src/lib/og/output.ts';
import ogImages from '../../src/integrations/og-images.ts';

let root: string;
let cache: string;
let out: string;
let og: string;
const longAgo = new Date('2024-01-01T00:00:00Z');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'og-output-'));
  cache = path.join(root, 'cache');
  out = path.join(root, 'dist');
  og = path.join(out, 'og');
  await mkdir(cache, { recursive: true });
  await mkdir(og, { recursive: true });
  for (const key of ['aaa', 'bbb', 'ccc']) await writeFile(path.join(cache, `${key}.png`), `png of ${key}`);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

/** The targets of images `keys`, from the cache into `dist/og/`. */
const targets = (...keys: string[]) => new Map(keys.map((k) => [path.join(og, `${k}.png`), path.join(cache, `${k}.png`)]));

describe("the output's images folder", () => {
  it('gets the missing images placed from the cache', async () => {
    expect(await placeImages(targets('aaa', 'bbb'), og)).toEqual({ placed: 2, kept: 0, removed: 0 });
    expect(await readFile(path.join(og, 'aaa.png'), 'utf8')).toBe('png of aaa');
    expect(await readFile(path.join(og, 'bbb.png'), 'utf8')).toBe('png of bbb');
    // As links to the cached files (one file under two names), not copies.
    const [cached, placed] = await Promise.all([stat(path.join(cache, 'aaa.png')), stat(path.join(og, 'aaa.png'))]);
    expect(placed.ino).toBe(cached.ino);
  });

  it('keeps an image already there with the cached size, without writing it again', async () => {
    // Same size, other bytes: only a rewrite would change them (names are content hashes, so a
    // real build never has this; it shows the file is not touched).
    const kept = path.join(og, 'aaa.png');
    await writeFile(kept, 'PNG OF AAA');
    await utimes(kept, longAgo, longAgo);
    const before = await stat(kept);
    expect(await placeImages(targets('aaa', 'bbb'), og)).toEqual({ placed: 1, kept: 1, removed: 0 });
    const after = await stat(kept);
    expect(await readFile(kept, 'utf8')).toBe('PNG OF AAA');
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('places an image again when the file there has another size (an interrupted copy)', async () => {
    await writeFile(path.join(og, 'aaa.png'), 'png of');
    expect(await placeImages(targets('aaa'), og)).toEqual({ placed: 1, kept: 0, removed: 0 });
    expect(await readFile(path.join(og, 'aaa.png'), 'utf8')).toBe('png of aaa');
  });

  it('loses the images of removed or edited cards, and folders of older layouts, but nothing outside', async () => {
    await writeFile(path.join(og, 'stale.png'), 'an edited card');
    await mkdir(path.join(og, 'en'), { recursive: true });
    await writeFile(path.join(og, 'en', 'backend-developer.png'), 'an older layout');
    await writeFile(path.join(out, 'index.html'), 'a page');
    await mkdir(path.join(out, 'ogre'), { recursive: true });
    await writeFile(path.join(out, 'ogre', 'index.html'), 'not in og/');
    expect(await placeImages(targets('aaa', 'ccc'), og)).toEqual({ placed: 2, kept: 0, removed: 2 });
    expect((await readdir(og)).sort()).toEqual(['aaa.png', 'ccc.png']);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'ogre', 'index.html'))).toBe(true);
  });

  it('keeps images inside sub-folders that are current', async () => {
    const nested = new Map([[path.join(og, 'x', 'aaa.png'), path.join(cache, 'aaa.png')]]);
    await placeImages(nested, og);
    await writeFile(path.join(og, 'x', 'old.png'), 'stale');
    expect(await placeImages(nested, og)).toEqual({ placed: 0, kept: 1, removed: 1 });
    expect(await readdir(path.join(og, 'x'))).toEqual(['aaa.png']);
  });

  it('is emptied when there are no images, and may not exist yet', async () => {
    await writeFile(path.join(og, 'aaa.png'), 'png of aaa');
    expect(await placeImages(new Map(), og)).toEqual({ placed: 0, kept: 0, removed: 1 });
    expect(await readdir(og)).toEqual([]);
    const fresh = path.join(root, 'fresh', 'og');
    expect(await placeImages(new Map([[path.join(fresh, 'bbb.png'), path.join(cache, 'bbb.png')]]), fresh)).toEqual({ placed: 1, kept: 0, removed: 0 });
  });
});

describe('the integration with images off (OG_IMAGES=0)', () => {
  it('empties the images folder an earlier build left, since no page points at it', async () => {
    await writeFile(path.join(og, 'aaa.png'), 'png of aaa');
    const saved = process.env.OG_IMAGES;
    process.env.OG_IMAGES = '0';
    try {
      const hooks = ogImages().hooks as Record<string, (o: unknown) => Promise<void>>;
      const logged: string[] = [];
      const logger = { info: (m: string) => logged.push(m) };
      await hooks['astro:config:setup']({ command: 'build', config: { base: '/' }, logger });
      await hooks['astro:build:done']({ dir: pathToFileURL(`${out}/`), logger });
      expect(await readdir(og)).toEqual([]);
      expect(logged).toEqual(['OG_IMAGES=0: no preview images.', 'OG_IMAGES=0: removed 1 preview image of an earlier build.']);
    } finally {
      if (saved === undefined) delete process.env.OG_IMAGES;
      else process.env.OG_IMAGES = saved;
    }
  });
});
