import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { AgentEntrySchema } from '../lib/schema.ts';
import type { Catalog } from '../lib/catalog/build-catalog.ts';
import { publishAgents, splitAgent } from '../lib/catalog/agent-bodies.ts';
import { runCatalog, startedCatalog } from './catalog-run.ts';

/**
 * The content layer's view of the catalog: one entry per agent, from one catalog build per
 * process (`catalog-run.ts`; in `astro build` already under way when the loader runs). Old
 * slugs (redirects) travel on the agents as `aliases`.
 */

let pending: Promise<Catalog> | undefined;

/** The entry schema as JSON Schema: part of each entry's digest. */
const SCHEMA_FINGERPRINT = JSON.stringify(z.toJSONSchema(AgentEntrySchema, { unrepresentable: 'any' }));

async function catalogOnce(logger: LoaderContext['logger']): Promise<Catalog> {
  pending ??= startedCatalog() ?? runCatalog(logger);
  return pending;
}

/** Loader of the `agents` collection: one entry per agent, keyed by slug. */
export function agentsLoader(): Loader {
  return {
    name: 'agent-atlas-agents',
    load: async ({ store, logger, parseData, generateDigest }) => {
      const catalog = await catalogOnce(logger);
      // The store is kept between builds: while it holds the same agents in the same order,
      // unchanged ones stay as they are (not validated and stored again: a rebuild after one
      // edit touches one entry). An agent added, removed or moved refills it, so the collection
      // is always in catalog order, as after a build from nothing.
      const ids = [...store.keys()];
      if (ids.length !== catalog.agents.length || catalog.agents.some((a, i) => ids[i] !== a.slug)) store.clear();
      for (const agent of catalog.agents) {
        const { entry } = splitAgent(agent);
        // The digest covers the whole entry and the schema: a changed pipeline (same file, new
        // output) or schema (new defaults) must replace the stored entry, not only a changed file.
        const digest = generateDigest(`${SCHEMA_FINGERPRINT}\0${JSON.stringify(entry)}`);
        if (store.get(agent.slug)?.digest === digest) continue;
        const data = await parseData({ id: agent.slug, data: entry as unknown as Record<string, unknown> });
        store.set({ id: agent.slug, data, digest });
      }
      // The bodies stay out of the store; the pages find them in the published catalog.
      publishAgents(catalog.agents, globalThis, catalog.fileKeys);
    },
  };
}

