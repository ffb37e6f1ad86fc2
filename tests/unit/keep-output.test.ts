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
  it('are the old files that are no route, public file or managed folder of this build', () => {
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
    expect(staleFiles(files, outputs)).toEqual(['en/agents/gone/index.html', 'raw/gone.md', '_astro/site.OLD.js', 'ogre/index.html']);
  });

  it('are removed at the end of a build, with the folders they leave empty, and the folder is not emptied first', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-keep-output-'));
    try {
      const out = path.join(work, 'out');
      const pub = path.join(work, 'public');
      await mkdir(path.join(out, 'en/agents/gone'), { recursive: true });
      await mkdir(path.join(out, 'en/agents/a'), { recursive: true });
      await mkdir(pub, { recursive: true });
      await writeFile(path.join(out, 'en/agents/gone/index.html'), 'old');
      await writeFile(path.join(out, 'en/agents/a/index.html'), 'kept');
      await writeFile(path.join(pub, 'favicon.svg'), '<svg/>');
      const past = new Date(Date.now() - 60_000);
      await utimes(path.join(out, 'en/agents/gone/index.html'), past, past);
      await utimes(path.join(out, 'en/agents/a/index.html'), past, past);

      const integration = keepOutput({ managed: ['pagefind'] });
      const hooks = integration.hooks as Record<string, (o: unknown) => unknown>;
      let viteConfig: unknown;
      await hooks['astro:config:setup']({ command: 'build', updateConfig: (c: unknown) => (viteConfig = c) });
      expect(viteConfig).toEqual({ vite: { build: { emptyOutDir: false } } });
      await hooks['astro:config:done']({ config: { publicDir: pathToFileURL(`${pub}/`) } });
      const logged: string[] = [];
      await hooks['astro:build:done']({
        dir: pathToFileURL(`${out}/`),
        assets: new Map([['/en/agents/[slug]', [pathToFileURL(path.join(out, 'en/agents/a/index.html'))]]]),
        logger: { info: (m: string) => logged.push(m) },
      });
      expect(existsSync(path.join(out, 'en/agents/a/index.html'))).toBe(true);
      expect(existsSync(path.join(out, 'en/agents/gone'))).toBe(false);
      expect(logged).toEqual(['Removed 1 file an earlier build made and this one did not.']);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
