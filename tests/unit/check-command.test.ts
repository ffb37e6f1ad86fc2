import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run check` (scripts/check.ts), run as a child process on temporary agent folders: the
 * report, the exit codes (0 clean, 1 errors or --strict warnings, 2 misuse) and the JSON format.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts/check.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function check(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    // process.execPath: the Node 24 the tests run on (type stripping for .ts files).
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { ...process.env, AGENTS_DIR: '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const agent = (name: string, extra = '') => `---\nname: ${name}\ndescription: Use this agent to ${name.replace(/-/g, ' ')}.\ntools: Read${extra}\n---\n\nWorks with api-designer.\n`;

let root: string;
const dirs = { clean: '', warning: '', error: '' };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'atlas-check-'));
  const files: Record<keyof typeof dirs, Record<string, string>> = {
    clean: { 'api-designer.md': agent('api-designer'), 'team/code-reviewer.md': agent('code-reviewer') },
    // An unquoted ": " in a value: strict YAML fails, the lenient reading works (a warning).
    warning: { 'api-designer.md': agent('api-designer'), 'colon.md': '---\nname: colon\ndescription: Use when: asked\n---\nBody.\n' },
    // `tools: 42` is an error; the empty file is one too (and is not an agent).
    error: { 'api-designer.md': agent('api-designer'), 'tools.md': '---\nname: tools\ndescription: d\ntools: 42\n---\nBody.\n', 'empty.md': '' },
  };
  for (const [kind, entries] of Object.entries(files) as Array<[keyof typeof dirs, Record<string, string>]>) {
    dirs[kind] = path.join(root, kind);
    for (const [file, text] of Object.entries(entries)) {
      await mkdir(path.dirname(path.join(dirs[kind], file)), { recursive: true });
      await writeFile(path.join(dirs[kind], file), text);
    }
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run check', () => {
  it('passes a clean folder, with the summary', async () => {
    const r = await check(['--agents-dir', dirs.clean, '--no-cache']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Agent Atlas: 2 agents (6 pages) from ${dirs.clean}`);
    expect(r.stdout).toContain('0 errors, 0 warnings in 0 files');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('check passed.');
  });

  it('passes warnings, and fails on them with --strict', async () => {
    const normal = await check(['--agents-dir', dirs.warning, '--no-cache']);
    expect(normal.code).toBe(0);
    expect(normal.stdout).toContain('colon.md:3: warning: The front matter is not valid YAML');
    expect(normal.stdout).toContain('Hint: Quote values that contain ": "');
    expect(normal.stdout.trim().split('\n').at(-1)).toBe('check passed with 1 warning (--strict fails on them).');
    const strict = await check(['--agents-dir', dirs.warning, '--no-cache', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout.trim().split('\n').at(-1)).toBe('check failed: 1 warning (--strict).');
  });

  it('fails on errors, naming file, line, expectation and hint', async () => {
    const r = await check(['--agents-dir', dirs.error, '--no-cache']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Agent Atlas: 2 agents (6 pages)');
    expect(r.stdout).toContain('tools.md:4: error: "tools" should be a list or a comma-separated text, found the number 42; the field was ignored.');
    expect(r.stdout).toContain('Hint: tools: Read, Grep, Bash');
    expect(r.stdout).toContain('empty.md: error: The file is empty.');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('check failed: 2 errors.');
  });

  it('--format json prints the whole report for tools', async () => {
    const r = await check(['--agents-dir', dirs.error, '--no-cache', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ agentsDir: dirs.error, agents: 2, pages: 6, errors: 2, warnings: 0, ok: false, strict: false });
    expect(report.problems.map((p: { file: string; line?: number; code: string }) => `${p.file}:${p.line ?? ''} ${p.code}`).sort()).toEqual(['empty.md: empty-file', 'tools.md:4 field-type']);
    expect(report.problems.find((p: { code: string }) => p.code === 'field-type')).toMatchObject({ expected: 'a list or a comma-separated text', found: 'the number 42', hint: 'tools: Read, Grep, Bash' });
    expect(report.unresolved).toEqual([]);
    const clean = JSON.parse((await check(['--agents-dir', dirs.clean, '--no-cache', '--format', 'json'])).stdout);
    expect(clean).toMatchObject({ ok: true, errors: 0, agents: 2 });
  });

  it('reads AGENTS_DIR, and --agents-dir wins over it', async () => {
    const fromEnv = await check(['--no-cache', '--format', 'json'], { AGENTS_DIR: dirs.error });
    expect(JSON.parse(fromEnv.stdout).agentsDir).toBe(dirs.error);
    const fromFlag = await check(['--no-cache', '--format', 'json', '--agents-dir', dirs.clean], { AGENTS_DIR: dirs.error });
    expect(fromFlag.code).toBe(0);
    expect(JSON.parse(fromFlag.stdout).agentsDir).toBe(dirs.clean);
  });

  it('exits 2 on misuse: unknown option, bad format, missing folder', async () => {
    const unknown = await check(['--agents-dir', dirs.clean, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage: npm run check');
    const format = await check(['--agents-dir', dirs.clean, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "xml"');
    const missing = await check(['--agents-dir', path.join(root, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    const help = await check(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--strict');
  });
});
