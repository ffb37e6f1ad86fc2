import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { AgentSchema } from './lib/schema.ts';
import { agentsLoader, redirectsLoader } from './loaders/agents-loader.ts';

/** Agents from `AGENTS_DIR` (default `agents/`), validated against the one agent schema. */
const agents = defineCollection({ loader: agentsLoader(), schema: AgentSchema });

/** Old slugs (from `agents/redirects` and `aliases`) and the agents they lead to. */
const redirects = defineCollection({
  loader: redirectsLoader(),
  schema: z.object({ from: z.string(), to: z.string(), source: z.string() }),
});

export const collections = { agents, redirects };
