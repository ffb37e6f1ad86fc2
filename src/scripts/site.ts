import { LOCALE_STORAGE_KEY } from './locale-redirect.ts';

/**
 * The site's small progressive enhancements. Every page works without them; they add: theme
 * choice, remembering the reader's language, fragments kept by the language switcher, copy
 * buttons, copy-link controls, checklist ticks that persist, and the home page filter.
 */

const root = document.documentElement;
const live = document.getElementById('live-region');

/** Says a short message to screen readers (and shows nothing). */
function announce(message: string): void {
  if (!live) return;
  live.textContent = '';
  window.setTimeout(() => (live.textContent = message), 30);
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode: preferences last for this page only.
  }
}
function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// Theme: system by default, or the saved choice.
const themeSelect = document.querySelector<HTMLSelectElement>('[data-theme-select]');
if (themeSelect) {
  themeSelect.value = load('atlas-theme') ?? 'system';
  themeSelect.addEventListener('change', () => {
    const v = themeSelect.value;
    if (v === 'system') delete root.dataset.theme;
    else root.dataset.theme = v;
    store('atlas-theme', v === 'system' ? null : v);
  });
}

// Remember the language of the page the reader is on, for language-neutral links and `/`.
const lang = root.getAttribute('lang');
if (lang && root.dataset.localeSegment) store(LOCALE_STORAGE_KEY, lang);

// The language switcher keeps the #fragment: the anchors are the same in every locale.
document.querySelectorAll<HTMLAnchorElement>('[data-lang-link]').forEach((a) => {
  a.addEventListener('click', () => {
    const url = new URL(a.href);
    url.hash = location.hash;
    a.href = url.href;
  });
});

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const strings = (document.querySelector('[data-copy-strings]') as HTMLElement | null)?.dataset;

// Copy-link controls copy the language-neutral link, so a teammate opens it in their language.
const main = document.getElementById('main');
const neutral = main?.dataset.neutralHref;
document.addEventListener('click', async (event) => {
  const target = event.target as Element | null;
  const linkButton = target?.closest<HTMLButtonElement>('[data-copy-anchor]');
  if (linkButton) {
    const anchor = linkButton.dataset.copyAnchor!;
    const url = new URL(`${neutral ?? location.pathname}#${anchor}`, location.href).href;
    const ok = await copyText(url);
    history.replaceState(null, '', `#${anchor}`);
    const message = ok ? strings?.linkCopied ?? 'Link copied' : `${url}`;
    linkButton.dataset.copied = 'true';
    window.setTimeout(() => delete linkButton.dataset.copied, 1500);
    announce(message);
    return;
  }
  const textButton = target?.closest<HTMLButtonElement>('[data-copy-text-from]');
  if (textButton) {
    const source = document.getElementById(textButton.dataset.copyTextFrom!);
    const text = source instanceof HTMLTemplateElement ? source.content.textContent ?? '' : source?.textContent ?? '';
    if (await copyText(text)) {
      const label = textButton.textContent;
      textButton.textContent = textButton.dataset.copiedLabel ?? label;
      announce(textButton.dataset.copiedLabel ?? '');
      window.setTimeout(() => (textButton.textContent = label), 1500);
    }
  }
});

// Headings of the rendered definition get copy-link controls too.
document.querySelectorAll<HTMLElement>('[data-anchored] :is(h1,h2,h3,h4,h5,h6)[id], [data-anchored] p[id]').forEach((h) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  button.dataset.copyAnchor = h.id;
  button.setAttribute('aria-label', strings?.copyLink ?? 'Copy link');
  button.innerHTML = '<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5"/><path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5"/></svg>';
  h.append(button);
});

// Checklist ticks persist per agent in this browser.
document.querySelectorAll<HTMLElement>('[data-checklist-key]').forEach((section) => {
  const key = section.dataset.checklistKey!;
  const boxes = [...section.querySelectorAll<HTMLInputElement>('input[data-check-id]')];
  const progress = section.querySelector<HTMLElement>('[data-checklist-progress]');
  let ticked = new Set<string>();
  try {
    ticked = new Set(JSON.parse(load(key) ?? '[]') as string[]);
  } catch {
    ticked = new Set();
  }
  const render = () => {
    for (const box of boxes) box.checked = ticked.has(box.dataset.checkId!);
    if (progress) {
      progress.textContent = (progress.dataset.template ?? '')
        .replace('{done}', String(boxes.filter((b) => b.checked).length))
        .replace('{total}', String(boxes.length));
    }
  };
  section.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.dataset.checkId) return;
    if (box.checked) ticked.add(box.dataset.checkId);
    else ticked.delete(box.dataset.checkId);
    store(key, ticked.size ? JSON.stringify([...ticked]) : null);
    render();
  });
  section.querySelector('[data-checklist-reset]')?.addEventListener('click', () => {
    ticked.clear();
    store(key, null);
    render();
  });
  render();
});

// Home page filter: narrows the cards as the reader types.
const filter = document.querySelector<HTMLInputElement>('[data-agent-filter]');
if (filter) {
  const cards = [...document.querySelectorAll<HTMLElement>('[data-filter-text]')];
  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const card of cards) card.hidden = !words.every((w) => card.dataset.filterText!.includes(w));
  });
}
