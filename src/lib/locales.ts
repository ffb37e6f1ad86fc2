/**
 * The locale table: one place that maps a URL segment to its BCP-47 language tag, so that
 * `/zh-hant/` and `<html lang="zh-Hant">` can never drift apart.
 */
export const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;

/** A BCP-47 language tag of a locale the site is built in. */
export type Locale = (typeof LOCALES)[number];

/** One row of the locale table. */
export interface LocaleInfo {
  /** BCP-47 tag used in `<html lang>`, `hreflang` and data. */
  tag: Locale;
  /** Lower-case URL segment: `/zh-hant/agents/…`. */
  segment: string;
  /** The locale's own name, shown in the language switcher. */
  nativeName: string;
  /** Tag Open Graph expects (`og:locale`). */
  ogLocale: string;
}

/** Every locale, in the order the language switcher shows them. */
export const LOCALE_TABLE: readonly LocaleInfo[] = [
  { tag: 'en', segment: 'en', nativeName: 'English', ogLocale: 'en_US' },
  { tag: 'zh-Hant', segment: 'zh-hant', nativeName: '繁體中文', ogLocale: 'zh_TW' },
  { tag: 'zh-Hans', segment: 'zh-hans', nativeName: '简体中文', ogLocale: 'zh_CN' },
];

/** The locale a reader gets when nothing else is known. */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Looks up a locale by its URL segment.
 * @example localeFromSegment('zh-hant') // 'zh-Hant'
 */
export function localeFromSegment(segment: string): Locale | undefined {
  return LOCALE_TABLE.find((l) => l.segment === segment.toLowerCase())?.tag;
}

/**
 * The URL segment of a locale.
 * @example segmentOf('zh-Hans') // 'zh-hans'
 */
export function segmentOf(locale: Locale): string {
  return localeInfo(locale).segment;
}

/** The table row of a locale. */
export function localeInfo(locale: Locale): LocaleInfo {
  const info = LOCALE_TABLE.find((l) => l.tag === locale);
  if (!info) throw new Error(`Unknown locale "${locale}"`);
  return info;
}

/** Whether a locale is written in Chinese (either script). */
export function isChinese(locale: Locale): boolean {
  return locale === 'zh-Hant' || locale === 'zh-Hans';
}

/**
 * Picks the best site locale for a list of browser languages (`navigator.languages` or the
 * `Accept-Language` header, best first). Traditional for zh-TW/HK/MO and `zh-Hant`, Simplified
 * for the other Chinese tags.
 * @example pickLocale(['zh-TW', 'en']) // 'zh-Hant'
 */
export function pickLocale(languages: readonly string[]): Locale {
  for (const raw of languages) {
    const tag = raw.trim().toLowerCase();
    if (!tag) continue;
    if (tag.startsWith('zh')) {
      return /hant|-tw|-hk|-mo/.test(tag) ? 'zh-Hant' : 'zh-Hans';
    }
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}
