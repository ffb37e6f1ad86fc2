/**
 * `npm run bench [-- --agents N] [--no-browser] [--results FILE] [--keep] [--cpu-prof] [--builds cold,warm]`
 *
 * Builds a synthetic catalog of N agents (default 1,000) three times and measures each build:
 * - cold: from nothing (no Astro data store, no Agent Atlas caches);
 * - coldCachedImages: from nothing but the preview-image cache (no output folder either), as CI
 *   with a kept image cache;
 * - warm: after editing one agent file, every cache kept.
 * Then the sizes a reader downloads (agent page HTML and JavaScript, gzip) and, in headless
 * Chromium, search speed. Before and after the builds it times a fixed piece of work (the seed
 * agents through the per-file stages), since this machine's speed drifts between runs. Writes
 * `bench/results.json` (or `--results FILE`) and prints a table.
 *
 * Everything happens under `bench/tmp/` with its own `OUT_DIR`, `ASTRO_CACHE_DIR` and
 * `AGENT_ATLAS_CACHE_DIR`, so the project's `dist/` and caches are never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './bench/generate.ts';
import { runBuild, type BuildRun } from './bench/run-build.ts';
import { parsePhases } from './bench/phases.ts';
import { measureSizes } from './bench/sizes.ts';
import { measureSiteSearch } from './bench/search.ts';
import { calibrate } from './bench/calibrate.ts';
import { formatTable, type BenchResults, type BuildFigures } from './bench/report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '1000' },
    'no-browser': { type: 'boolean', default: false },
    results: { type: 'string' },
    keep: { type: 'boolean', default: false },
    port: { type: 'string', default: '4391' },
    'cpu-prof': { type: 'boolean', default: false },
    builds: { type: 'string', default: 'cold,coldCachedImages,warm' },
  },
});
const count = Number(values.agents);
if (!Number.isInteger(count) || count < 1) throw new Error(`--agents must be a positive whole number, not ${values.agents}`);
const resultsFile = path.resolve(values.results ?? path.join(root, 'bench', 'results.json'));
const work = path.join(root, 'bench', 'tmp', `n${count}-${process.pid}`);
const dirs = {
  agents: path.join(work, 'agents'),
  out: path.join(work, 'out'),
  astroCache: path.join(work, 'astro-cache'),
  atlasCache: path.join(work, 'atlas-cache'),
  logs: path.join(work, 'logs'),
  setAside: path.join(work, 'set-aside'),
};
const basePath = '/';
const env = {
  AGENTS_DIR: dirs.agents,
  OUT_DIR: dirs.out,
  ASTRO_CACHE_DIR: dirs.astroCache,
  AGENT_ATLAS_CACHE_DIR: dirs.atlasCache,
  BASE_PATH: basePath,
  SITE_URL: 'http://localhost:4321',
};

function say(text: string) {
  process.stdout.write(`${text}\n`);
}

/**
 * Moves `folders` out of the build's way, into `set-aside/` (deleted at the end of the run).
 * Not deleted here: on a file system that skips recently freed inodes when it makes a file (ext4
 * without a journal, as on this machine: for 30 s to 5½ min after the delete), every file the
 * next build writes would first step over the ~29,000 just freed — measured at 1,000 agents,
 * 17–24 s of system time in the build against 13 s. A fresh checkout, the state this stands
 * for, has nothing just freed.
 */
async function setAside(folders: readonly string[]) {
  const into = path.join(dirs.setAside, String(Date.now()));
  await mkdir(into, { recursive: true });
  await Promise.all(
    folders.filter((f) => existsSync(f)).map((f, i) => rename(f, path.join(into, `${i}-${path.basename(f)}`))),
  );
}

/** When the last run deleted its work folder (tens of thousands of files), kept across runs. */
const lastCleanupFile = path.join(root, 'bench', 'tmp', '.last-cleanup');
/**
 * Inodes freed less than this long ago slow the making of files (see {@link setAside}); each
 * build starts after `sync`, which ends the longer window of not yet written-back ones.
 */
const FREED_INODES_MS = 35_000;

/** Deletes `folder`, noting when, so that a run started right after waits (see {@link settleAfterCleanup}). */
async function cleanUp(folder: string) {
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.dirname(lastCleanupFile), { recursive: true });
  await writeFile(lastCleanupFile, String(Date.now()));
}

