import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { graphApi } from '../../lib/render/api-model.ts';

/** The collaboration graph: nodes (agents and external names) and edges with their evidence. */
export const GET: APIRoute = async () => {
  const graph = graphApi((await getCollection('agents')).map((e) => e.data));
  return new Response(JSON.stringify(graph, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
