import { defineCollection } from 'astro:content';
import { AgentEntrySchema } from './lib/schema.ts';
import { agentsLoader } from './loaders/agents-loader.ts';

/** Agents from `AGENTS_DIR` (default `agents/`), validated against the agent schema (without the bodies, see `catalog/agent-bodies.ts`). */
const agents = defineCollection({ loader: agentsLoader(), schema: AgentEntrySchema });

export const collections = { agents };
