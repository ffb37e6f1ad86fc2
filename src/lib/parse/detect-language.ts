import type { Locale } from '../locales.ts';
import { changedCharacters } from '../localize/chinese.ts';

/**
 * Detects whether agent text is English, Traditional or Simplified Chinese. Code (fenced and
 * inline) is ignored; one Han character weighs about one English word. Between the two scripts,
 * the one that OpenCC would change less is the one the text is written in.
 */

const NOT_HAN = /[^\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** The result of {@link detectLanguage}, with the counts it was based on. */
export interface Detection {
  lang: Locale;
  han: number;
  latinWords: number;
}

function stripCode(text: string): string {
  return text.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

/**
 * @example detectLanguage('資料庫與伺服器').lang // 'zh-Hant'
 */
export function detectLanguage(text: string): Detection {
  const prose = stripCode(text);
  // The Han characters as one string (each is one UTF-16 unit), not an array of one-character strings.
  const hanText = prose.replace(NOT_HAN, '');
  const han = hanText.length;
  const latinWords = (prose.match(LATIN_WORD) ?? []).length;
  // Chinese agent files mix in many English terms; a third of the weight in Han is enough.
  if (han === 0 || han * 3 < latinWords) return { lang: 'en', han, latinWords };
  const sample = hanText.slice(0, 20000);
  const traditionalOnly = changedCharacters(sample, 'zh-Hans');
  const simplifiedOnly = changedCharacters(sample, 'zh-Hant');
  return { lang: traditionalOnly > simplifiedOnly ? 'zh-Hant' : 'zh-Hans', han, latinWords };
}

/**
 * Reads a `lang` front matter value: `en`, `zh-Hant`, `zh-Hans`, and common aliases such as
 * `zh-TW`, `zh-CN`, `zh_tw`. Returns undefined for anything else.
 */
export function parseLangField(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().toLowerCase().replace('_', '-');
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (/^zh-(hant|tw|hk|mo)/.test(tag)) return 'zh-Hant';
  if (/^zh(-(hans|cn|sg))?$/.test(tag) || tag.startsWith('zh-hans')) return 'zh-Hans';
  return undefined;
}
