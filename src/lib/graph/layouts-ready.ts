import { processSlot } from '../process-slot.ts';

/**
 * The graph layouts of a build are computed on worker threads (`prewarm.ts`) while Astro stores
 * the content and bundles the pages; the pages that draw graphs wait for them here before
 * rendering, rather than the content loader waiting (which kept the bundler from starting) or
 * the pages laying out the same graphs a second time on the main thread.
 */

const slot = (holder: object) => processSlot<{ pending?: Promise<unknown> }>(holder, 'graph-layouts', () => ({}));

/** Says that the layouts are being computed; `pending` settles when they are in the cache. */
export function setGraphLayoutsPending(pending: Promise<unknown>, holder: object = globalThis): void {
  slot(holder).pending = pending;
}

/**
 * Resolves when the layouts started by the content loader are in the cache (at once when none
 * were started, as in `astro dev` before a sync; a failed prewarm resolves too, and the pages
 * then lay out what is missing themselves).
 */
export async function graphLayoutsReady(holder: object = globalThis): Promise<void> {
  await slot(holder).pending?.catch(() => undefined);
}
