import { contentHash } from '../hash.ts';
import { agentBody } from '../catalog/agent-bodies.ts';
import { ogImagesEnabled } from '../og/card.ts';
import type { AgentEntry } from '../schema.ts';
import type { Locale } from '../locales.ts';
import { homeModel } from '../render/home-model.ts';
import { filterOptions } from '../search/filter-options.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose
 * key and code are unchanged since the last build is copied, not rendered again. Astro hashes
 * the page's code itself; the key must cover every piece of *data* the page shows.
 */

/** The key of a page that shows exactly `inputs` (any JSON-serializable values). */
export function pageCacheKey(...inputs: unknown[]): string {
  return contentHash(JSON.stringify(inputs), 32);
}

/** Adds to each path a key of its props, for pages that show nothing but their props. */
export function keyedByProps<P extends { props: object }>(paths: readonly P[]): Array<P & { cacheKey: string }> {
  return paths.map((p) => ({ ...p, cacheKey: pageCacheKey(p.props) }));
}

/**
 * The key of an agent's page: the agent, its neighbours (their names and links show on it), its
 * body from the published catalog, and whether it carries a preview image. `holder` is where the
 * catalog was published (tests pass their own).
 */
export function agentPageKey(agent: AgentEntry, neighbours: unknown, holder: object = globalThis): string {
  return pageCacheKey(agent, neighbours, agentBody(agent.slug, holder), ogImagesEnabled());
}

/**
 * Keys of the pages that show the whole catalog, one per page kind. Each covers what its page
 * shows and nothing more, so a rebuild after editing an agent's body (which none of them show)
 * copies them instead of laying out and drawing the catalog graph again.
 */
export const catalogPageKeys = {
  /** The home page: its agent rows and coverage counts in the locale. */
  home: (agents: readonly AgentEntry[], locale: Locale) => pageCacheKey(homeModel(agents, locale)),
  /** The search page: its filter options. */
  search: (agents: readonly AgentEntry[]) => pageCacheKey(filterOptions(agents)),
  /** The graph page: every agent's name, collection and hand-offs (its layouts follow from them). */
  graph: (agents: readonly AgentEntry[]) => pageCacheKey(agents.map((a) => [a.slug, a.name, a.collection, a.outgoing])),
};
