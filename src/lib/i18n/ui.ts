import i18next, { type TFunction } from 'i18next';
import en from '../../i18n/en.json' with { type: 'json' };
import zhHant from '../../i18n/zh-Hant.json' with { type: 'json' };
import zhHans from '../../i18n/zh-Hans.json' with { type: 'json' };
import type { Locale } from '../locales.ts';

/**
 * UI strings through i18next: one resource file per locale in `src/i18n/`. The key type is
 * derived from the English file, and the other files are checked against it when loaded, so a
 * missing or misspelled key fails the build instead of showing a raw key to a reader.
 */

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends Record<string, unknown> ? Leaves<T[K], `${P}${K}.`> : `${P}${K}`;
}[keyof T & string];

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K> = K extends `${infer B}_${PluralSuffix}` ? B : K;

/** Every UI string key, e.g. `agent.notice.missing`; plural forms (`x_one`, `x_other`) count as `x`. */
export type UiKey = StripPlural<Leaves<typeof en>>;

/** A translate function bound to one locale, with typed keys. */
export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** The resource of each locale. */
// The Chinese files have other plural keys than English; their completeness is checked below.
export const UI_RESOURCES: Record<Locale, typeof en> = {
  en,
  'zh-Hant': zhHant as unknown as typeof en,
  'zh-Hans': zhHans as unknown as typeof en,
};

// Plural forms differ by language (Chinese has only `_other`), so keys are compared without them.
function leafKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? leafKeys(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

/** Keys of the English file missing from, or extra in, another locale's file. */
export function resourceDiff(locale: Locale): { missing: string[]; extra: string[] } {
  const base = new Set(leafKeys(en));
  const other = new Set(leafKeys(UI_RESOURCES[locale] as Record<string, unknown>));
  return { missing: [...base].filter((k) => !other.has(k)), extra: [...other].filter((k) => !base.has(k)) };
}

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(UI_RESOURCES).map(([l, r]) => [l, { translation: r }])),
  lng: 'en',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

for (const locale of Object.keys(UI_RESOURCES) as Locale[]) {
  const { missing } = resourceDiff(locale);
  if (missing.length) throw new Error(`src/i18n/${locale}.json lacks ${missing.length} UI strings: ${missing.join(', ')}`);
}

/**
 * The translate function of a locale.
 * @example useTranslations('zh-Hant')('nav.search') // '搜尋'
 */
export function useTranslations(locale: Locale): Translate {
  return (TRANSLATORS[locale] ??= translator(locale));
}

const TRANSLATORS: Partial<Record<Locale, Translate>> = {};

function translator(locale: Locale): Translate {
  const t = instance.getFixedT(locale) as TFunction;
  // A page asks for the same few dozen plain strings thousands of times per build, and an
  // i18next lookup costs microseconds each (seconds at 1,000 agents): strings without
  // variables are looked up once. Resources never change at run time, so this cannot go stale.
  const plain = new Map<string, string>();
  return (key, vars) => {
    if (vars) return String(t(key, vars));
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = String(t(key))));
    return text;
  };
}
