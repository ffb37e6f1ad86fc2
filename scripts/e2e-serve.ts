/**
 * Builds the end-to-end fixture site under the base path and serves it (Playwright's webServer).
 * Set E2E_SKIP_BUILD=1 to serve an existing build.
 *
 * The site is built twice: first from a copy of the fixture in which one agent has an extra
 * paragraph (`E2E_EDIT`), then from the fixture itself. So the served site is a rebuild after an
 * edit, as a team's site usually is: the tests cover the incremental build's kept pages and the
 * search index's overlay (the edited agent's pages indexed apart; their old versions hidden).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveStatic } from './serve-static.ts';
import { E2E_EDIT } from '../tests/e2e/fixture-edit.ts';

const port = Number(process.env.E2E_PORT ?? 4329);
const basePath = process.env.BASE_PATH ?? '/agent-atlas/';
const outDir = path.resolve(process.env.E2E_OUT_DIR ?? 'dist-e2e');
const fixture = path.resolve('tests/fixtures/e2e-agents');
// Its own caches, with the search index's emptied: the first build makes the parts the second
// one overlays, whatever earlier runs left.
const cacheDir = path.resolve('node_modules', '.cache', `agent-atlas-e2e-${port}`);

function build(agentsDir: string): void {
  execFileSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      AGENTS_DIR: agentsDir,
      BASE_PATH: basePath,
      SITE_URL: `http://127.0.0.1:${port}`,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: path.join(outDir, '..', `.astro-cache-${path.basename(outDir)}`),
      AGENT_ATLAS_CACHE_DIR: cacheDir,
      // A small catalog in several search index parts, so the search tests cover the browser
      // merging them (a large catalog's case); the corpus check builds one-part indexes.
      SEARCH_PAGES_PER_PART: process.env.SEARCH_PAGES_PER_PART ?? '9',
    },
  });
}

if (!process.env.E2E_SKIP_BUILD) {
  rmSync(path.join(cacheDir, 'search'), { recursive: true, force: true });
  const before = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-before-'));
  try {
    cpSync(fixture, before, { recursive: true });
    appendFileSync(path.join(before, E2E_EDIT.file), E2E_EDIT.text);
    build(before);
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
  build(fixture);
}
await serveStatic(outDir, port, basePath);
console.log(`Serving ${outDir} at http://127.0.0.1:${port}${basePath}`);
