import { processSlot } from '../process-slot.ts';
import type { PendingSearchIndex } from './site-index.ts';

export type { PendingSearchIndex };

/**
 * The hand-over of the search index between the integration and the content loader: the
 * integration says a build wants one (with its base path), the loader starts it once the catalog
 * exists, and the integration takes it at the end of the build to write it.
 */

interface Registry {
  /** Set by the integration for `astro build`: the site's base path. */
  base?: string;
  pending?: PendingSearchIndex;
}

const registry = (holder: object) => processSlot<Registry>(holder, 'search-index', () => ({}));

/**
 * Says that this process builds a site with base path `base`, so the content loader should
 * start the search index. The integration and the loader are different module instances in
 * one process, hence a process slot.
 */
export function requestSearchIndex(base: string, holder: object = globalThis): void {
  registry(holder).base = base;
}

/** The base path when a search index was requested for this process, else undefined. */
export function searchIndexRequest(holder: object = globalThis): { base: string } | undefined {
  const { base } = registry(holder);
  return base === undefined ? undefined : { base };
}

/** Hands a started index to the end of the build (the loader runs once per build). */
export function setPendingSearchIndex(pending: PendingSearchIndex, holder: object = globalThis): void {
  registry(holder).pending = pending;
}

/** Takes the started index, if any (once). */
export function takePendingSearchIndex(holder: object = globalThis): PendingSearchIndex | undefined {
  const r = registry(holder);
  const { pending } = r;
  r.pending = undefined;
  return pending;
}
