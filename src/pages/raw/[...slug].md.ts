import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { agentBody } from '../../lib/catalog/agent-bodies.ts';
import { pageCacheKey } from '../../lib/routing/cache-keys.ts';

/** The agent file as written, for the copy and download buttons and the install command. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await getCollection('agents')).map((e) => ({ params: { slug: e.data.slug }, props: { slug: e.data.slug }, cacheKey: pageCacheKey(agentBody(e.data.slug).raw) }));

export const GET: APIRoute = ({ props }) =>
  new Response(agentBody(props.slug as string).raw, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
