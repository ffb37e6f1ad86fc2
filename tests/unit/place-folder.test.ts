import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeFolder, linkOrCopy } from '../../src/lib/output/exact-folder.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'place-folder-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('placing a folder', () => {
  it('places every file of every subfolder, byte for byte, except the names it is told to leave', async () => {
    const from = path.join(root, 'bundle');
    await mkdir(path.join(from, 'fragment', 'deep'), { recursive: true });
    await mkdir(path.join(from, 'skipped-dir'), { recursive: true });
    const files: Record<string, string> = { 'pagefind.js': 'js', 'fragment/a.pf': 'a', 'fragment/deep/b.pf': '二', 'skip.json': 'no', 'skipped-dir/c': 'no' };
    for (const [rel, text] of Object.entries(files)) await writeFile(path.join(from, rel), text);
    const to = path.join(root, 'site', 'part-1');
    const placed = await placeFolder(from, to, (name) => !name.startsWith('skip'));
    expect(placed).toBe(3);
    for (const rel of ['pagefind.js', 'fragment/a.pf', 'fragment/deep/b.pf']) expect(await readFile(path.join(to, rel), 'utf8')).toBe(files[rel]);
    expect(existsSync(path.join(to, 'skip.json'))).toBe(false);
    expect(existsSync(path.join(to, 'skipped-dir'))).toBe(false);
  });

  it('places many files at once', async () => {
    const from = path.join(root, 'many');
    await mkdir(from);
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(path.join(from, `f${i}`), String(i))));
    expect(await placeFolder(from, path.join(root, 'placed'))).toBe(300);
    expect(await readFile(path.join(root, 'placed', 'f299'), 'utf8')).toBe('299');
  });

  it('links the files where it can: the same file under both names, no new one', async () => {
    const from = path.join(root, 'cache');
    await mkdir(from);
    await writeFile(path.join(from, 'a.pf'), 'a');
    await placeFolder(from, path.join(root, 'site'));
    const [source, target] = await Promise.all([stat(path.join(from, 'a.pf')), stat(path.join(root, 'site', 'a.pf'))]);
    expect(target.ino).toBe(source.ino);
    expect(target.nlink).toBe(2);
  });
});

describe('linking or copying a file', () => {
  it('copies when the two places cannot share a file (another file system)', async () => {
    await writeFile(path.join(root, 'source'), 'bytes');
    const crossDevice = async () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    await linkOrCopy(path.join(root, 'source'), path.join(root, 'target'), crossDevice);
    const [source, target] = await Promise.all([stat(path.join(root, 'source')), stat(path.join(root, 'target'))]);
    expect(target.ino).not.toBe(source.ino);
    expect(await readFile(path.join(root, 'target'), 'utf8')).toBe('bytes');
  });

  it('fails on other errors instead of hiding them behind a copy', async () => {
    await writeFile(path.join(root, 'source'), 'bytes');
    const ioError = async () => {
      throw Object.assign(new Error('EIO: i/o error, link'), { code: 'EIO' });
    };
    await expect(linkOrCopy(path.join(root, 'source'), path.join(root, 'target'), ioError)).rejects.toMatchObject({ code: 'EIO' });
    expect(existsSync(path.join(root, 'target'))).toBe(false);
  });
});
