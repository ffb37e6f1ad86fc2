import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sectionsFromPageFiles, sitemapEntries, sitemapXml } from '../lib/routing/sitemap.ts';

/** Per-locale pages besides home and agents (graph, search…), found from the page files. */
const sectionFiles = Object.keys(import.meta.glob('./\\[locale\\]/*.astro'));

/** `sitemap.xml`, every localized page with its hreflang alternates. */
export const GET: APIRoute = async ({ site }) => {
  const slugs = (await getCollection('agents')).map((e) => e.data.slug).sort();
  const entries = sitemapEntries(slugs, sectionsFromPageFiles(sectionFiles), import.meta.env.BASE_URL, site ?? new URL('http://localhost:4321'));
  return new Response(sitemapXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
