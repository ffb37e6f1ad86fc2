import type { SearchHit, ResultSection } from './engine.ts';
import { sectionLabel } from '../../lib/search/labels.ts';
import type { SearchStrings } from '../../lib/search/strings.ts';

/**
 * DOM for search results, shared by the header box and the search page. Titles and labels are
 * set as text; excerpts are Pagefind's escaped text with `<mark>` added by our code only.
 */

function span(className: string, text?: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The excerpt element of a section. */
export function excerptElement(section: ResultSection): HTMLSpanElement {
  const el = span('search-result__excerpt');
  el.innerHTML = section.excerpt;
  return el;
}

/**
 * Fills an option of the header list: title, then (once the fragment is there) the section label
 * and excerpt. Options are not links (a link inside an option would nest interactive controls);
 * the option keeps its target in `data-href` and the list opens it.
 */
export function fillOption(li: HTMLElement, title: string, url: string, hit: SearchHit | undefined, strings: SearchStrings): void {
  const section = hit?.sections[0];
  li.dataset.href = section?.href ?? url;
  const parts: HTMLElement[] = [span('search-result__title', hit?.title ?? title)];
  const label = section ? sectionLabel(section.match, strings) : '';
  if (label) parts.push(span('search-result__section', label));
  if (section) parts.push(excerptElement(section));
  li.replaceChildren(...parts);
}

/** A result of the search page: the agent's title, then each matching section as a link. */
export function fullResult(hit: SearchHit, strings: SearchStrings): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-hit';
  const h2 = document.createElement('h2');
  const title = document.createElement('a');
  title.href = hit.url;
  title.textContent = hit.title;
  h2.append(title);
  const list = document.createElement('ul');
  list.className = 'search-hit__sections search-results';
  for (const section of hit.sections) {
    const item = document.createElement('li');
    item.className = 'search-result';
    const a = document.createElement('a');
    a.className = 'search-hit__section';
    a.href = section.href;
    const label = sectionLabel(section.match, strings);
    if (label) a.append(span('search-result__section', label));
    a.append(excerptElement(section));
    item.append(a);
    list.append(item);
  }
  li.append(h2, list);
  return li;
}
