import { processSlot } from '../process-slot.ts';

/**
 * The graph layouts of a build are computed on worker threads (`prewarm.ts`) while Astro stores
 * the content and bundles the pages; the pages that draw graphs wait for them here before
 * rendering, rather than the content loader waiting (which kept the bundler from starting) or
 * the pages laying out the same graphs a second time on the main thread. An agent page waits
 * for the agent pages' graphs only, which come first: not for the graph page's big collection
 * graphs, which take most of the layout time.
 */

/** The layouts under way: each settles when its graphs are in the cache. */
export interface PendingLayouts {
  /** The agent pages' neighbourhood graphs. */
  agentPages: Promise<unknown>;
  /** Every graph (the graph page's too). */
  all: Promise<unknown>;
}

const slot = (holder: object) => processSlot<{ pending?: PendingLayouts }>(holder, 'graph-layouts', () => ({}));

/** Says that the layouts are being computed. */
export function setGraphLayoutsPending(pending: PendingLayouts, holder: object = globalThis): void {
  slot(holder).pending = pending;
}

/**
 * Resolves when every layout started by the content loader is in the cache (at once when none
 * were started, as in `astro dev` before a sync; a failed prewarm resolves too, and the pages
 * then lay out what is missing themselves).
 */
export async function graphLayoutsReady(holder: object = globalThis): Promise<void> {
  await slot(holder).pending?.all.catch(() => undefined);
}

/** Like {@link graphLayoutsReady}, for the agent pages' graphs only. */
export async function agentGraphLayoutsReady(holder: object = globalThis): Promise<void> {
  await slot(holder).pending?.agentPages.catch(() => undefined);
}
