import type { AgentEntry, Edge } from '../schema.ts';
import type { GraphAgent } from '../graph/layout.ts';
import { LOCALE_TABLE, type Locale } from '../locales.ts';
import { agentPath, withBase } from './paths.ts';
import { keyedByProps } from './cache-keys.ts';
import { homeModel } from '../render/home-model.ts';
import { filterOptions } from '../search/filter-options.ts';
import { catalogGraphAgents } from '../graph/catalog-graph.ts';

/**
 * `getStaticPaths` data, built in one place: locale × agent. Each page gets only its own agent
 * and the names of its neighbours, never the whole catalog, so page size does not grow with it.
 */

/** A neighbour of an agent, as its page names it (and its graph draws it). */
export type Neighbour = GraphAgent;

/** An agent with what its page shows of the others. */
export interface AgentInContext<A> {
  agent: A;
  /** The edges into it: other agents' outgoing edges to it, in catalog order. */
  incoming: Edge[];
  /** The language of each edge in (its evidence is a sentence of its source's file), by source slug. */
  incomingLangs: Record<string, Locale>;
  /** The agents it hands work to or gets work from. */
  neighbours: Neighbour[];
}

/**
 * Each agent with the edges into it and its neighbours, in catalog order. The content layer
 * stores each edge once, on the agent whose file holds it, so the edges into an agent are found
 * here among the others' outgoing ones, in the order the catalog resolved them.
 */
export function agentsWithNeighbours<A extends Pick<AgentEntry, 'slug' | 'name' | 'collection' | 'sourceLang' | 'outgoing'>>(
  agents: readonly A[],
): Array<AgentInContext<A>> {
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  const incomingOf = new Map<string, Edge[]>();
  for (const agent of agents) {
    for (const e of agent.outgoing) {
      if (e.external || !bySlug.has(e.to)) continue;
      const list = incomingOf.get(e.to);
      if (list) list.push(e);
      else incomingOf.set(e.to, [e]);
    }
  }
  return agents.map((agent) => {
    const incoming = incomingOf.get(agent.slug) ?? [];
    const slugs = new Set([...agent.outgoing.filter((e) => !e.external).map((e) => e.to), ...incoming.map((e) => e.from)]);
    const neighbours: Neighbour[] = [...slugs].map((slug) => ({ slug, name: bySlug.get(slug)?.name ?? slug, collection: bySlug.get(slug)?.collection ?? '' }));
    const incomingLangs = Object.fromEntries(incoming.map((e) => [e.from, bySlug.get(e.from)!.sourceLang]));
    return { agent, incoming, incomingLangs, neighbours };
  });
}

/**
 * Paths of every agent page in every locale, each with its agent, the edges into it and its
 * neighbours. With `cacheKey`, each path carries the key of the data its page shows (see
 * `cache-keys.ts`); it is computed once per agent, not per locale.
 */
export function localizedAgentPaths(agents: readonly AgentEntry[], cacheKey?: (page: AgentInContext<AgentEntry>) => string) {
  const perAgent = agentsWithNeighbours(agents).map((page) => ({ ...page, key: cacheKey?.(page) }));
  return LOCALE_TABLE.flatMap((l) =>
    perAgent.map(({ agent, incoming, incomingLangs, neighbours, key }) => ({
      params: { locale: l.segment, slug: agent.slug },
      props: { agent, locale: l.tag, incoming, incomingLangs, neighbours },
      ...(key === undefined ? {} : { cacheKey: key }),
    })),
  );
}

/** Hrefs and names of an agent's neighbours in a locale. */
export function neighbourLinks(neighbours: ReadonlyArray<{ slug: string; name: string }>, locale: Locale, base: string) {
  return {
    hrefs: Object.fromEntries(neighbours.map((n) => [n.slug, withBase(base, agentPath(locale, n.slug))])),
    names: Object.fromEntries(neighbours.map((n) => [n.slug, n.name])),
  };
}

/**
 * `getStaticPaths` for pages that exist once per locale: each gets its locale and what
 * `propsOf` gives for it, and is keyed by those props (`keyedByProps`), so a rebuild copies it
 * while what it shows is unchanged.
 */
export function localePaths<P extends object>(propsOf: (locale: Locale) => P) {
  return keyedByProps(LOCALE_TABLE.map((l) => ({ params: { locale: l.segment }, props: { locale: l.tag, ...propsOf(l.tag) } })));
}

/**
 * The pages that show the whole catalog, with exactly the data each shows as props: computed
 * once, and a rebuild after an edit to an agent's body (which none of them shows) copies them.
 */
export const catalogPagePaths = {
  /** The home page: its agent rows and coverage counts in the locale. */
  home: (agents: readonly AgentEntry[]) => localePaths((locale) => ({ model: homeModel(agents, locale) })),
  /** The search page: its filter options. */
  search: (agents: readonly AgentEntry[]) => localePaths(() => ({ options: filterOptions(agents) })),
  /** The graph page: every agent's name, collection and hand-offs (its layouts follow from them). */
  graph: (agents: readonly AgentEntry[]) => {
    const graphAgents = catalogGraphAgents(agents);
    return localePaths(() => ({ agents: graphAgents }));
  },
};
