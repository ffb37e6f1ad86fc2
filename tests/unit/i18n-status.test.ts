import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStatusTable, translationStatus, type StatusInput, type StatusReport } from '../../src/lib/localize/status.ts';
import { sourceHashOf } from '../../src/lib/hash.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : path.join(ROOT, 'node_modules/.bin/node');

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function agent(slug: string, sourceLang: StatusInput['sourceLang'], en: string, hant: string, hans: string): StatusInput {
  const s = (status: string) => ({ status: status as StatusInput['localized']['en']['status'] });
  return { slug, file: `${slug}.md`, sourceLang, localized: { en: s(en), 'zh-Hant': s(hant), 'zh-Hans': s(hans) } };
}

describe('translationStatus', () => {
  const report = translationStatus([
    agent('zeta', 'zh-Hans', 'outdated', 'converted', 'original'),
    agent('alpha', 'en', 'original', 'translated', 'translated'),
    agent('mid', 'zh-Hant', 'missing', 'original', 'converted'),
  ]);

  it('gives one row per agent, sorted by slug, with each locale’s status', () => {
    expect(report.rows.map((r) => r.slug)).toEqual(['alpha', 'mid', 'zeta']);
    expect(report.rows[2]).toEqual({ slug: 'zeta', file: 'zeta.md', sourceLang: 'zh-Hans', statuses: { en: 'outdated', 'zh-Hant': 'converted', 'zh-Hans': 'original' } });
  });

  it('counts every status per locale', () => {
    expect(report.totals.en).toEqual({ original: 1, converted: 0, translated: 0, outdated: 1, missing: 1 });
    expect(report.totals['zh-Hant']).toEqual({ original: 1, converted: 1, translated: 1, outdated: 0, missing: 0 });
    expect(report.totals['zh-Hans']).toEqual({ original: 1, converted: 1, translated: 1, outdated: 0, missing: 0 });
  });

  it('formats an aligned table with totals and says what needs work', () => {
    const table = formatStatusTable(report);
    const lines = table.split('\n');
    const header = lines[0];
    const column = header.indexOf('zh-Hant');
    for (const line of lines.filter((l) => /^(alpha|mid|zeta|total)/.test(l))) {
      expect(line.slice(column)).toMatch(/^(original|converted|translated|outdated|missing|\d+)\b/);
    }
    expect(table).toMatch(/^total outdated\s+1\s+0\s+0$/m);
    expect(table).toContain('Needs work: en: 1 missing, 1 outdated.');
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });

  it('says when everything is up to date, and handles no agents', () => {
    const empty: StatusReport = translationStatus([]);
    expect(formatStatusTable(empty)).toContain('(no agents found)');
    expect(formatStatusTable(empty)).toContain('Every locale is up to date.');
  });
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(NODE, ['scripts/i18n-status.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

describe('npm run i18n:status', () => {
  it('reports a folder’s agents as a table and as JSON, including an outdated translation', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'i18n-status-'));
    dirs.push(dir);
    const source = '---\nname: helper\ndescription: 帮助用户完成任务的智能体。\n---\n\n你是一个乐于助人的智能体。\n';
    const other = '---\nname: writer\ndescription: Writes clear English documentation for every project.\n---\n\nYou write documentation.\n';
    await mkdir(path.join(dir, '_translations/en'), { recursive: true });
    await writeFile(path.join(dir, 'helper.md'), source);
    await writeFile(path.join(dir, 'writer.md'), other);
    const translation = (hash: string) => `---\ntranslationOf: helper.md\nsourceHash: ${hash}\nlang: en\ntranslator: human\ndescription: "Helps."\n---\n\nYou help.\n`;
    await writeFile(path.join(dir, '_translations/en/helper.md'), translation('stale000'));

    const json = await run(['--format', 'json'], { AGENTS_DIR: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as StatusReport;
    expect(report.rows.map((r) => [r.slug, r.statuses])).toEqual([
      ['helper', { en: 'outdated', 'zh-Hant': 'converted', 'zh-Hans': 'original' }],
      ['writer', { en: 'original', 'zh-Hant': 'missing', 'zh-Hans': 'missing' }],
    ]);

    await writeFile(path.join(dir, '_translations/en/helper.md'), translation(sourceHashOf(source)));
    const text = await run([], { AGENTS_DIR: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^helper\s+zh-Hans\s+translated\s+converted\s+original$/m);
    expect(text.stdout).toMatch(/^total missing\s+0\s+1\s+1$/m);
  }, 60_000);
});
