import type { AgentEntry } from '../schema.ts';
import { LOCALE_TABLE, type Locale } from '../locales.ts';
import { agentPath, withBase } from './paths.ts';

/**
 * `getStaticPaths` data, built in one place: locale × agent. Each page gets only its own agent
 * and the names of its neighbours, never the whole catalog, so page size does not grow with it.
 */

/** Paths of every agent page in every locale. */
export function localizedAgentPaths(agents: readonly AgentEntry[]) {
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  return LOCALE_TABLE.flatMap((l) =>
    agents.map((agent) => {
      const slugs = new Set([...agent.outgoing.filter((e) => !e.external).map((e) => e.to), ...agent.incoming.map((e) => e.from)]);
      const neighbours = [...slugs].map((slug) => ({ slug, name: bySlug.get(slug)?.name ?? slug, collection: bySlug.get(slug)?.collection ?? '' }));
      return { params: { locale: l.segment, slug: agent.slug }, props: { agent, locale: l.tag, neighbours } };
    }),
  );
}

/** Hrefs and names of an agent's neighbours in a locale. */
export function neighbourLinks(neighbours: ReadonlyArray<{ slug: string; name: string }>, locale: Locale, base: string) {
  return {
    hrefs: Object.fromEntries(neighbours.map((n) => [n.slug, withBase(base, agentPath(locale, n.slug))])),
    names: Object.fromEntries(neighbours.map((n) => [n.slug, n.name])),
  };
}

/** `getStaticPaths` for pages that exist once per locale. */
export function localePaths() {
  return LOCALE_TABLE.map((l) => ({ params: { locale: l.segment }, props: { locale: l.tag } }));
}
