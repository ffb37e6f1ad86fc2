import { pickLocale, segmentOf, LOCALES, type Locale } from '../lib/locales.ts';

/** localStorage key of the language a reader chose on this site. */
export const LOCALE_STORAGE_KEY = 'atlas-locale';

/** The reader's language: the one chosen before on this site, else the browser's, else English. */
export function preferredLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be blocked; the browser's language still applies.
  }
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en']);
}

/**
 * Replaces the current page with `<base><locale>/<rest>` in the reader's language, keeping the
 * query and `#fragment` (so `/agents/x/#checklists` lands on the checklists).
 */
export function redirectToPreferredLocale(rest: string): void {
  const base = document.documentElement.dataset.base ?? '/';
  const target = `${base}${segmentOf(preferredLocale())}/${rest}`;
  location.replace(target + location.search + location.hash);
}
