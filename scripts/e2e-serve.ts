/**
 * Builds the end-to-end fixture site under the base path and serves it (Playwright's webServer).
 * Set E2E_SKIP_BUILD=1 to serve an existing build.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serveStatic } from './serve-static.ts';

const port = Number(process.env.E2E_PORT ?? 4329);
const basePath = process.env.BASE_PATH ?? '/agent-atlas/';
const outDir = path.resolve(process.env.E2E_OUT_DIR ?? 'dist-e2e');
if (!process.env.E2E_SKIP_BUILD) {
  execFileSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      AGENTS_DIR: path.resolve('tests/fixtures/e2e-agents'),
      BASE_PATH: basePath,
      SITE_URL: `http://127.0.0.1:${port}`,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: path.join(outDir, '..', `.astro-cache-${path.basename(outDir)}`),
      // A small catalog in several search index parts, so the search tests cover the browser
      // merging them (a large catalog's case); the corpus check builds one-part indexes.
      SEARCH_PAGES_PER_PART: process.env.SEARCH_PAGES_PER_PART ?? '9',
    },
  });
}
await serveStatic(outDir, port, basePath);
console.log(`Serving ${outDir} at http://127.0.0.1:${port}${basePath}`);
