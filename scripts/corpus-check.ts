/**
 * Whole-collection runs over the public agent collections in `../shared/corpus/` (see its
 * README): the check of every collection, and one full site build.
 *
 *   npm run test:corpus [-- options]
 *
 * Options:
 *   --corpus <path>    the folder of collections (default: env CORPUS_DIR, else ../shared/corpus)
 *   --build <name>     the collection built fully with `astro build` (default: voltagent)
 *   --no-build         only the checks
 *   --keep             keep the built site (its folder is printed)
 *
 * For each collection (each subfolder), the catalog is built as `npm run check` does and every
 * discovered agent file must be accounted for: agents + files whose errors kept them from being
 * an agent == agent files discovered, and no URL conflict. The chosen collection is then built
 * into a temporary OUT_DIR with its own ASTRO_CACHE_DIR; the build must succeed and write the
 * page of every agent in all three locales. Every body markdown-it parses must give remark's
 * tree (see markdown-it-tree.ts). A summary is printed per collection. Exits 1 when an
 * assertion fails.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog, type Catalog } from '../src/lib/catalog/build-catalog.ts';
import { discoverAgentFiles } from '../src/lib/catalog/discover.ts';
import { catalogReport } from '../src/lib/catalog/report.ts';
import { LOCALE_TABLE } from '../src/lib/locales.ts';
import { normalizeText } from '../src/lib/hash.ts';
import { readFrontMatter } from '../src/lib/parse/front-matter.ts';
import { fastTreeMatches } from '../src/lib/parse/markdown-parser.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    build: { type: 'string', default: 'voltagent' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const corpus = path.resolve(values.corpus || process.env.CORPUS_DIR || '../shared/corpus');
const failures: string[] = [];
const fail = (message: string) => {
  failures.push(message);
  console.log(`  FAIL ${message}`);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Checks one collection; returns its catalog. */
