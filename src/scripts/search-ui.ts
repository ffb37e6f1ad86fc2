import { SearchEngine, type SearchOutcome } from './search/engine.ts';
import { fillOption } from './search/render.ts';
import { type SearchStrings, fill, resultCount } from '../lib/search/strings.ts';
import { searchStateToQuery } from '../lib/search/url-state.ts';
import type { Locale } from '../lib/locales.ts';

/**
 * The header search box: results as you type in a listbox under the box (combobox pattern),
 * arrow keys to choose, Enter to open, Escape to close. Without JavaScript the box is a plain
 * form that opens the search page. Loaded on first focus or shortcut (see `SearchBox.astro`).
 */

const SHOWN = 8;
const DEBOUNCE_MS = 25;

/** Wires a search box form (once). */
export function attachSearchBox(form: HTMLFormElement): void {
  if (form.dataset.searchReady) return;
  form.dataset.searchReady = 'true';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const all = form.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const strings = JSON.parse(form.dataset.strings ?? '{}') as SearchStrings;
  const engine = new SearchEngine(document.documentElement.dataset.base ?? '/', (form.dataset.locale ?? 'en') as Locale);
  engine.load().catch(() => undefined);

  let sequence = 0;
  let active = -1;
  let timer: number | undefined;
  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];

  const open = (yes: boolean) => {
    panel.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes && options().length > 0));
    if (!yes) setActive(-1);
  };
  const setActive = (index: number) => {
    const opts = options();
    active = opts.length ? Math.max(-1, Math.min(index, opts.length - 1)) : -1;
    opts.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', opts[active].id);
      opts[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  /** Shows the top results at once (titles from the section map); sections fill in after. */
  const render = (q: string, outcome: SearchOutcome, mine: number) => {
    const top = outcome.matches.slice(0, SHOWN);
    const items = top.map((match, i) => {
      const li = document.createElement('li');
      li.className = 'search-result';
      li.id = `site-search-option-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const summary = engine.summary(match);
      if (summary) fillOption(li, summary.title, summary.url, undefined, strings);
      return li;
    });
    const show = () => {
      list.replaceChildren(...items.filter((li) => li.firstChild));
      // Which query the list shows (for tests and the speed benchmark).
      list.dataset.query = q;
      status.textContent = top.length ? resultCount(strings, outcome.matches.length) : fill(strings.noResults, { q });
      all.href = `${form.action}${searchStateToQuery({ q })}`;
      all.textContent = outcome.matches.length > SHOWN ? fill(strings.seeAll, { q }) : '';
      open(true);
      setActive(active);
    };
    if (!top.length || items[0].firstChild) show();
    // Fragments load in parallel; each result gets its section and excerpt as its fragment comes.
    top.forEach((match, i) => {
      engine
        .hit(match, { q }, 1)
        .then((hit) => {
          if (mine !== sequence) return;
          const had = items[i].firstChild;
          fillOption(items[i], hit.title, hit.url, hit, strings);
          items[i].dataset.ready = 'true';
          if (!had) show();
        })
        .catch((error: unknown) => console.error(error));
    });
  };

  const run = async () => {
    const q = input.value.trim();
    const mine = ++sequence;
    active = -1;
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const outcome = await engine.search({ q }, false);
      if (mine !== sequence) return;
      render(q, outcome, mine);
      if (outcome.conversionPending) {
        await engine.loadConverters();
        if (mine === sequence) void run();
      }
    } catch (error) {
      if (mine !== sequence) return;
      console.error(error);
      list.replaceChildren();
      status.textContent = strings.unavailable;
      open(true);
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount) open(true);
  });
  input.addEventListener('keydown', (event) => {
    const count = options().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden && input.value.trim()) open(true);
      if (!count) return;
      event.preventDefault();
      if (event.key === 'ArrowDown') setActive(active + 1 >= count ? 0 : active + 1);
      else setActive(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      const href = options()[active]?.dataset.href;
      if (href) window.location.assign(href);
    } else if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        open(false);
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
        void run();
      }
    } else if (event.key === 'Home' || event.key === 'End') {
      if (active >= 0 && count) {
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : count - 1);
      }
    }
  });
  list.addEventListener('click', (event) => {
    const href = (event.target as Element).closest<HTMLElement>('[role="option"]')?.dataset.href;
    if (href) window.location.assign(href);
  });
  list.addEventListener('mousemove', (event) => {
    const option = (event.target as Element).closest<HTMLLIElement>('[role="option"]');
    if (option) setActive(options().indexOf(option));
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) window.setTimeout(() => !form.contains(document.activeElement) && open(false), 0);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  if (input.value.trim()) void run();
}
