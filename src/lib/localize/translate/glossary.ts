import type { Locale } from '../../locales.ts';
import data from './glossary.json' with { type: 'json' };

/**
 * The translation glossary (`glossary.json`): preferred wordings per locale, and words that must
 * never be translated. Models drift on terminology between sections and files, so the glossary
 * is both told to the model and checked on its answers.
 */

/** One concept and its wording in each locale. */
export interface GlossaryTerm {
  en: string;
  'zh-Hant': string;
  'zh-Hans': string;
  /** Other wordings found in sources, recognized when translating from that locale. */
  also?: Partial<Record<Locale, string[]>>;
}

/** A word kept as is in every language. */
export interface KeepTerm {
  term: string;
  /** A Claude Code tool name (protected by placeholders, not only checked). */
  tool?: boolean;
}

/** The whole glossary. */
export interface Glossary {
  terms: GlossaryTerm[];
  keep: KeepTerm[];
}

/** The glossary kept in the repository. */
export const GLOSSARY: Glossary = { terms: data.terms as GlossaryTerm[], keep: data.keep };

const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hant': 'Traditional Chinese (Taiwan usage, 繁體中文)',
  'zh-Hans': 'Simplified Chinese (mainland usage, 简体中文)',
};

/** The language's name as the prompt says it. */
export function languageName(locale: Locale): string {
  return LANGUAGE_NAMES[locale];
}

/** Claude Code tool names of a glossary. */
export function toolNames(glossary: Glossary = GLOSSARY): string[] {
  return glossary.keep.filter((k) => k.tool).map((k) => k.term);
}

/** Escapes a text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-sensitive matcher: `API` matches in `API设计` but not in `APIs` or `rapid`. */
function wordPattern(term: string, flags = 'g'): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(term)}(?![A-Za-z0-9_])`, flags);
}

function wordingsOf(term: GlossaryTerm, locale: Locale): string[] {
  return [term[locale], ...(term.also?.[locale] ?? [])];
}

/**
 * The glossary part of the system prompt for one direction: `source wording → target wording`
 * lines, and the words to keep unchanged.
 */
export function glossaryPrompt(from: Locale, to: Locale, glossary: Glossary = GLOSSARY): string {
  const lines = glossary.terms
    .filter((t) => t[from] !== t[to])
    .map((t) => `- ${wordingsOf(t, from).join(' / ')} → ${t[to]}`);
  const keep = glossary.keep.map((k) => k.term).join(', ');
  return [
    `Glossary (${LANGUAGE_NAMES[from]} → ${LANGUAGE_NAMES[to]}); use these wordings:`,
    ...lines,
    `Never translate these words; copy them exactly as written: ${keep}.`,
  ].join('\n');
}

/**
 * Kept words that occur in the source but not, spelled the same, in the translation. A non-empty
 * result means the model translated or respelled a word it was told to keep.
 */
export function missingKeptTerms(source: string, translation: string, glossary: Glossary = GLOSSARY): string[] {
  return glossary.keep
    .map((k) => k.term)
    .filter((term) => wordPattern(term, '').test(source) && !wordPattern(term, '').test(translation));
}

function mentions(text: string, wording: string, locale: Locale): boolean {
  // Latin words: whole word, any case, plural allowed; Chinese: a plain substring.
  if (locale !== 'en') return text.includes(wording);
  return new RegExp(`(?<![A-Za-z])${escapeRegExp(wording)}(?:s|es)?(?![A-Za-z])`, 'i').test(text);
}

/**
 * Soft check of preferred wordings: terms whose source wording occurs but whose target wording
 * does not. Returned as notes for a reviewer, never as failures: a sentence may rightly rephrase.
 */
export function glossaryNotes(source: string, translation: string, from: Locale, to: Locale, glossary: Glossary = GLOSSARY): string[] {
  return glossary.terms
    .filter((t) => t[from] !== t[to])
    .filter((t) => wordingsOf(t, from).some((w) => mentions(source, w, from)) && !mentions(translation, t[to], to))
    .map((t) => `"${wordingsOf(t, from).find((w) => mentions(source, w, from))}" is usually "${t[to]}" in ${to}`);
}
