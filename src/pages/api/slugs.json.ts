import type { APIRoute } from 'astro';
import { redirectsOf } from '../../lib/routing/redirects.ts';
import { getCollection } from 'astro:content';
import { slugList } from '../../lib/routing/suggest.ts';

/** The compact list the 404 page ranks its suggestions from: slugs, names, titles, old slugs. */
export const GET: APIRoute = async () => {
  const agents = (await getCollection('agents')).map((e) => e.data).sort((a, b) => a.slug.localeCompare(b.slug));
  const redirects = redirectsOf(agents);
  return new Response(JSON.stringify(slugList(agents, redirects)), { headers: { 'Content-Type': 'application/json' } });
};