async function checkCollection(name: string): Promise<Catalog> {
  const dir = path.join(corpus, name);
  const started = performance.now();
  const found = await discoverAgentFiles(dir);
  const catalog = await buildCatalog({ agentsDir: dir });
  const report = catalogReport(catalog);
  const agentFiles = new Set(catalog.agents.map((a) => a.file));
  // A file with no agent must say why, with an error: that is what "never silently dropped" means.
  const blocked = new Set(catalog.problems.filter((p) => p.severity === 'error' && !agentFiles.has(p.file) && found.agents.includes(p.file)).map((p) => p.file));
  const silent = found.agents.filter((f) => !agentFiles.has(f) && !blocked.has(f));
  const problemFiles = new Set(report.problems.map((p) => p.file));
  const byCode = new Map<string, number>();
  for (const p of report.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);

  console.log(`\n${name}: ${found.agents.length} agent files discovered (${seconds(performance.now() - started)}, ${catalog.cache.hits} from cache)`);
  console.log(`  agents built         ${report.agents} (${report.pages} pages)`);
  console.log(`  files kept out       ${blocked.size}${blocked.size ? `: ${[...blocked].join(', ')}` : ''}`);
  console.log(`  errors / warnings    ${report.errors} / ${report.warnings} in ${problemFiles.size} files`);
  console.log(`  problems by code     ${[...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
  console.log(`  duplicate names      ${report.duplicateNames.length}`);
  console.log(`  unresolved names     ${report.unresolved.length}`);
  console.log(`  skipped files        ${report.skipped.length}`);

  if (report.agents + blocked.size !== found.agents.length) fail(`${name}: ${report.agents} agents + ${blocked.size} kept out != ${found.agents.length} discovered`);
  if (silent.length) fail(`${name}: files dropped without an error: ${silent.join(', ')}`);
  if (catalog.fatal.length) fail(`${name}: ${catalog.fatal.length} URL conflicts stop the build: ${catalog.fatal.map((p) => p.message).join('; ')}`);
  if (found.agents.length === 0) fail(`${name}: no agent files found`);
  if (new Set(catalog.agents.map((a) => a.slug)).size !== catalog.agents.length) fail(`${name}: two agents share a slug`);
  await checkParsers(name, found.agents);
  return catalog;
}

/** Checks that markdown-it gives every body of a collection that it parses remark's tree. */
async function checkParsers(name: string, files: string[]): Promise<void> {
  const dir = path.join(corpus, name);
  let fast = 0;
  const differ: string[] = [];
  for (const file of files) {
    const text = normalizeText(await readFile(path.join(dir, file), 'utf8'));
    const matches = fastTreeMatches(readFrontMatter(text, file).body);
    if (matches !== undefined) fast++;
    if (matches === false) differ.push(file);
  }
  console.log(`  parsed by markdown-it ${fast} of ${files.length}, trees differing from remark's: ${differ.length}`);
  if (differ.length) fail(`${name}: markdown-it and remark give different trees for ${differ.join(', ')}`);
}

/** Runs `astro build` on a collection and checks that every agent page exists in every locale. */
async function buildCollection(name: string, catalog: Catalog): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), `atlas-corpus-${name}-`));
  const outDir = path.join(work, 'dist');
  const log = path.join(work, 'build.log');
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npx', ['astro', 'build'], {
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        AGENTS_DIR: path.join(corpus, name),
        OUT_DIR: outDir,
        ASTRO_CACHE_DIR: path.join(work, 'astro-cache'),
        BASE_PATH: '/',
        SITE_URL: 'http://127.0.0.1:4321',
        STRICT: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = createWriteStream(log);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const took = seconds(performance.now() - started);
  if (code !== 0) {
    fail(`${name}: astro build exited with ${code} after ${took} (log: ${log})`);
    return;
  }
  const missing: string[] = [];
  for (const agent of catalog.agents) {
    for (const locale of LOCALE_TABLE) {
      const page = path.join(outDir, locale.segment, 'agents', agent.slug, 'index.html');
      if (!(await access(page).then(() => true, () => false))) missing.push(`/${locale.segment}/agents/${agent.slug}/`);
    }
  }
  // Pages under /<locale>/agents/ are agents' pages or the redirects of their old slugs, nothing else.
  let written = 0;
  for (const locale of LOCALE_TABLE) {
    const entries = await readdir(path.join(outDir, locale.segment, 'agents'), { recursive: true }).catch(() => []);
    written += entries.filter((e) => String(e).endsWith('index.html')).length;
  }
  const expected = catalog.agents.length * LOCALE_TABLE.length;
  const redirects = catalog.redirects.length * LOCALE_TABLE.length;
  console.log(`\n${name}: astro build succeeded in ${took}; ${written} pages under /<locale>/agents/ (expected ${expected} + ${redirects} redirects)`);
  if (missing.length) fail(`${name}: ${missing.length} agent pages missing, e.g. ${missing.slice(0, 5).join(', ')}`);
  if (written !== expected + redirects) fail(`${name}: ${written} pages under /<locale>/agents/, expected ${expected + redirects}`);
  if (values.keep) console.log(`  kept: ${outDir}`);
  else if (!failures.length) await rm(work, { recursive: true, force: true });
}

const started = performance.now();
const collections = (await readdir(corpus, { withFileTypes: true }).catch(() => []))
  .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
  .map((e) => e.name)
  .sort();
if (collections.length === 0) {
  console.error(`No collections in ${corpus}. Pass --corpus <folder> or set CORPUS_DIR.`);
  process.exit(1);
}
console.log(`Corpus check: ${collections.length} collections in ${corpus}`);
const catalogs = new Map<string, Catalog>();
for (const name of collections) catalogs.set(name, await checkCollection(name));

if (!values['no-build']) {
  const name = values.build!;
  const catalog = catalogs.get(name);
  if (!catalog) fail(`no collection named ${name} to build`);
  else await buildCollection(name, catalog);
}

console.log(`\nCorpus check ${failures.length ? `FAILED (${failures.length})` : 'passed'} in ${seconds(performance.now() - started)}.`);
for (const f of failures) console.log(`  - ${f}`);
process.exitCode = failures.length ? 1 : 0;
