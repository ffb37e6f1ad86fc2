// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import searchIndex from './src/integrations/search-index.ts';
import ogImages from './src/integrations/og-images.ts';
import keepOutput from './src/integrations/keep-output.ts';
import catalogStart from './src/integrations/catalog-start.ts';
import rawFiles from './src/integrations/raw-files.ts';

/**
 * Hosting settings come from the environment so one build command serves every host:
 * SITE_URL (absolute origin, used for canonical links, sitemap and install commands) and
 * BASE_PATH (e.g. /agent-atlas/ for GitHub Pages project sites).
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
// OUT_DIR lets the tests and the benchmark build elsewhere without touching dist/.
const outDir = process.env.OUT_DIR ?? './dist';
// Separate caches let several builds (tests, benchmark) run side by side.
const cacheDir = process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  output: 'static',
  trailingSlash: 'always',
  // Four pages at a time: one renders while the others' files are written (measured at 4,011
  // pages: render 20 → 15.5 s; 8 is no quicker).
  build: { format: 'directory', concurrency: 4 },
  // The output folder is kept between builds; keepOutput removes what a build no longer makes
  // (the search index, the preview images and the raw agent files keep their own folders
  // exact). catalogStart starts reading the agents while Astro starts up (after searchIndex,
  // whose request it reads; before ogImages and rawFiles, which use its catalog).
  integrations: [mdx(), searchIndex(), catalogStart(), ogImages(), rawFiles(), keepOutput({ managed: ['pagefind', 'og', 'raw'] })],
  devToolbar: { enabled: false },
  // A rebuild copies the pages whose data (their `cacheKey`, see src/lib/routing/cache-keys.ts)
  // and code are unchanged instead of rendering them again: editing one agent re-renders its
  // pages, not the other thousands. With the output folder kept (keepOutput), an unchanged page
  // stays where it is; the copies in cacheDir restore it when it is missing. `astro build --force`
  // ignores them.
  experimental: { incrementalBuild: true },
  // Agent bodies are rendered by src/lib/render (never through Astro's markdown pipeline);
  // Shiki's inline styles would also clash with the content security policy.
  markdown: { syntaxHighlight: false },
  // Content security policy (a <meta> on every page): only the site's own hashed scripts and
  // styles run; agent files are untrusted. Pagefind search needs WebAssembly
  // ('wasm-unsafe-eval') and fetches its index (connect-src 'self'). No external origin.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Inline style attributes (bar widths, graph sizes) cannot run code; <style> elements are hashed.
      styleDirective: { resources: [{ resource: "'self'", kind: 'element' }, { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
});
