import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLOCK_SLACK_MS, staleFiles } from '../../src/lib/output/stale-files.ts';
import keepOutput from '../../src/integrations/keep-output.ts';

const since = 1_700_000_000_000;
const old = since - CLOCK_SLACK_MS - 1;
const outputs = { routes: new Set(['en/agents/a/index.html', 'raw/a.md']), publicFiles: new Set(['favicon.svg']), managed: ['pagefind', 'og'], since };

describe('files an earlier build left', () => {
  it('are the old files that are no route, public file or managed folder of this build', async () => {
    const files = [
      { path: 'en/agents/a/index.html', mtimeMs: old }, // a page kept from the last build
      { path: 'en/agents/gone/index.html', mtimeMs: old }, // a removed agent's page
      { path: 'raw/a.md', mtimeMs: old },
      { path: 'raw/gone.md', mtimeMs: old },
      { path: '_astro/site.OLD.js', mtimeMs: old }, // an old script bundle
      { path: '_astro/site.NEW.js', mtimeMs: since + 5 }, // written by this build
      { path: '_astro/site.SAME-SECOND.js', mtimeMs: since - 500 }, // coarse clock: still this build's
      { path: 'favicon.svg', mtimeMs: old },
      { path: 'pagefind/pagefind.js', mtimeMs: old },
      { path: 'og/abc.png', mtimeMs: old },
      { path: 'ogre/index.html', mtimeMs: old }, // not inside og/
      { path: '.git/HEAD', mtimeMs: old },
    ];
    const times = new Map(files.map((f) => [f.path, f.mtimeMs]));
    const asked: string[] = [];
    const timeOf = async (p: string) => (asked.push(p), times.get(p)!);
    const stale = await staleFiles(files.map((f) => f.path), outputs, timeOf);
    expect(stale).toEqual(['en/agents/gone/index.html', 'raw/gone.md', '_astro/site.OLD.js', 'ogre/index.html']);
    // Times are asked only of the files no route, public file or managed folder claims.
    expect(asked).toEqual(['en/agents/gone/index.html', 'raw/gone.md', '_astro/site.OLD.js', '_astro/site.NEW.js', '_astro/site.SAME-SECOND.js', 'ogre/index.html']);
  });

  it('are removed at the end of a build that kept the folder of the last one, with the folders they leave empty', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-keep-output-'));
    try {
      const out = path.join(work, 'out');
      const pub = path.join(work, 'public');
      const cache = path.join(work, 'cache');
      await mkdir(pub, { recursive: true });
      await writeFile(path.join(pub, 'favicon.svg'), '<svg/>');
      const page = (p: string) => path.join(out, p);

      /** Runs the integration's hooks as one build; `done` false is a build that fails midway. */
      async function build(outDir: string, pages: string[], done = true): Promise<{ kept: boolean; logged: string[] }> {
        const hooks = keepOutput({ managed: ['pagefind'] }).hooks as Record<string, (o: unknown) => unknown>;
        let kept = false;
        const config = { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${cache}/`), publicDir: pathToFileURL(`${pub}/`) };
        await hooks['astro:config:setup']({ command: 'build', config, updateConfig: (c: unknown) => (kept = JSON.stringify(c) === '{"vite":{"build":{"emptyOutDir":false}}}') });
        await hooks['astro:config:done']({ config });
        // What Astro does: empty the folder unless told not to, then write the pages.
        if (!kept) await rm(outDir, { recursive: true, force: true });
        for (const p of pages) {
          await mkdir(path.dirname(path.join(outDir, p)), { recursive: true });
          if (!existsSync(path.join(outDir, p))) await writeFile(path.join(outDir, p), p);
        }
        const logged: string[] = [];
        if (done) {
          await hooks['astro:build:done']({
            dir: pathToFileURL(`${outDir}/`),
            assets: new Map([['pages', pages.map((p) => pathToFileURL(path.join(outDir, p)))]]),
            logger: { info: (m: string) => logged.push(m) },
          });
        }
        return { kept, logged };
      }

      // The first build has nothing to keep.
      expect((await build(out, ['en/agents/a/index.html', 'en/agents/gone/index.html', 'gone.txt'])).kept).toBe(false);
      // A managed folder's file (its own integration keeps that folder exact).
      await mkdir(page('pagefind'), { recursive: true });
      await writeFile(page('pagefind/part.js'), '');
      const past = new Date(Date.now() - 60_000);
      for (const p of ['en/agents/a/index.html', 'en/agents/gone/index.html', 'gone.txt', 'pagefind/part.js']) await utimes(page(p), past, past);

      // The next keeps the folder and removes the files it no longer makes (a page, with its
      // empty folder, and a file at the top), not the managed folder's.
      const second = await build(out, ['en/agents/a/index.html']);
      expect(second.kept).toBe(true);
      expect(existsSync(page('en/agents/a/index.html'))).toBe(true);
      expect(existsSync(page('en/agents/gone'))).toBe(false);
      expect(existsSync(page('gone.txt'))).toBe(false);
      expect(existsSync(page('pagefind/part.js'))).toBe(true);
      expect(existsSync(page('.agent-atlas-building'))).toBe(false);
      expect(second.logged).toEqual(['Removed 2 files an earlier build made and this one did not.']);
      expect((await build(out, ['en/agents/a/index.html'])).kept).toBe(true);

      // Another output folder in between, or a build that failed midway: the folder is emptied.
      await build(path.join(work, 'elsewhere'), ['en/agents/a/index.html']);
      expect((await build(out, ['en/agents/a/index.html'])).kept).toBe(false);
      await build(out, ['en/agents/a/index.html'], false);
      expect((await build(out, ['en/agents/a/index.html'])).kept).toBe(false);
      expect((await build(out, ['en/agents/a/index.html'])).kept).toBe(true);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
