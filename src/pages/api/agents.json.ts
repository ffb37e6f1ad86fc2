import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { agentApiEntry } from '../../lib/render/api-model.ts';
import { agentBody } from '../../lib/catalog/agent-bodies.ts';

/** The machine-readable catalog: one entry per agent. */
export const GET: APIRoute = async ({ site }) => {
  const base = new URL(import.meta.env.BASE_URL, site ?? 'http://localhost:4321').href;
  const agents = (await getCollection('agents')).map((e) => agentApiEntry(e.data, agentBody(e.data.slug), base));
  return new Response(JSON.stringify({ agents }, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
