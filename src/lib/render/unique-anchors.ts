import type { LocalizedContent, Item } from '../schema.ts';
import { PAGE_SECTION_IDS } from '../ids.ts';

/**
 * An agent page shows some things twice: a responsibility made from a sub-heading, or a checklist
 * item, appears in the extracted lists *and* in the full definition below, both carrying the same
 * source-derived id. Ids must be unique in a page, so the extracted item keeps the id (a shared
 * link lands on the responsibility or checklist item) and the copy in the definition gets a
 * prefixed id, which is just as stable and the same in every locale.
 */

/** Prefix of an anchor of the full definition whose plain id an extracted item took. */
export const DEFINITION_PREFIX = 'def-';

function itemIds(items: readonly Item[]): string[] {
  return items.flatMap((i) => [i.id, ...itemIds(i.children)]);
}

/** Ids the page renders outside the definition: fixed sections, items and checklists. */
export function extractedIds(content: Pick<LocalizedContent, 'responsibilities' | 'checklists'>): Set<string> {
  return new Set([
    ...Object.values(PAGE_SECTION_IDS),
    ...itemIds(content.responsibilities),
    ...content.checklists.flatMap((c) => [`checklist-${c.id}`, ...itemIds(c.items)]),
  ]);
}

/**
 * Renames the ids of `html` that are in `taken` to `def-<id>` (or `def-<id>-2`… should that be
 * taken too). Only `id` attributes of start tags are touched; the sanitized HTML quotes them.
 * @example uniqueDefinitionIds('<h3 id="a">A</h3>', new Set(['a'])) // '<h3 id="def-a">A</h3>'
 */
export function uniqueDefinitionIds(html: string, taken: ReadonlySet<string>): string {
  const present = new Set([...html.matchAll(/<[a-z][a-z0-9]*\b[^>]*?\sid="([^"]*)"/gi)].map((m) => m[1]));
  const used = new Set([...taken, ...present]);
  return html.replace(/(<[a-z][a-z0-9]*\b[^>]*?\sid=")([^"]*)(")/gi, (whole, open: string, id: string, close: string) => {
    if (!taken.has(id)) return whole;
    let next = `${DEFINITION_PREFIX}${id}`;
    for (let n = 2; used.has(next); n++) next = `${DEFINITION_PREFIX}${id}-${n}`;
    used.add(next);
    return `${open}${next}${close}`;
  });
}
