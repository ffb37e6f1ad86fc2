import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestSearchIndex, takePendingSearchIndex } from '../lib/search/index-request.ts';

/**
 * The search index integration. For `astro build` it asks the agents content loader to start
 * the index as soon as the catalog exists (`lib/search/site-index.ts`: Pagefind indexes the
 * pages that changed in its own process while the pages render; the others come from
 * the cache), and when the build is done it places the parts in `<outDir>/pagefind/`.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'agent-atlas-search-index',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command === 'build') requestSearchIndex(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pending = takePendingSearchIndex();
        if (!pending) {
          // The output folder is kept between builds: an earlier index would find removed agents.
          await rm(path.join(fileURLToPath(dir), 'pagefind'), { recursive: true, force: true });
          logger.warn('No search index was built: the catalog has no agents (or the `agents` collection is missing from src/content.config.ts).');
          return;
        }
        const started = performance.now();
        const { pagesIndexed, overlays, ms } = await pending.write(fileURLToPath(dir));
        const { parts, pages, servedPages } = pending;
        const how = pagesIndexed === 0 ? 'unchanged, from the cache' : `${pagesIndexed === pages ? 'all' : pagesIndexed} ${pagesIndexed === 1 ? 'record' : 'records'} indexed beside the pages`;
        const split = `${parts} ${parts === 1 ? 'part' : 'parts'}${overlays ? `, ${overlays} with an overlay of changed agents` : ''}`;
        const after = Math.round(performance.now() - started);
        logger.info(`Search index: ${pages} records for ${servedPages} agent pages in 3 languages, ${split}; ${how} (${ms} ms; ${after} ms after the pages).`);
      },
    },
  };
}
