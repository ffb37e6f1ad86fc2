import { MATCH_KINDS, type MatchKind } from './kinds.ts';

/**
 * The search page's state in its URL (`?q=…&kind=checklist&tool=Bash&model=opus&collection=…`),
 * so a search, filters included, can be shared and reloads with the same results.
 */

/** A search: the query and its filters. */
export interface SearchState {
  q: string;
  kind?: MatchKind;
  tool?: string;
  model?: string;
  collection?: string;
}

/** The filters that Pagefind applies (the kind of match is applied to word positions). */
export const INDEX_FILTERS = ['tool', 'model', 'collection'] as const;

/**
 * Reads a search from a URL query string.
 * @example parseSearchState('?q=rate+limiting&kind=checklist') // { q: 'rate limiting', kind: 'checklist' }
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: SearchState = { q: (params.get('q') ?? '').trim() };
  const kind = params.get('kind');
  if (kind && (MATCH_KINDS as readonly string[]).includes(kind)) state.kind = kind as MatchKind;
  for (const name of INDEX_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) state[name] = value;
  }
  return state;
}

/**
 * Writes a search as a URL query string (`''` for an empty search), in a stable order.
 * @example searchStateToQuery({ q: 'api', tool: 'Bash' }) // '?q=api&tool=Bash'
 */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.kind) params.set('kind', state.kind);
  for (const name of INDEX_FILTERS) if (state[name]) params.set(name, state[name]!);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The Pagefind filters of a search. */
export function indexFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const name of INDEX_FILTERS) if (state[name]) filters[name] = state[name]!;
  return filters;
}

/** Whether a search has any filter set. */
export function hasFilters(state: SearchState): boolean {
  return Boolean(state.kind || INDEX_FILTERS.some((n) => state[n]));
}
