import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { graphApi } from '../../lib/render/api-model.ts';

/** The collaboration graph: nodes (agents and external names) and edges with their evidence. */
export const GET: APIRoute = async () => {
  const graph = graphApi((await getCollection('agents')).map((e) => e.data));
  // Compact, like agents.json: tools read it, and indenting costs time and size with every agent.
  return new Response(JSON.stringify(graph), { headers: { 'Content-Type': 'application/json' } });
};
