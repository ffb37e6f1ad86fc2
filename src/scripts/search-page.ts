import { SearchEngine, type SearchOutcome } from './search/engine.ts';
import { fullResult } from './search/render.ts';
import { type SearchStrings, fill, resultCount } from '../lib/search/strings.ts';
import { type SearchState, parseSearchState, searchStateToQuery } from '../lib/search/url-state.ts';
import type { Locale } from '../lib/locales.ts';

/**
 * The search page, `/<locale>/search/?q=…&kind=…&tool=…&model=…&collection=…`: the URL holds the
 * query and the filters, so a search can be shared and reloads with the same results. Typing or
 * changing a filter updates the URL in place and the results.
 */

const PAGE = 20;
const DEBOUNCE_MS = 40;

/** Wires the search page's form and result list. */
export function attachSearchPage(form: HTMLFormElement): void {
  const strings = JSON.parse(form.dataset.strings ?? '{}') as SearchStrings;
  const engine = new SearchEngine(document.documentElement.dataset.base ?? '/', (form.dataset.locale ?? 'en') as Locale);
  const status = document.querySelector<HTMLElement>('[data-search-page-status]')!;
  const results = document.querySelector<HTMLOListElement>('[data-search-page-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-search-page-more]')!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  const fromForm = (): SearchState => parseSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const toForm = (state: SearchState) => {
    for (const name of ['q', 'kind', 'tool', 'model', 'collection'] as const) {
      const el = field(name);
      if (!el) continue;
      const value = state[name] ?? '';
      // A shared URL may name a filter value this build does not offer: add it, so it shows.
      if (el instanceof HTMLSelectElement && value && ![...el.options].some((o) => o.value === value)) el.add(new Option(value, value));
      el.value = value;
    }
  };

  let sequence = 0;
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let state: SearchState = parseSearchState(location.search);

  const showMore = async (mine: number) => {
    if (!outcome) return;
    const next = outcome.matches.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = true;
    // Fragments load in parallel; results are added in rank order as they arrive.
    for (const pending of next.map((m) => engine.hit(m, state))) {
      const hit = await pending;
      if (mine !== sequence) return;
      results.append(fullResult(hit, strings));
    }
    more.hidden = shown >= outcome.matches.length;
  };

  const run = async () => {
    const mine = ++sequence;
    if (!state.q) {
      results.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = strings.loading;
    try {
      const found = await engine.search(state, false);
      if (mine !== sequence) return;
      outcome = found;
      shown = 0;
      results.replaceChildren();
      status.textContent = found.matches.length ? resultCount(strings, found.matches.length) : fill(strings.noResults, { q: state.q });
      await showMore(mine);
      if (found.conversionPending) {
        await engine.loadConverters();
        if (mine === sequence) void run();
      }
    } catch (error) {
      if (mine !== sequence) return;
      console.error(error);
      status.textContent = strings.unavailable;
    }
  };

  const update = () => {
    state = fromForm();
    const query = searchStateToQuery(state);
    history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
    void run();
  };

  let timer: number | undefined;
  form.addEventListener('input', (event) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, (event.target as Element).matches('select') ? 0 : DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    update();
  });
  form.addEventListener('reset', () => {
    // Clears the filters and keeps the query.
    const q = field('q')?.value ?? '';
    window.setTimeout(() => {
      const input = field('q');
      if (input) input.value = q;
      update();
    }, 0);
  });
  more.addEventListener('click', () => void showMore(sequence));
  addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    toForm(state);
    void run();
  });

  toForm(state);
  void engine.load().catch(() => undefined);
  void run();
}
