import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFolder } from '../../src/lib/output/exact-folder.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copy-folder-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('copying a folder', () => {
  it('copies every file of every subfolder, byte for byte, except the names it is told to leave', async () => {
    const from = path.join(root, 'bundle');
    await mkdir(path.join(from, 'fragment', 'deep'), { recursive: true });
    await mkdir(path.join(from, 'skipped-dir'), { recursive: true });
    const files: Record<string, string> = { 'pagefind.js': 'js', 'fragment/a.pf': 'a', 'fragment/deep/b.pf': '二', 'skip.json': 'no', 'skipped-dir/c': 'no' };
    for (const [rel, text] of Object.entries(files)) await writeFile(path.join(from, rel), text);
    const to = path.join(root, 'site', 'part-1');
    const copied = await copyFolder(from, to, (name) => !name.startsWith('skip'));
    expect(copied).toBe(3);
    for (const rel of ['pagefind.js', 'fragment/a.pf', 'fragment/deep/b.pf']) expect(await readFile(path.join(to, rel), 'utf8')).toBe(files[rel]);
    expect(existsSync(path.join(to, 'skip.json'))).toBe(false);
    expect(existsSync(path.join(to, 'skipped-dir'))).toBe(false);
  });

  it('copies many files at once', async () => {
    const from = path.join(root, 'many');
    await mkdir(from);
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(path.join(from, `f${i}`), String(i))));
    expect(await copyFolder(from, path.join(root, 'copy'))).toBe(300);
    expect(await readFile(path.join(root, 'copy', 'f299'), 'utf8')).toBe('299');
  });
});
