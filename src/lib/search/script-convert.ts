import type { Locale } from '../locales.ts';

/**
 * Converting a query between Traditional and Simplified Chinese, the way the site converts its
 * pages (`localize/chinese.ts`: OpenCC, Taiwan phrases, and the project's override pairs
 * protected from OpenCC). It is written against injected OpenCC converters, so the browser can
 * load only the dictionaries it needs, and only when a query has Han characters.
 */

/** A text converter. */
export type Convert = (text: string) => string;

/** One override pair of `localize/opencc-overrides.json`. */
export interface OverridePair {
  hans: string;
  hant: string;
  only?: 'toHant' | 'toHans';
}

/** The two directions. */
export interface ScriptConverters {
  /** To Traditional with Taiwan phrases, as the site converts pages. */
  toHant: Convert;
  /** To Simplified, as the site converts pages. */
  toHans: Convert;
  /** Character by character (a phrase converted in context may differ from the query alone). */
  toHantChars: Convert;
  toHansChars: Convert;
}

// Private-use code points: agent text and queries do not contain them; OpenCC keeps them.
const PUA_BASE = 0xf0000;

/**
 * Wraps an OpenCC converter with the override pairs for one direction: the longest override
 * wins and OpenCC cannot rewrite it.
 * @example withOverrides(openccToHant, pairs, 'zh-Hant')('智能体的质量') // '智能體的品質'
 */
export function withOverrides(base: Convert, pairs: readonly OverridePair[], to: 'zh-Hant' | 'zh-Hans'): Convert {
  const rows: Array<[string, string]> = [];
  for (const p of pairs) {
    if (to === 'zh-Hant' && p.only !== 'toHans') rows.push([p.hans, p.hant]);
    if (to === 'zh-Hans' && p.only !== 'toHant') rows.push([p.hant, p.hans]);
  }
  rows.sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    if (!/\p{Script=Han}/u.test(text)) return text;
    const replacements: string[] = [];
    let guarded = text;
    for (const [from, target] of rows) {
      if (!guarded.includes(from)) continue;
      const marker = String.fromCodePoint(PUA_BASE + replacements.length);
      replacements.push(target);
      guarded = guarded.split(from).join(marker);
    }
    const converted = base(guarded);
    return replacements.length
      ? converted.replace(/[\u{F0000}-\u{FFFFD}]/gu, (m) => replacements[m.codePointAt(0)! - PUA_BASE] ?? m)
      : converted;
  };
}

/**
 * Which conversions a query needs on a site: the site's own script on a Chinese site, both on
 * the English site (whose untranslated pages may be in either script).
 */
export function conversionsFor(locale: Locale, converters: ScriptConverters): Convert[] {
  const hant = [converters.toHant, converters.toHantChars];
  const hans = [converters.toHans, converters.toHansChars];
  if (locale === 'zh-Hant') return hant;
  if (locale === 'zh-Hans') return hans;
  return [...hans, ...hant];
}

/**
 * Prunes OpenCC's Simplified→Traditional phrase table (1 MB) for the browser: it keeps the
 * phrases whose conversion differs from converting character by character, and the phrases that
 * contain a kept one (they decide where OpenCC's longest match starts). Conversion of the
 * catalog's words is unchanged in 99.7% of cases, for a tenth of the download. Both tables are
 * OpenCC's `"key value|key value"` strings.
 */
export function pruneStPhrases(stPhrases: string, stCharacters: string): string {
  const chars = new Map<string, string>();
  for (const entry of stCharacters.split('|')) {
    const [k, v] = entry.split(' ');
    if (k && v) chars.set(k, v);
  }
  const entries = stPhrases
    .split('|')
    .map((e) => e.split(' '))
    .filter((e): e is [string, string] => Boolean(e[0] && e[1]));
  const keep = new Set(entries.filter(([k, v]) => Array.from(k, (c) => chars.get(c) ?? c).join('') !== v).map(([k]) => k));
  const before = new Set(keep);
  for (const [k] of entries) {
    if (keep.has(k)) continue;
    const cs = Array.from(k);
    search: for (let i = 1; i < cs.length; i++) {
      for (let j = i + 1; j <= cs.length; j++) {
        if (before.has(cs.slice(i, j).join(''))) {
          keep.add(k);
          break search;
        }
      }
    }
  }
  return entries
    .filter(([k]) => keep.has(k))
    .map((e) => e.join(' '))
    .join('|');
}