/** Waits until the files a previous run deleted no longer slow this run's first build. */
async function settleAfterCleanup() {
  const last = Number(await readFile(lastCleanupFile, 'utf8').catch(() => '0'));
  const wait = last + FREED_INODES_MS - Date.now();
  if (wait <= 0) return;
  say(`Waiting ${Math.ceil(wait / 1000)} s: the previous run deleted its files just now, which would slow this run's first build.`);
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The Agent Atlas cache's entries except those named in `keep`. */
async function atlasCacheEntries(keep: string[] = []): Promise<string[]> {
  if (!existsSync(dirs.atlasCache)) return [];
  return (await readdir(dirs.atlasCache)).filter((entry) => !keep.includes(entry)).map((entry) => path.join(dirs.atlasCache, entry));
}

async function build(name: string): Promise<{ run: BuildRun; figures: BuildFigures }> {
  say(`\n▶ ${name} build…`);
  const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.join(work, 'prof', name)}`] : [];
  const run = await runBuild({ root, env, logFile: path.join(dirs.logs, `${name}.log`), nodeArgs });
  if (run.exitCode !== 0) {
    say(run.lines.slice(-40).map((l) => l.text).join('\n'));
    throw new Error(`The ${name} build failed (exit code ${run.exitCode}); log: ${path.join(dirs.logs, `${name}.log`)}`);
  }
  const figures: BuildFigures = {
    totalSeconds: round(run.totalSeconds),
    cpuSeconds: run.cpuSeconds === undefined ? undefined : round(run.cpuSeconds),
    peakMB: Math.round(run.peakMB),
    phases: parsePhases(run.lines, run.totalSeconds),
  };
  const text = run.lines.map((l) => l.text).join('\n');
  const cat = /\((\d+) ms; (\d+) files from cache, (\d+) processed(?: on (\d+) threads)?\)/.exec(text);
  if (cat) figures.catalog = { ms: Number(cat[1]), fromCache: Number(cat[2]), processed: Number(cat[3]), threads: Number(cat[4] ?? 0) };
  const graphs = /(\d+) of (\d+) graph layouts computed on (\d+) threads \((\d+) ms\)/.exec(text);
  figures.graphs = graphs ? { laidOut: Number(graphs[1]), total: Number(graphs[2]), threads: Number(graphs[3]), ms: Number(graphs[4]) } : { laidOut: 0 };
  const og = /(\d+) preview images: (\d+) drawn.*?, (\d+) from cache \((\d+) ms\)/.exec(text);
  if (og) figures.images = { count: Number(og[1]), drawn: Number(og[2]), cached: Number(og[3]), ms: Number(og[4]) };
  say(`  ${figures.totalSeconds} s (CPU ${figures.cpuSeconds ?? '?'} s, peak ${figures.peakMB} MB) ${JSON.stringify(figures.phases)}`);
  return { run, figures };
}

/** Search figures of a run that did not measure search, and why. */
function notMeasured(note: string): BenchResults['search'] {
  return { indexKB: null, coldMs: null, warmMs: null, note };
}

/** Search speed on the cold build's site, in headless Chromium. */
async function searchFigures(): Promise<BenchResults['search']> {
  say('\n▶ search in headless Chromium…');
  // Chromium as the end-to-end tests get it: installed when missing and possible, else the
  // script says what to run.
  const chromium = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-chromium.ts')], { stdio: 'inherit' });
  if (chromium.status !== 0) return notMeasured('Chromium is missing (see above)');
  try {
    return await measureSiteSearch({
      siteDir: dirs.out,
      basePath,
      port: Number(values.port),
      queries: ['backend', 'security', 'kubernetes', '数据库', 'api design', '測試', 'react', 'devops'],
    });
  } catch (error) {
    return notMeasured(`failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function main() {
  await rm(work, { recursive: true, force: true });
  await mkdir(dirs.logs, { recursive: true });
  say(`Agent Atlas benchmark: ${count} agents (work folder ${path.relative(root, work)})`);
  const generated = await generateCatalog(root, dirs.agents, count);
  say(`Generated ${generated.agents} agents and ${generated.translations} translations from ${Object.entries(generated.sources).map(([k, v]) => `${k} ${v}`).join(', ')}.`);

  // The seed agents (agents/), not the generated catalog: the same work in every run and size.
  const seeds = path.join(root, 'agents');
  const before = await calibrate(seeds);
  say(`Machine speed: ${before.files} files through the per-file stages in ${before.ms} ms.`);

  const wanted = new Set(values.builds.split(','));
  const skipped = { figures: { totalSeconds: 0, peakMB: 0, skipped: true } as BuildFigures };
  await settleAfterCleanup();
  const cold = await build('cold');
  const sizes = await measureSizes(dirs.out, basePath);

  let cachedImages = skipped;
  if (wanted.has('coldCachedImages')) {
    // A fresh checkout with a kept image cache: no output folder, no Astro or Agent Atlas cache.
    await setAside([dirs.out, dirs.astroCache, ...(await atlasCacheEntries(['og']))]);
    cachedImages = await build('coldCachedImages');
  }

  let warm = skipped;
  if (wanted.has('warm')) {
    const target = path.join(dirs.agents, generated.editTarget);
    await appendFile(target, `\n\nEdited for the warm benchmark build at ${new Date().toISOString()}.\n`);
    warm = await build('warm');
  }

  const after = await calibrate(seeds);
  const search = values['no-browser'] ? notMeasured('skipped (--no-browser)') : await searchFigures();

  const results: BenchResults = {
    agents: generated.agents,
    pages: sizes.pages,
    machine: {
      cores: availableParallelism(),
      node: process.version,
      loadAverage: loadavg().map((n) => round(n)),
      calibration: { files: before.files, msBefore: before.ms, msAfter: after.ms },
    },
    date: new Date().toISOString(),
    cold: cold.figures,
    coldCachedImages: cachedImages.figures,
    warm: warm.figures,
    memory: { peakMB: Math.max(cold.figures.peakMB, cachedImages.figures.peakMB, warm.figures.peakMB) },
    html: sizes.html,
    js: sizes.js,
    css: sizes.css,
    search,
    site: sizes.site,
  };
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  say(`\n${formatTable(results)}\n\nWrote ${path.relative(root, resultsFile)}.`);
  await cleanUp(values.keep ? dirs.setAside : work);
  if (values.keep) say(`Kept ${path.relative(root, work)} (logs in logs/).`);
}

await main();
// Read the results back so a broken write shows up here, not in the next reader.
JSON.parse(await readFile(resultsFile, 'utf8'));
