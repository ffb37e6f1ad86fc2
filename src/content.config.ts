import { defineCollection } from 'astro:content';
import { AgentSchema } from './lib/schema.ts';
import { agentsLoader } from './loaders/agents-loader.ts';

/** Agents from `AGENTS_DIR` (default `agents/`), validated against the one agent schema. */
const agents = defineCollection({ loader: agentsLoader(), schema: AgentSchema });

export const collections = { agents };
