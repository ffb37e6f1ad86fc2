import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes each agent's file text to `<outDir>/raw/<slug>.md` when the pages are done, and keeps
 * that folder exactly the current agents' files (`lib/output/raw-files.ts`); the dev server
 * serves the same URLs from a fresh catalog. Put `raw` among keepOutput's managed folders.
 */
export default function rawFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'agent-atlas:raw-files',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const [{ startedCatalog }, { publishedAgents }, { placeTexts }, { rawTargets, RAW_FOLDER }] = await Promise.all([
          import('../loaders/catalog-run.ts'),
          import('../lib/catalog/agent-bodies.ts'),
          import('../lib/output/exact-folder.ts'),
          import('../lib/output/raw-files.ts'),
        ]);
        // The catalog this build started with its config, else the one the content loader published.
        const agents = (await startedCatalog())?.agents ?? publishedAgents();
        if (!agents) throw new Error('The raw agent files need the catalog of this build, and none was made: is the `agents` collection in src/content.config.ts?');
        const outDir = fileURLToPath(dir);
        const stats = await placeTexts(rawTargets(agents, outDir), path.join(outDir, RAW_FOLDER));
        logger.info(`${agents.length} raw agent files: ${stats.written} written, ${stats.kept} unchanged, ${stats.removed} of earlier builds removed.`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(async (req, res, next) => {
          const { rawSlugOf } = await import('../lib/output/raw-files.ts');
          const slug = rawSlugOf(new URL(req.url ?? '/', 'http://localhost').pathname, base);
          if (slug === undefined) return next();
          try {
            // A fresh catalog per request, so an edited agent shows at once; the per-file cache keeps it quick.
            const [{ buildCatalog }, { agentsDir }] = await Promise.all([import('../lib/catalog/build-catalog.ts'), import('../loaders/catalog-run.ts')]);
            const agent = (await buildCatalog({ agentsDir: agentsDir() })).agents.find((a) => a.slug === slug);
            if (!agent) return next();
            res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
            res.end(agent.raw);
          } catch (error) {
            logger.error(`Raw agent file ${slug}: ${String(error)}`);
            next(error);
          }
        });
      },
    },
  };
}
