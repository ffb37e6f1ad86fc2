import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/routing/sitemap.ts';
import { withBase } from '../lib/routing/paths.ts';

/**
 * `robots.txt` naming the sitemap. Crawlers read it only at a host's root, so under a base path
 * (a GitHub Pages project site) it is informative; the sitemap can be submitted directly.
 */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(new URL(withBase(import.meta.env.BASE_URL, '/sitemap.xml'), site ?? 'http://localhost:4321').href), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
