import type { AstroIntegration } from 'astro';

/**
 * Starts the catalog as soon as `astro build` has its config, so reading and processing the
 * agent files (on worker threads when many changed) overlaps Astro's own start-up; the content
 * loader takes the run under way (`loaders/catalog-run.ts`). Put it after the search index
 * integration, whose request the run reads once the catalog exists.
 */
export default function catalogStart(): AstroIntegration {
  return {
    name: 'agent-atlas-catalog',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const { startCatalogEarly } = await import('../loaders/catalog-run.ts');
        startCatalogEarly(logger);
      },
    },
  };
}
