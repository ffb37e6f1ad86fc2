/**
 * Chinese search benchmark (`npm run bench:cjk`): recall and precision of Chinese queries on
 * the lingxling corpus (zh-Hans) and its Traditional conversion (the site's zh-hant pages, which
 * are OpenCC conversions), through Agent Atlas's search and through Pagefind's default (the page
 * HTML indexed with default settings, the query sent as typed), in headless Chromium.
 *
 * A page is relevant when the text its index holds contains the query; a result is acceptable
 * when its text contains the query or its other-script form. 200 terms of 2–6 Han characters are
 * sampled by document frequency (70 frequent, 70 mid, 60 rare; `上下文` and `服务器` always
 * included), plus mixed and multi-word queries.
 *
 * Options (flag / environment variable, flag wins):
 *   --skip-build / CJK_BENCH_SKIP_BUILD=1   reuse the site built by an earlier run
 *   --dir <path> / CJK_BENCH_DIR            work folder (default: <tmp>/agent-atlas-cjk-bench)
 *   --port <n>   / CJK_BENCH_PORT           port of the local server (default 4395)
 *   --seed <n>   / CJK_BENCH_SEED           sampling seed (default 1237)
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as pagefind from 'pagefind';
import { serveStatic } from './serve-static.ts';
import { CHROMIUM, readFragments, writeBenchPages, type IndexedPage } from './cjk-bench/browser.ts';
import { containsQuery, pool, sampleTerms, scoreQuery, type QueryScore } from './cjk-bench/terms.ts';
import type { Runs } from './cjk-bench/bench-entry.ts';
import { toScript } from '../src/lib/localize/chinese.ts';
import { createQueryConverters } from '../src/lib/search/opencc-query.ts';
import { sectionMapFileName } from '../src/lib/search/bundle-files.ts';
import { INDEX_LANGUAGE } from '../src/lib/search/records.ts';
import STPhrases from 'opencc-js/dict/STPhrases';

const args = process.argv.slice(2);
const opt = (flag: string, env: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : process.env[env] ?? fallback;
};
const skipBuild = args.includes('--skip-build') || process.env.CJK_BENCH_SKIP_BUILD === '1';
const work = path.resolve(opt('--dir', 'CJK_BENCH_DIR', path.join(os.tmpdir(), 'agent-atlas-cjk-bench')));
const port = Number(opt('--port', 'CJK_BENCH_PORT', '4395'));
const seed = Number(opt('--seed', 'CJK_BENCH_SEED', '1237'));
const corpus = path.resolve('../shared/corpus/lingxling-subagents-cn');
const site = path.join(work, 'site');

/** Mixed-script and multi-word queries, measured apart from the sampled terms. */
const EXTRA = ['SQL查询', 'API设计', 'API 设计', '上下文 管理', '性能 优化', '数据库 迁移', 'Docker容器', '代码 审查', 'React组件', '安全 漏洞'];

async function listMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listMarkdown(p)));
    else if (e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md') out.push(p);
  }
  return out;
}

function buildSite(): void {
  console.log(`Building the corpus site into ${site} …`);
  execFileSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, AGENTS_DIR: corpus, BASE_PATH: '/', OUT_DIR: site, SITE_URL: `http://127.0.0.1:${port}`, ASTRO_CACHE_DIR: path.join(work, 'astro-cache') },
  });
}

async function buildDefaultIndex(): Promise<void> {
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: site, glob: '{zh-hans,zh-hant}/agents/**/*.html' });
  await index!.writeFiles({ outputPath: path.join(site, 'pagefind-default') });
  await pagefind.close();
}

/** The pages of Pagefind's own index that a locale's search finds: those under its URL. */
function pagesOf(pages: Map<string, IndexedPage>, segment: string): Map<string, IndexedPage> {
  return new Map([...pages].filter(([, p]) => p.url.startsWith(`/${segment}/agents/`)));
}

/**
 * The pages of Agent Atlas's index that a locale's search finds: its section map lists them (a
 * page the two scripts share is indexed once, under one URL).
 */
async function listedPages(pages: Map<string, IndexedPage>, pagefindDir: string, segment: string): Promise<Map<string, IndexedPage>> {
  const map = JSON.parse(await readFile(path.join(pagefindDir, sectionMapFileName(segment)), 'utf8')) as Record<string, unknown>;
  return new Map([...pages].filter(([id]) => id in map));
}

