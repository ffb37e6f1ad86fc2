import { segmentOf } from '../lib/locales.ts';
import { agentPath, withBase } from '../lib/routing/paths.ts';
import { notFoundLocale, parseMissingPath, suggestAgents, type SlugList } from '../lib/routing/suggest.ts';
import { LOCALE_STORAGE_KEY } from './locale-redirect.ts';

/**
 * The 404 page in the reader's language, with the agents closest to the address asked for. The
 * page holds all three languages; this keeps one and fills its suggestion list from the compact
 * `/api/slugs.json`.
 */

const root = document.documentElement;
const base = root.dataset.base ?? '/';
const { locale: pathLocale, query } = parseMissingPath(location.pathname, base);
let saved: string | null = null;
try {
  saved = localStorage.getItem(LOCALE_STORAGE_KEY);
} catch {
  // Storage blocked: the address and the browser still tell.
}
const locale = notFoundLocale(pathLocale, saved, navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en']);
const segment = segmentOf(locale);
root.lang = locale;

let section: HTMLElement | undefined;
for (const s of document.querySelectorAll<HTMLElement>('[data-nf-section]')) {
  const mine = s.dataset.nfSection === segment;
  s.hidden = !mine;
  if (mine) section = s;
}
const heading = section?.querySelector('h1')?.textContent;
if (heading) document.title = `${heading} · Agent Atlas`;

async function suggest(): Promise<void> {
  const box = section?.querySelector<HTMLElement>('[data-nf-suggestions]');
  const list = box?.querySelector<HTMLUListElement>('[data-nf-list]');
  if (!box || !list || !query) return;
  const response = await fetch(withBase(base, '/api/slugs.json'));
  if (!response.ok) return;
  const suggestions = suggestAgents(query, (await response.json()) as SlugList, locale);
  for (const s of suggestions) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = withBase(base, agentPath(locale, s.slug));
    a.textContent = s.title;
    a.dataset.nfSuggestion = s.slug;
    li.append(a);
    if (s.title !== s.slug) {
      const code = document.createElement('code');
      code.textContent = s.slug;
      li.append(' ', code);
    }
    list.append(li);
  }
  box.hidden = suggestions.length === 0;
}

suggest().catch(() => {
  // Without the list the page still links to the home page.
});
