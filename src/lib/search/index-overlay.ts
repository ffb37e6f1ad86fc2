import { contentHash } from '../hash.ts';
import { mergeSectionMaps } from './index-parts.ts';
import type { SearchPage } from './records.ts';
import type { PageEntry } from './section-map.ts';

/**
 * Overlays: how a rebuild after a small edit avoids re-indexing a whole part. Pagefind cannot
 * update an index, and re-indexing a part of a thousand pages took 5–10 s beside the pages of a
 * rebuild after one edit. Instead, the part indexed last time (its *base*) is kept as it is, and
 * only the changed agents' pages are indexed into a small extra bundle (the *overlay*) that the
 * browser merges like any part. The base's pages of those agents are hidden: left out of the
 * section maps, and listed so the browser drops them from Pagefind's results. Once a part has
 * drifted too far from its base, it is indexed whole again and becomes the next base.
 */

/** What a complete part's cache records about itself (its `<key>.done` file). */
export interface PartManifest {
  /** The part's slot (`partOf`) and the number of parts it was one of. */
  slot: number;
  of: number;
  /** Each agent's slug → hash of its pages in the part. */
  agents: Record<string, string>;
}

/** A base to overlay, and how the part differs from it. */
export interface OverlayPlan {
  /** Cache key of the base part. */
  base: string;
  /** Agents new or changed since the base: their pages go to the overlay. */
  changed: string[];
  /** Agents of the base that are gone from the part. */
  removed: string[];
}

/**
 * Agents an overlay may differ from its base in at most: a twentieth of its part (at least one).
 * Past that, indexing the part whole costs little more and the browser loads less.
 */
export function overlayLimit(agentsInPart: number): number {
  return Math.max(1, Math.ceil(agentsInPart / 20));
}

/** The hash of each agent's pages (URL and HTML), by slug: an agent changed if its hash did. */
export function agentHashes(pages: readonly SearchPage[]): Record<string, string> {
  const texts = new Map<string, string[]>();
  for (const p of pages) {
    const list = texts.get(p.slug);
    if (list) list.push(p.url, p.html);
    else texts.set(p.slug, [p.url, p.html]);
  }
  return Object.fromEntries([...texts].map(([slug, parts]) => [slug, contentHash(parts.join('\0'), 24)]));
}

/**
 * Picks the base for a part from the complete parts in the cache: one of the same slot and part
 * count that differs from the part in the fewest agents, at most `limit`. Undefined when there
 * is none (the part is then indexed whole).
 */
export function planOverlay(
  part: Pick<PartManifest, 'slot' | 'of' | 'agents'>,
  candidates: ReadonlyArray<{ key: string; manifest: PartManifest }>,
  limit = overlayLimit(Object.keys(part.agents).length),
): OverlayPlan | undefined {
  let best: OverlayPlan | undefined;
  for (const { key, manifest } of candidates) {
    if (manifest.slot !== part.slot || manifest.of !== part.of) continue;
    const changed = Object.keys(part.agents).filter((slug) => manifest.agents[slug] !== part.agents[slug]);
    const removed = Object.keys(manifest.agents).filter((slug) => !(slug in part.agents));
    const size = changed.length + removed.length;
    if (size > limit || (best && size >= best.changed.length + best.removed.length)) continue;
    best = { base: key, changed, removed };
  }
  return best;
}

/**
 * Section maps with an overlay applied: the base's entries of changed or removed agents go,
 * the overlay's come in. Also returns the page ids the browser must drop from results (the
 * base's pages that went, unless the overlay has the same page again: an unchanged page keeps
 * its id).
 */
export function applyOverlay(
  base: ReadonlyMap<string, Readonly<Record<string, PageEntry>>>,
  overlay: ReadonlyMap<string, Readonly<Record<string, PageEntry>>>,
  plan: Pick<OverlayPlan, 'changed' | 'removed'>,
): { maps: Map<string, Record<string, PageEntry>>; hidden: string[] } {
  const gone = new Set([...plan.changed, ...plan.removed]);
  const kept = new Set([...overlay.values()].flatMap((m) => Object.keys(m)));
  const maps = new Map<string, Record<string, PageEntry>>();
  // A set: a page indexed once for two locales is in both of their maps.
  const hidden = new Set<string>();
  for (const [name, map] of base) {
    const out: Record<string, PageEntry> = {};
    for (const [id, entry] of Object.entries(map)) {
      if (!gone.has(entry[6])) out[id] = entry;
      else if (!kept.has(id)) hidden.add(id);
    }
    maps.set(name, out);
  }
  for (const [name, map] of overlay) maps.set(name, mergeSectionMaps([maps.get(name) ?? {}, map]));
  return { maps, hidden: [...hidden] };
}
