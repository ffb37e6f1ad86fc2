import type { AstroIntegration } from 'astro';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OutputFile, staleFiles } from '../lib/output/stale-files.ts';

/**
 * Keeps the output folder between builds instead of emptying it, and removes what the last
 * build left that this one did not make (`lib/output/stale-files.ts`). With the folder kept,
 * Astro's incremental build leaves an unchanged page's file where it is; emptied, it copied
 * every page back from its cache and spent seconds deleting them first.
 */

/** Every file under `dir` (relative paths with `/`) with its modification time. */
async function filesUnder(dir: string): Promise<OutputFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile());
  return Promise.all(
    files.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      return { path: path.relative(dir, full).split(path.sep).join('/'), mtimeMs: (await stat(full)).mtimeMs };
    }),
  );
}

/** Removes the folders left empty under `dir`, deepest first (not `dir` itself). */
async function removeEmptyFolders(dir: string, folders: Iterable<string>): Promise<void> {
  const sorted = [...new Set(folders)].filter((f) => f && f !== '.').sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of sorted) await rmdir(path.join(dir, folder)).catch(() => undefined);
}

/** The integration. `managed` names top-level output folders another integration keeps exact. */
export default function keepOutput({ managed }: { managed: readonly string[] }): AstroIntegration {
  let since = 0;
  let publicDir = '';
  return {
    name: 'agent-atlas:keep-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        since = Date.now();
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const routes = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) routes.add(path.relative(out, fileURLToPath(url)).split(path.sep).join('/'));
        }
        const publicFiles = new Set((await filesUnder(publicDir)).map((f) => f.path));
        const stale = staleFiles(await filesUnder(out), { routes, publicFiles, managed, since });
        await Promise.all(stale.map((f) => rm(path.join(out, f), { force: true })));
        await removeEmptyFolders(out, stale.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
        if (stale.length) logger.info(`Removed ${stale.length} ${stale.length === 1 ? 'file' : 'files'} an earlier build made and this one did not.`);
      },
    },
  };
}
