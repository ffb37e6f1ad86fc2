import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { LOCALE_TABLE, type Locale } from '../../lib/locales.ts';
import { buildSearchRecord } from '../../lib/search/records.ts';

/**
 * The search records of one locale, rendered from the agent data during the build. The search
 * index integration (`src/integrations/search-index.ts`) indexes them and deletes the files.
 */

export const getStaticPaths = (() => LOCALE_TABLE.map((l) => ({ params: { locale: l.segment }, props: { locale: l.tag } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const locale = (props as { locale: Locale }).locale;
  const agents = (await getCollection('agents')).map((e) => e.data);
  const base = import.meta.env.BASE_URL;
  return new Response(JSON.stringify(agents.map((a) => buildSearchRecord(a, locale, base))), {
    headers: { 'Content-Type': 'application/json' },
  });
};
