import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeTexts } from '../../src/lib/output/exact-folder.ts';
import { rawSlugOf, rawTargets } from '../../src/lib/output/raw-files.ts';

let root: string;
let raw: string;
const longAgo = new Date('2024-01-01T00:00:00Z');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'raw-files-'));
  raw = path.join(root, 'dist', 'raw');
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const agents = [
  { slug: 'reviewer', raw: '---\nname: reviewer\n---\n審查程式碼。\n' },
  { slug: 'team/planner', raw: '---\nname: planner\n---\nPlans.\n' },
];

describe('raw agent files', () => {
  it('go to raw/<slug>.md in the output folder, with the file text', async () => {
    const targets = rawTargets(agents, path.join(root, 'dist'));
    expect([...targets.keys()]).toEqual([path.join(raw, 'reviewer.md'), path.join(raw, 'team', 'planner.md')]);
    expect(await placeTexts(targets, raw)).toEqual({ written: 2, kept: 0, removed: 0 });
    expect(await readFile(path.join(raw, 'reviewer.md'), 'utf8')).toBe(agents[0]!.raw);
    expect(await readFile(path.join(raw, 'team', 'planner.md'), 'utf8')).toBe(agents[1]!.raw);
  });

  it('share new folders: many files of one collection are written at once', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ slug: `crew/deep/agent-${i}`, raw: `text ${i}` }));
    expect(await placeTexts(rawTargets(many, path.join(root, 'dist')), raw)).toEqual({ written: 40, kept: 0, removed: 0 });
    expect(await readFile(path.join(raw, 'crew', 'deep', 'agent-39.md'), 'utf8')).toBe('text 39');
  });

  it('are not written again when unchanged, and are when edited', async () => {
    const targets = rawTargets(agents, path.join(root, 'dist'));
    await placeTexts(targets, raw);
    const file = path.join(raw, 'reviewer.md');
    await utimes(file, longAgo, longAgo);
    expect(await placeTexts(targets, raw)).toEqual({ written: 0, kept: 2, removed: 0 });
    expect((await stat(file)).mtimeMs).toBe(longAgo.getTime());

    // Same length, other text: compared by content, not by size.
    const edited = [{ ...agents[0]!, raw: agents[0]!.raw.replace('審查', '檢查') }, agents[1]!];
    expect(await placeTexts(rawTargets(edited, path.join(root, 'dist')), raw)).toEqual({ written: 1, kept: 1, removed: 0 });
    expect(await readFile(file, 'utf8')).toContain('檢查程式碼');
  });

  it("of removed agents are removed, with the folders they leave empty", async () => {
    await placeTexts(rawTargets(agents, path.join(root, 'dist')), raw);
    await mkdir(path.join(raw, 'old'), { recursive: true });
    await writeFile(path.join(raw, 'old', 'gone.md'), 'gone');
    expect(await placeTexts(rawTargets([agents[0]!], path.join(root, 'dist')), raw)).toEqual({ written: 0, kept: 1, removed: 2 });
    expect(existsSync(path.join(raw, 'team'))).toBe(false);
    expect(existsSync(path.join(raw, 'old'))).toBe(false);
    expect(existsSync(path.join(raw, 'reviewer.md'))).toBe(true);
  });

  it('are found by request path under the base path (the dev server serves them)', () => {
    expect(rawSlugOf('/raw/reviewer.md', '/')).toBe('reviewer');
    expect(rawSlugOf('/agent-atlas/raw/team/planner.md', '/agent-atlas/')).toBe('team/planner');
    expect(rawSlugOf('/agent-atlas/raw/%E5%AF%A9.md', '/agent-atlas')).toBe('審');
    expect(rawSlugOf('/raw/reviewer.md', '/agent-atlas/')).toBeUndefined();
    expect(rawSlugOf('/en/agents/reviewer/', '/')).toBeUndefined();
    expect(rawSlugOf('/raw/.md', '/')).toBeUndefined();
    expect(rawSlugOf('/raw/%E5.md', '/')).toBeUndefined();
  });
});
