import { contentHash } from '../hash.ts';
import { agentBodyKey } from '../catalog/agent-bodies.ts';
import { ogImagesEnabled } from '../og/card.ts';
import type { AgentEntry } from '../schema.ts';
import type { AgentInContext } from './static-paths.ts';

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
 * The key of an agent's page: the agent, the edges into it (with their languages) and its
 * neighbours (their names and links show on it), its body (by the published catalog's key of
 * it, see `agentBodyKey`), and whether it carries a preview image. `holder` is where the catalog
 * was published (tests pass their own).
 */
export function agentPageKey({ agent, incoming, incomingLangs, neighbours }: AgentInContext<AgentEntry>, holder: object = globalThis): string {
  return pageCacheKey(agent, incoming, incomingLangs, neighbours, agentBodyKey(agent.slug, holder), ogImagesEnabled());
}

