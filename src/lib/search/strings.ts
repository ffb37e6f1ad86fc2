import type { Translate } from '../i18n/ui.ts';
import type { SectionStrings } from './labels.ts';

/**
 * The UI strings the search scripts need, in the page's language. Components pass them to the
 * browser as JSON in a data attribute, so the scripts never hard-code a string.
 */

/** Strings of the search box and the search page. */
export interface SearchStrings extends SectionStrings {
  loading: string;
  /** With `{q}`. */
  noResults: string;
  /** With `{count}`. */
  results: string;
  resultOne: string;
  /** With `{q}`. */
  seeAll: string;
  showMore: string;
  unavailable: string;
}

/** The search strings of a locale. */
export function searchStrings(t: Translate): SearchStrings {
  return {
    loading: t('search.loading'),
    noResults: t('search.noResults', { q: '{q}' }),
    results: t('search.results', { count: '{count}' }),
    resultOne: t('search.resultOne'),
    seeAll: t('search.seeAll', { q: '{q}' }),
    showMore: t('search.showMore'),
    unavailable: t('search.unavailable'),
    responsibility: t('search.matchResponsibility'),
    checklist: t('search.matchChecklist'),
    example: t('agent.example', { n: '{n}' }),
    description: t('agent.description'),
    definition: t('agent.definition'),
  };
}

/**
 * Fills `{name}` placeholders.
 * @example fill('No results for “{q}”.', { q: 'api' }) // 'No results for “api”.'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The results count line. */
export function resultCount(strings: Pick<SearchStrings, 'results' | 'resultOne'>, count: number): string {
  return count === 1 ? strings.resultOne : fill(strings.results, { count });
}
