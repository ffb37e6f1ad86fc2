import type { AgentEntry } from '../schema.ts';
import { TOP_LEVEL_COLLECTION } from './records.ts';

/**
 * The values the search page offers in its tool, model and collection filters, from the
 * catalog: the same values the index holds as filters, most used first.
 */

/** A filter value and how many agents have it. */
export interface FilterOption {
  value: string;
  count: number;
}

/** Options of every filter. */
export interface FilterOptions {
  tool: FilterOption[];
  model: FilterOption[];
  collection: FilterOption[];
}

function tally(values: string[]): FilterOption[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * The filter options of a catalog.
 * @example filterOptions(agents).model // [{ value: 'sonnet', count: 3 }, { value: 'opus', count: 1 }]
 */
export function filterOptions(agents: readonly AgentEntry[]): FilterOptions {
  return {
    tool: tally(agents.flatMap((a) => [...new Set(a.tools)])),
    model: tally(agents.flatMap((a) => (a.model?.trim() ? [a.model.trim()] : []))),
    collection: tally(agents.map((a) => a.collection || TOP_LEVEL_COLLECTION)),
  };
}
