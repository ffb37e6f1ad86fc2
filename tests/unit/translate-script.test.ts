import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog/build-catalog.ts';
import { translationStatus } from '../../src/lib/localize/status.ts';
import { EN_AGENT, ZH_AGENT, completion, fakeToChinese, fakeToEnglish, sourceOf, startFakeServer, type FakeAnswer, type FakeServer, type SeenRequest } from './translate-fake-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The scripts need Node 24 (type stripping); vitest normally runs on it, else use the pinned one.
const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : path.join(ROOT, 'node_modules/.bin/node');

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function agentsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'translate-script-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

async function serve(handler: (req: SeenRequest) => FakeAnswer): Promise<FakeServer> {
  const server = await startFakeServer(handler);
  cleanup.push(() => server.close());
  return server;
}

/** Every file under a folder (hidden ones too) with its content: to prove nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** Runs the script asynchronously (the fake server lives in this process) with a clean env. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|TRANSLATE_)/.test(k)));
  return new Promise((resolve) => {
    execFile(NODE, ['scripts/translate.ts', ...args], { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function providerEnv(server: FakeServer, dir: string): Record<string, string> {
  return { AGENTS_DIR: dir, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'k', TRANSLATE_MODEL: 'fake-1', TRANSLATE_TIMEOUT_MS: '10000', TRANSLATE_RETRIES: '1', TRANSLATE_RETRY_BASE_MS: '1' };
}

async function statusOf(dir: string, locale: 'en' | 'zh-Hant' | 'zh-Hans', slug = 'backend-engineer') {
  const { rows } = translationStatus((await buildCatalog({ agentsDir: dir, cacheDir: false })).agents);
  return rows.find((r) => r.slug === slug)!.statuses[locale];
}

const TARGET = '_translations/en/team/backend-engineer.md';

describe('npm run translate', () => {
  it('without a provider: names the variables, changes nothing, exits 2', async () => {
    const dir = await agentsDir({ 'team/backend-engineer.md': ZH_AGENT });
    const before = await snapshot(dir);
    const result = await run(['--to', 'en'], { AGENTS_DIR: dir, OPENAI_API_KEY: 'k' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/OPENAI_BASE_URL, TRANSLATE_MODEL are not set/);
    expect(result.stderr).toContain('http://127.0.0.1:11434/v1');
    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);

  it('writes missing translations, rewrites outdated ones, and refuses to overwrite hand edits without --force', async () => {
    const dir = await agentsDir({ 'team/backend-engineer.md': ZH_AGENT });
    const server = await serve((r) => completion(fakeToEnglish(sourceOf(r))));
    const env = providerEnv(server, dir);
    expect(await statusOf(dir, 'en')).toBe('missing');

    const first = await run(['--to', 'en'], env);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/translated: 1\n\s+_translations\/en\/team\/backend-engineer.md/);
    const written = await readFile(path.join(dir, TARGET), 'utf8');
    expect(written).toContain('translator: "machine:fake-1"');
    expect(await statusOf(dir, 'en')).toBe('translated');

    // The source changes: the translation is outdated, and a new run rewrites it.
    await writeFile(path.join(dir, 'team/backend-engineer.md'), `${ZH_AGENT}\n新增一段。\n`);
    expect(await statusOf(dir, 'en')).toBe('outdated');
    const second = await run(['--to', 'en'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('(outdated)');
    expect(await statusOf(dir, 'en')).toBe('translated');
    expect(await readFile(path.join(dir, TARGET), 'utf8')).toContain('word.');

    // A person edits the translation, then the source changes again: the edit is protected.
    const edited = (await readFile(path.join(dir, TARGET), 'utf8')).replace('## Core responsibilities', '## What it does');
    await writeFile(path.join(dir, TARGET), edited);
    await writeFile(path.join(dir, 'team/backend-engineer.md'), `${ZH_AGENT}\n再新增一段。\n`);
    const refused = await run(['--to', 'en'], env);
    expect(refused.code).toBe(0);
    expect(refused.stdout).toMatch(/team\/backend-engineer.md: outdated but edited after it was generated .*--force/);
    expect(await readFile(path.join(dir, TARGET), 'utf8')).toBe(edited);
    expect(await statusOf(dir, 'en')).toBe('outdated');

    const forced = await run(['--to', 'en', '--force', '--only', 'backend-engineer'], env);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(dir, TARGET), 'utf8')).toContain('## Core responsibilities');
    expect(await statusOf(dir, 'en')).toBe('translated');
  }, 180_000);

  it('never overwrites a translation written by a person', async () => {
    const human = ['---', 'translationOf: team/backend-engineer.md', 'sourceHash: 0000', 'lang: en', 'translator: human', 'description: "Mine."', '---', '', 'Hand made.', ''].join('\n');
    const dir = await agentsDir({ 'team/backend-engineer.md': ZH_AGENT, [TARGET]: human });
    const server = await serve((r) => completion(fakeToEnglish(sourceOf(r))));
    const result = await run(['--to', 'en'], providerEnv(server, dir));
    expect(result.stdout).toMatch(/written by a person \(translator: human\)/);
    expect(await readFile(path.join(dir, TARGET), 'utf8')).toBe(human);
    expect(server.requests).toHaveLength(0);
  }, 60_000);

  it.each([
    ['500 always', (): FakeAnswer => ({ status: 500, body: { error: 'down' } }), /HTTP 500/],
    ['malformed JSON', (): FakeAnswer => ({ body: '{"choices": [{"message": ' }), /Malformed answer/],
    ['a timeout', (): FakeAnswer => 'hang', /No answer within 300 ms/],
  ])('leaves no file and no temp file when the endpoint fails (%s)', async (_name, answer, reason) => {
    const dir = await agentsDir({ 'team/backend-engineer.md': ZH_AGENT });
    // The first requests succeed, so a failure mid-agent must not leave a partial file.
    const server = await serve((r) => (r.n <= 1 ? completion(fakeToEnglish(sourceOf(r))) : answer()));
    const before = await snapshot(dir);
    const result = await run(['--to', 'en', '--only', 'team/backend-engineer.md'], { ...providerEnv(server, dir), TRANSLATE_SECTION_CHARS: '50', TRANSLATE_TIMEOUT_MS: '300' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed: 1\n\s+team\/backend-engineer.md: /);
    expect(result.stdout).toMatch(reason);
    expect(await snapshot(dir)).toEqual(before);
    expect(server.requests.length).toBeLessThanOrEqual(3);
  }, 120_000);

  it('translates one Chinese script and derives the other by conversion', async () => {
    const dir = await agentsDir({ 'team/backend-engineer.md': ZH_AGENT, 'team/api-designer.md': EN_AGENT });
    const server = await serve((r) => completion(fakeToChinese(sourceOf(r))));
    const env = providerEnv(server, dir);

    const hant = await run(['--to', 'zh-Hant', '--only', 'backend-engineer'], env);
    expect(hant.code).toBe(0);
    expect(hant.stdout).toMatch(/1 agent\(s\) are written in the other Chinese script/);
    expect(hant.stdout).toMatch(/1 × not needed: zh-Hant is converted from the zh-Hans source by OpenCC/);
    expect(await readdir(dir)).not.toContain('_translations');
    expect(server.requests).toHaveLength(0);

    // The English source is translated into one script, zh-Hans …
    const dry = await run(['--to', 'zh-Hans', '--dry-run'], { ...env, OPENAI_BASE_URL: '' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would translate: 1');
    expect(await readdir(dir)).not.toContain('_translations');

    const hans = await run(['--to', 'zh-Hans'], env);
    expect(hans.code, hans.stdout).toBe(0);
    const text = await readFile(path.join(dir, '_translations/zh-Hans/team/api-designer.md'), 'utf8');
    expect(text).toContain('lang: zh-Hans');
    expect(text).toContain('你是 an API designer 智能体');
    // … and the zh-Hant page comes from it by conversion, with no zh-Hant file.
    expect(await statusOf(dir, 'zh-Hant', 'api-designer')).toBe('translated');
    const again = await run(['--to', 'zh-Hant', '--only', 'api-designer'], env);
    expect(again.stdout).toMatch(/not needed: zh-Hant is converted from the zh-Hans translation/);
  }, 120_000);
});