function score(runs: Runs, pages: Map<string, IndexedPage>, target: (q: string) => string, forms: (q: string) => string[]): QueryScore[] {
  return Object.entries(runs).map(([q, run]) => {
    const wanted = target(q);
    const relevant = new Set([...pages].filter(([, p]) => containsQuery(p.text, wanted)).map(([id]) => id));
    const others = forms(q);
    const found = run.ids.filter((id) => pages.has(id));
    return scoreQuery(q, found, relevant, (id) => others.some((f) => containsQuery(pages.get(id)!.text, f)));
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const convert = createQueryConverters(STPhrases);

/** Size of the index files of a Pagefind language in `dir` (all parts), with the Chinese section maps. */
async function bundleKB(dir: string, language: string): Promise<number> {
  const files = new RegExp(`(?:^|\\.)${language}[-_]`);
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const sectionMap = /^atlas-sections\.zh-/.test(e.name);
    if (e.isFile() && (sectionMap || (files.test(e.name) && /\.pf_(index|fragment|meta|filter)$/.test(e.name)))) bytes += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return bytes / 1024;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  if (!skipBuild) {
    await rm(site, { recursive: true, force: true });
    buildSite();
    await buildDefaultIndex();
  }
  const docs = await Promise.all((await listMarkdown(corpus)).map((f) => readFile(f, 'utf8')));
  const terms = sampleTerms(docs, { frequent: 70, mid: 70, rare: 60 }, seed, ['上下文', '服务器']);
  const hans = terms.map((t) => t.term);
  const hant = hans.map((t) => toScript(t, 'zh-Hant'));
  const extraHant = EXTRA.map((t) => toScript(t, 'zh-Hant'));

  const indexed = await readFragments(path.join(site, 'pagefind'));
  const ours: Record<string, Map<string, IndexedPage>> = {};
  for (const segment of ['zh-hans', 'zh-hant']) ours[segment] = await listedPages(indexed, path.join(site, 'pagefind'), segment);
  const plain = await readFragments(path.join(site, 'pagefind-default'));
  await writeBenchPages(site, '/', [{ segment: 'zh-hans', tag: 'zh-Hans' }, { segment: 'zh-hant', tag: 'zh-Hant' }]);

  const server = await serveStatic(site, port, '/');
  const browser = await chromium.launch(CHROMIUM);
  const run = async (segment: string, fn: 'runAtlas' | 'runDefault', queries: string[]): Promise<Runs> => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/__bench/${segment}/`);
    const locale = segment === 'zh-hant' ? 'zh-Hant' : 'zh-Hans';
    const result = await page.evaluate(
      async ({ fn, locale, queries }) => {
        const url = '/__bench/entry.js';
        const entry = await import(url);
        return fn === 'runAtlas' ? entry.runAtlas('/', locale, queries) : entry.runDefault('/pagefind-default/', queries);
      },
      { fn, locale, queries },
    );
    await page.close();
    return result as Runs;
  };

  const same = (q: string) => q;
  // A page that says the query in the other script, or converted character by character, counts.
  const otherForms = (to: 'zh-Hans' | 'zh-Hant') => (q: string) =>
    to === 'zh-Hant' ? [toScript(q, to), convert.toHantChars(q)] : [toScript(q, to), convert.toHansChars(q)];
  const rows: Array<{ label: string; atlas: QueryScore[]; plain: QueryScore[]; atlasMs: number[]; plainMs: number[] }> = [];
  const measure = async (label: string, segment: string, queries: string[], target: (q: string) => string, forms: (q: string) => string[]) => {
    const a = await run(segment, 'runAtlas', queries);
    const d = await run(segment, 'runDefault', queries);
    rows.push({
      label,
      atlas: score(a, ours[segment], target, forms),
      plain: score(d, pagesOf(plain, segment), target, forms),
      atlasMs: Object.values(a).slice(1).map((r) => r.ms),
      plainMs: Object.values(d).slice(1).map((r) => r.ms),
    });
  };
  await measure('zh-Hans terms on /zh-hans/', 'zh-hans', hans, same, otherForms('zh-Hant'));
  await measure('zh-Hant terms on /zh-hant/', 'zh-hant', hant, same, otherForms('zh-Hans'));
  await measure('zh-Hans terms on /zh-hant/ (cross-script)', 'zh-hant', hans, (q) => toScript(q, 'zh-Hant'), (q) => [q, toScript(q, 'zh-Hant'), convert.toHantChars(q)]);
  await measure('mixed and multi-word, /zh-hans/', 'zh-hans', EXTRA, same, otherForms('zh-Hant'));
  await measure('mixed and multi-word, /zh-hant/', 'zh-hant', extraHant, same, otherForms('zh-Hans'));
  await browser.close();
  server.close();

  console.log(`\nChinese search: ${terms.length} terms (${['frequent', 'mid', 'rare'].map((b) => `${terms.filter((t) => t.band === b).length} ${b}`).join(', ')}), seed ${seed}; ${ours['zh-hans'].size} pages per script.\n`);
  const head = '| queries | Agent Atlas recall | precision | imperfect | Pagefind default recall | precision | imperfect |\n| --- | --- | --- | --- | --- | --- | --- |';
  const line = (label: string, a: QueryScore[], d: QueryScore[], mean = false) => {
    const [x, y] = [pool(a), pool(d)];
    const [r, p] = mean ? (['meanRecall', 'meanPrecision'] as const) : (['recall', 'precision'] as const);
    return `| ${label} | ${pct(x[r])} | ${pct(x[p])} | ${x.imperfect}/${x.queries} | ${pct(y[r])} | ${pct(y[p])} | ${y.imperfect}/${y.queries} |`;
  };
  console.log('Pooled over the queries (found relevant pages / relevant pages; acceptable results / results):\n');
  console.log(head);
  for (const r of rows) console.log(line(r.label, r.atlas, r.plain));
  console.log('\nMean of the per-query figures (each query counts the same):\n');
  console.log(head);
  for (const r of rows) console.log(line(r.label, r.atlas, r.plain, true));
  console.log('\nBy document frequency (zh-Hans terms on /zh-hans/, pooled):\n');
  console.log(head);
  for (const band of ['frequent', 'mid', 'rare'] as const) {
    const keep = new Set(terms.filter((t) => t.band === band).map((t) => t.term));
    console.log(line(band, rows[0].atlas.filter((s) => keep.has(s.query)), rows[0].plain.filter((s) => keep.has(s.query))));
  }
  const pick = (label: string, q: string) => {
    const r = rows.find((x) => x.label.startsWith(label))!;
    const f = (s?: QueryScore) => (s ? `${s.foundRelevant} of ${s.relevant} relevant found, ${s.found} returned` : 'n/a');
    return `${q}: Agent Atlas ${f(r.atlas.find((s) => s.query === q))}; default ${f(r.plain.find((s) => s.query === q))}`;
  };
  console.log(`\n${pick('zh-Hans terms', '上下文')}\n${pick('zh-Hans terms', '服务器')}`);
  console.log('\nMixed and multi-word queries (zh-Hans): found relevant / relevant / returned');
  const extra = rows.find((r) => r.label.startsWith('mixed and multi-word, /zh-hans/'))!;
  for (const [i, s] of extra.atlas.entries()) {
    const d = extra.plain[i];
    console.log(`  ${s.query.padEnd(10, '　')} Agent Atlas ${s.foundRelevant}/${s.relevant}/${s.found}   default ${d.foundRelevant}/${d.relevant}/${d.found}`);
  }
  const ms = rows.slice(0, 3);
  // Agent Atlas indexes every locale in one language (the corpus's English pages show their
  // source, and share its records); the default has an index per Chinese script.
  const ownKB = await bundleKB(path.join(site, 'pagefind'), INDEX_LANGUAGE);
  console.log(`\nIndex size for the Chinese pages (index, fragment, meta and filter files; section maps): Agent Atlas ${ownKB.toFixed(0)} KB, default ${(await bundleKB(path.join(site, 'pagefind-default'), 'zh')).toFixed(0)} KB.`);
  console.log(`\nMedian warm query time in the browser: Agent Atlas ${median(ms.flatMap((r) => r.atlasMs)).toFixed(1)} ms, default ${median(ms.flatMap((r) => r.plainMs)).toFixed(1)} ms.`);
  const worst = rows.flatMap((r) => r.atlas.filter((s) => s.foundRelevant < s.relevant || s.foundAcceptable < s.found).map((s) => `${r.label}: ${s.query} ${s.foundRelevant}/${s.relevant} found, ${s.found - s.foundAcceptable} not containing it`));
  if (worst.length) console.log(`\nAgent Atlas imperfect queries:\n  ${worst.join('\n  ')}`);
  await writeFile(path.join(work, 'cjk-bench.json'), JSON.stringify({ seed, terms, rows: rows.map((r) => ({ ...r, atlasPooled: pool(r.atlas), plainPooled: pool(r.plain) })) }, null, 1));
  console.log(`\nPer-query figures: ${path.join(work, 'cjk-bench.json')}`);
}

await main();
