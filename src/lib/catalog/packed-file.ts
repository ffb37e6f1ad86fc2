import { LOCALES, type Locale } from '../locales.ts';
import type { LocalizedContent } from '../schema.ts';
import type { ProcessedFile } from './process-file.ts';

/**
 * The per-file result as it is cached and sent between threads. Most agents exist in one
 * language, and their other locales repeat it: an untranslated page shows the source, and an
 * English agent's search HTML differs between locales only in its `lang`. So a result held much
 * of its content three times over (an English agent: about 47 KB, 28 KB of it repeated). Packed,
 * a locale keeps only what differs from an earlier locale, and a warm build reads less.
 */

/** A locale's content: whole, or the fields that differ from an earlier locale's (`$sameAs`). */
type PackedContent = LocalizedContent | (Partial<LocalizedContent> & { $sameAs: Locale });
/** A locale's search HTML: whole, or an earlier locale's with its middle replaced. */
type PackedHtml = string | { $like: Locale; prefix: number; suffix: number; middle: string };

/** A {@link ProcessedFile} with its locales packed. */
export interface PackedFile extends Omit<ProcessedFile, 'agent' | 'searchHtml'> {
  agent?: Omit<NonNullable<ProcessedFile['agent']>, 'localized'> & { localized: Record<Locale, PackedContent> };
  searchHtml?: Record<Locale, PackedHtml>;
}

/** Repeats shorter than this are stored whole (the reference would save nothing). */
const MIN_SAVING = 64;

function packContent(localized: Record<Locale, LocalizedContent>): Record<Locale, PackedContent> {
  const out = {} as Record<Locale, PackedContent>;
  const texts = new Map<Locale, Map<string, string>>();
  for (const locale of LOCALES) {
    const content = localized[locale];
    const fields = new Map(Object.entries(content).map(([k, v]) => [k, JSON.stringify(v) ?? '']));
    texts.set(locale, fields);
    let best: { from: Locale; diff: Record<string, unknown>; saved: number } | undefined;
    for (const earlier of LOCALES.slice(0, LOCALES.indexOf(locale))) {
      const before = texts.get(earlier)!;
      const diff: Record<string, unknown> = {};
      let saved = 0;
      for (const [k, text] of fields) {
        if (before.get(k) === text) saved += text.length;
        else diff[k] = content[k as keyof LocalizedContent];
      }
      // A field the earlier locale has and this one lacks cannot be expressed as a difference.
      const complete = [...before.keys()].every((k) => fields.has(k));
      if (complete && saved >= MIN_SAVING && (!best || saved > best.saved)) best = { from: earlier, diff, saved };
    }
    out[locale] = best ? ({ ...best.diff, $sameAs: best.from } as PackedContent) : content;
  }
  return out;
}

function packHtml(html: Record<Locale, string>): Record<Locale, PackedHtml> {
  const out = {} as Record<Locale, PackedHtml>;
  for (const locale of LOCALES) {
    const text = html[locale];
    let best: Exclude<PackedHtml, string> | undefined;
    for (const earlier of LOCALES.slice(0, LOCALES.indexOf(locale))) {
      const other = html[earlier];
      const max = Math.min(text.length, other.length);
      let prefix = 0;
      while (prefix < max && text.charCodeAt(prefix) === other.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (suffix < max - prefix && text.charCodeAt(text.length - 1 - suffix) === other.charCodeAt(other.length - 1 - suffix)) suffix++;
      if (prefix + suffix >= MIN_SAVING && (!best || prefix + suffix > best.prefix + best.suffix)) {
        best = { $like: earlier, prefix, suffix, middle: text.slice(prefix, text.length - suffix) };
      }
    }
    out[locale] = best ?? text;
  }
  return out;
}

/** Packs a file's result for the cache (see the module comment). */
export function packProcessed(file: ProcessedFile): PackedFile {
  if (!file.agent) return file as PackedFile;
  return {
    ...file,
    agent: { ...file.agent, localized: packContent(file.agent.localized) },
    searchHtml: file.searchHtml && packHtml(file.searchHtml),
  };
}

/**
 * Unpacks what {@link packProcessed} made. Fields a locale repeats are shared with the earlier
 * locale's (nothing changes a result after it is made).
 */
export function unpackProcessed(file: PackedFile): ProcessedFile {
  if (!file.agent) return file as ProcessedFile;
  const localized = {} as Record<Locale, LocalizedContent>;
  for (const locale of LOCALES) {
    const packed = file.agent.localized[locale];
    if ('$sameAs' in packed) {
      const { $sameAs, ...diff } = packed as Record<string, unknown>;
      // In the earlier locale's key order (the order the stages made), so hashes of the
      // unpacked result equal those of the original.
      const base = localized[$sameAs as Locale] as Record<string, unknown>;
      const content: Record<string, unknown> = {};
      for (const k of Object.keys(base)) content[k] = k in diff ? diff[k] : base[k];
      localized[locale] = Object.assign(content, diff) as LocalizedContent;
    } else localized[locale] = packed;
  }
  let searchHtml: Record<Locale, string> | undefined;
  if (file.searchHtml) {
    searchHtml = {} as Record<Locale, string>;
    for (const locale of LOCALES) {
      const packed = file.searchHtml[locale];
      if (typeof packed === 'string') searchHtml[locale] = packed;
      else {
        const like = searchHtml[packed.$like];
        searchHtml[locale] = like.slice(0, packed.prefix) + packed.middle + like.slice(like.length - packed.suffix);
      }
    }
  }
  return { ...file, agent: { ...file.agent, localized }, searchHtml };
}
