import type { AstroIntegration } from 'astro';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALWAYS_KEPT, staleFiles } from '../lib/output/stale-files.ts';

/**
 * Keeps the output folder between builds instead of emptying it, and removes what the last
 * build left that this one did not make (`lib/output/stale-files.ts`). With the folder kept,
 * Astro's incremental build leaves an unchanged page's file where it is; emptied, it copied
 * every page back from its cache and spent seconds deleting them first.
 *
 * That is only right when the folder is what this project's last build, with this Astro cache,
 * left there: Astro trusts a page file it finds when the page's cache key is unchanged. So a
 * build that completes stamps the folder and the cache with one id, a build that starts removes
 * the folder's stamp (a build that fails midway leaves none), and the folder is kept only when
 * both stamps agree; otherwise Astro empties it as usual (another `OUT_DIR` used in between, a
 * folder written by something else, a failed build).
 */

/** In the output folder: the id of the build that made it. */
const FOLDER_STAMP = '.agent-atlas-build';
/** In the output folder while a build runs: its time is when the build started, by the disk's clock. */
const START_MARK = '.agent-atlas-building';
/** In Astro's cache folder: the output folder and id of the last completed build. */
const CACHE_STAMP = 'agent-atlas-output.json';

/**
 * Every file under `dir` (relative paths with `/`), except in the top-level folders `skip` (the
 * managed folders hold thousands of files that are not this integration's to look at).
 */
async function filesUnder(dir: string, skip: readonly string[] = []): Promise<string[]> {
  const top = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    top
      .filter((e) => e.isDirectory() && !skip.includes(e.name))
      .map(async (e) => (await readdir(path.join(dir, e.name), { recursive: true, withFileTypes: true }).catch(() => [])).filter((f) => f.isFile())),
  );
  return [...top.filter((e) => e.isFile()), ...nested.flat()].map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Removes the folders left empty under `dir`, deepest first (not `dir` itself). */
async function removeEmptyFolders(dir: string, files: readonly string[]): Promise<void> {
  const folders = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) await rmdir(path.join(dir, folder)).catch(() => undefined);
}

/** Whether the output folder `out` is what the last completed build with cache `cache` made. */
async function madeByLastBuild(out: string, cache: string): Promise<boolean> {
  const [folderId, cached] = await Promise.all([
    readFile(path.join(out, FOLDER_STAMP), 'utf8').catch(() => undefined),
    readFile(path.join(cache, CACHE_STAMP), 'utf8').then((t) => JSON.parse(t) as { outDir?: string; id?: string }, () => undefined),
  ]);
  return folderId !== undefined && cached?.id === folderId.trim() && cached.outDir === out;
}

/** The integration. `managed` names top-level output folders another integration keeps exact. */
export default function keepOutput({ managed }: { managed: readonly string[] }): AstroIntegration {
  let since: number | undefined;
  let publicDir = '';
  let cacheDir = '';
  return {
    name: 'agent-atlas:keep-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const out = path.resolve(fileURLToPath(config.outDir));
        cacheDir = fileURLToPath(config.cacheDir);
        const keep = await madeByLastBuild(out, cacheDir);
        await rm(path.join(out, FOLDER_STAMP), { force: true });
        if (!keep) return;
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        // The file system's clock, not this process's: the two can disagree (network or VM disks).
        await writeFile(path.join(out, START_MARK), '');
        since = (await stat(path.join(out, START_MARK))).mtimeMs;
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = path.resolve(fileURLToPath(dir));
        if (since !== undefined) {
          const routes = new Set<string>();
          for (const urls of assets.values()) {
            for (const url of urls) routes.add(path.relative(out, fileURLToPath(url)).split(path.sep).join('/'));
          }
          const publicFiles = new Set(await filesUnder(publicDir));
          // Neither the managed folders nor a deployment's git checkout is walked: both stay.
          const files = await filesUnder(out, [...managed, ...ALWAYS_KEPT]);
          const timeOf = async (file: string) => (await stat(path.join(out, file))).mtimeMs;
          const stale = await staleFiles(files, { routes, publicFiles, managed, since }, timeOf);
          await Promise.all(stale.map((f) => rm(path.join(out, f), { force: true })));
          await removeEmptyFolders(out, stale);
          await rm(path.join(out, START_MARK), { force: true });
          if (stale.length) logger.info(`Removed ${stale.length} ${stale.length === 1 ? 'file' : 'files'} an earlier build made and this one did not.`);
        }
        const id = randomUUID();
        await mkdir(cacheDir, { recursive: true });
        await writeFile(path.join(cacheDir, CACHE_STAMP), JSON.stringify({ outDir: out, id }));
        await writeFile(path.join(out, FOLDER_STAMP), `${id}\n`);
      },
    },
  };
}
