import type { AstroIntegration } from 'astro';
import type { DrawnJobs } from '../lib/og/pool.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Preview images (Open Graph / Twitter) for every agent page, at `/og/<hash of the card>.png`:
 * one per distinct card, so the locale pages that show the same content share one image (the
 * page's `ogImageMeta` and this integration's `ogJobs` name it with the same function).
 * Drawing starts when the build starts, in worker threads beside Astro's own work, and the
 * images are linked (or copied) into the output when the pages are done: the output's `og/` folder, kept
 * between builds, is brought to exactly this build's images. Images are cached by content hash
 * in `node_modules/.cache/agent-atlas/og/`, so a rebuild whose cache is kept draws only the cards
 * whose text changed. `OG_IMAGES=0` turns them off (the pages then carry no `og:image`, and the
 * output's `og/` folder is emptied). In `astro dev`, the same URLs are drawn on request.
 *
 * Heavy modules are imported inside the hooks, so loading the Astro config stays quick.
 */

async function catalogJobs(fresh = false) {
  const [{ currentCatalog }, { useTranslations }, { ogJobs }] = await Promise.all([
    import('../loaders/catalog-run.ts'),
    import('../lib/i18n/ui.ts'),
    import('../lib/og/card.ts'),
  ]);
  return ogJobs((await currentCatalog({ fresh })).agents, useTranslations);
}

async function ogCacheDir(): Promise<string> {
  const { defaultCacheDir } = await import('../lib/catalog/file-cache.ts');
  return path.join(defaultCacheDir(), 'og');
}

/** The integration; add it to `integrations` in astro.config.mjs. */
export default function ogImages(): AstroIntegration {
  // Unset when images are off (OG_IMAGES=0).
  let drawing: Promise<{ drawn?: DrawnJobs; error?: unknown }> | undefined;
  let base = '/';
  return {
    name: 'agent-atlas:og-images',
    hooks: {
      // Started with the build (after catalogStart's hook, which starts the catalog), so the
      // images are drawn from the moment the catalog exists, beside the content layer and the
      // bundling.
      'astro:config:setup': async ({ command, config, logger }) => {
        base = config.base;
        if (command !== 'build') return;
        const { ogImagesEnabled } = await import('../lib/og/card.ts');
        if (!ogImagesEnabled()) {
          logger.info('OG_IMAGES=0: no preview images.');
          return;
        }
        // Not awaited: the drawing runs in worker threads while Astro builds the pages. Errors are
        // kept and thrown at the end, so none goes unhandled.
        drawing = (async () => {
          const [jobs, { drawMissing }, cacheDir] = await Promise.all([catalogJobs(), import('../lib/og/pool.ts'), ogCacheDir()]);
          return { drawn: await drawMissing(jobs, { cacheDir }) };
        })().catch((error: unknown) => ({ error }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!drawing) {
          // Images off: the pages point at none, so the kept output folder should hold none either.
          const [{ placeImages }, { OG_FOLDER }] = await Promise.all([import('../lib/og/output.ts'), import('../lib/og/card.ts')]);
          const { removed } = await placeImages(new Map(), path.join(outDir, OG_FOLDER));
          if (removed) logger.info(`OG_IMAGES=0: removed ${removed} preview image${removed === 1 ? '' : 's'} of an earlier build.`);
          return;
        }
        const { drawn, error } = await drawing;
        if (error || !drawn) throw error;
        const { placeDrawnImages } = await import('../lib/og/pool.ts');
        const stats = await placeDrawnImages(drawn, { cacheDir: await ogCacheDir(), outDir });
        // `scripts/bench.ts` reads the first sentence: keep its shape.
        logger.info(
          `${stats.images} preview images: ${stats.drawn} drawn${stats.drawn ? ` with ${stats.workers} threads` : ''}, ${stats.cached} from cache (${stats.ms} ms). ` +
            `Output: ${stats.placed} placed from the cache, ${stats.kept} already there, ${stats.removed} of earlier builds removed.`,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(async (req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          const prefix = `${base.replace(/\/$/, '')}/og/`;
          if (!url.pathname.startsWith(prefix) || !url.pathname.endsWith('.png')) return next();
          try {
            // Built per request, so an edited agent shows at once; the file cache keeps it quick.
            const out = decodeURIComponent(url.pathname.slice(prefix.length - 3));
            const job = (await catalogJobs(true)).find((j) => j.out === out);
            if (!job) return next();
            const [{ cardPng }, { loadFonts, fontRequests, fontChunks }, { cardTexts, drawableCard }] = await Promise.all([
              import('../lib/og/render.ts'),
              import('../lib/og/fonts.ts'),
              import('../lib/og/layout.ts'),
            ]);
            const fonts = await loadFonts(fontRequests(cardTexts(drawableCard(job.card)), fontChunks()));
            res.setHeader('Content-Type', 'image/png');
            res.end(Buffer.from(await cardPng(job.card, fonts)));
          } catch (error) {
            logger.error(`Preview image ${url.pathname}: ${String(error)}`);
            next(error);
          }
        });
      },
    },
  };
}
