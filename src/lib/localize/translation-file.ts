import matter from 'gray-matter';
import { SAFE_MATTER_OPTIONS } from '../parse/front-matter.ts';
import type { Locale } from '../locales.ts';
import { parseLangField } from '../parse/detect-language.ts';
import type { Problem } from '../schema.ts';
import { contentHash, normalizeText } from '../hash.ts';

/**
 * Translation files live in `<agents>/_translations/<locale>/<path of the source file>`. Their
 * front matter records what they were translated from, so a page whose source has changed since
 * shows an "outdated translation" notice:
 *
 * ```yaml
 * translationOf: telegram-bot/backend-architect.md   # source path, relative to the agents folder
 * sourceHash: 3cae209fc8909878                        # hash of the source when translated
 * lang: en
 * translator: human                                   # or machine:<model>
 * generatedHash: …                                    # machine output's hash: detects later hand edits
 * title: Backend Architect
 * description: "…"                                     # the translated description, examples included
 * ```
 */

/** Folder, inside the agents folder, that holds translations. Never read as agents. */
export const TRANSLATIONS_DIR = '_translations';

/** A parsed translation file. */
export interface TranslationFile {
  /** Path relative to the agents folder. */
  file: string;
  locale: Locale;
  /** Source file path, relative to the agents folder. */
  translationOf: string;
  sourceHash: string;
  translator: string;
  /** Hash of the body and description as a machine produced them, when it did. */
  generatedHash?: string;
  title?: string;
  description: string;
  body: string;
  /** Hash of the translation's own text (body + description), to tell whether a person edited it. */
  currentHash: string;
}

/** The hash a generated translation records, over its description and body. */
export function translationContentHash(description: string, body: string): string {
  return contentHash(`${description}\n\u0000\n${normalizeText(body).trim()}`);
}

/**
 * The translation path for a source file and locale.
 * @example translationPathFor('a/b.md', 'en') // '_translations/en/a/b.md'
 */
export function translationPathFor(sourceFile: string, locale: Locale): string {
  return `${TRANSLATIONS_DIR}/${locale}/${sourceFile}`;
}

/**
 * Reads a hex hash field from the raw text: unquoted, YAML would read `1234e567…` as a number
 * and lose digits.
 */
function hashField(text: string, key: string): string {
  return new RegExp(`^${key}:\\s*["']?([0-9a-f]+)["']?\\s*$`, 'm').exec(normalizeText(text))?.[1] ?? '';
}

/** Parses a translation file; problems are returned instead of thrown. */
export function parseTranslationFile(
  file: string,
  text: string,
): { translation?: TranslationFile; problems: Problem[] } {
  const problem = (message: string, hint: string): Problem => ({
    file,
    line: 1,
    severity: 'error',
    code: 'translation-invalid',
    message,
    hint,
  });
  const pathMatch = new RegExp(`^${TRANSLATIONS_DIR}/([^/]+)/(.+)$`).exec(file);
  const folderLocale = pathMatch ? parseLangField(pathMatch[1]) : undefined;
  let data: Record<string, unknown>;
  let body: string;
  try {
    const parsed = matter(normalizeText(text), SAFE_MATTER_OPTIONS as never);
    data = parsed.data as Record<string, unknown>;
    body = parsed.content;
  } catch (error) {
    return { problems: [problem(`The translation's front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, 'Quote the description: description: "…"')] };
  }
  const locale = parseLangField(data.lang) ?? folderLocale;
  const translationOf = typeof data.translationOf === 'string' ? data.translationOf : pathMatch?.[2];
  if (!locale || !translationOf) {
    return { problems: [problem('A translation file needs its language and source.', `Keep it at ${TRANSLATIONS_DIR}/<en|zh-Hant|zh-Hans>/<source path>, with "translationOf" and "lang" fields.`)] };
  }
  const description = typeof data.description === 'string' ? data.description : '';
  return {
    translation: {
      file,
      locale,
      translationOf,
      sourceHash: hashField(text, 'sourceHash'),
      translator: typeof data.translator === 'string' ? data.translator : 'human',
      generatedHash: hashField(text, 'generatedHash') || undefined,
      title: typeof data.title === 'string' ? data.title : undefined,
      description,
      body,
      currentHash: translationContentHash(description, body),
    },
    problems: [],
  };
}
