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
        const [{ currentCatalog }, { placeTexts }, { rawTargets, RAW_FOLDER }] = await Promise.all([
          import('../loaders/catalog-run.ts'),
          import('../lib/output/exact-folder.ts'),
          import('../lib/output/raw-files.ts'),
        ]);
        const { agents } = await currentCatalog();
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
            const { currentCatalog } = await import('../loaders/catalog-run.ts');
            const agent = (await currentCatalog({ fresh: true })).agents.find((a) => a.slug === slug);
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
