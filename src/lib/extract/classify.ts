import type { SectionKind } from '../schema.ts';
import vocab from './vocabulary.json' with { type: 'json' };

/**
 * Classifies section labels (`## 核心职责 🏗️`, `Integration with other agents:`, `**技術堆疊專業知識**：`)
 * into the canonical section kinds, from the phrases in `vocabulary.json`. The same label in English,
 * Traditional or Simplified Chinese gets the same kind, so a page's sections agree across locales.
 */

/** Section kinds in tie-break order: when two phrases of equal length match, the earlier kind wins. */
const KIND_ORDER: readonly SectionKind[] = [
  'other',
  'checklist',
  'collaboration',
  'responsibilities',
  'workflow',
  'examples',
  'standards',
  'skills',
];

const HAN = '\\p{Script=Han}';

/**
 * Folds a label or phrase to the form labels are compared in: NFKC, lower case, punctuation, symbols
 * and emoji turned into spaces, no spaces next to Chinese characters (so `与其他 agent 的集成` and
 * `与其他agent的集成` agree), single spaces between Latin words.
 * @example foldLabel('## Integration with Other Agents:') // 'integration with other agents'
 */
export function foldLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`\\s+(?=${HAN})|(?<=${HAN})\\s+`, 'gu'), '')
    .trim();
}

/**
 * The label as written, for display: emoji, surrounding spaces and trailing colons removed.
 * @example cleanTitle('核心职责 🏗️') // '核心职责'
 */
export function cleanTitle(label: string): string {
  return label
    .replace(/[\p{Extended_Pictographic}\u200d\ufe0f\u20e3]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:：]+$/u, '')
    .trim();
}

/**
 * A regex that finds a folded phrase in a folded label. Latin ends must fall on word boundaries,
 * so `mission` does not match `permissions`; a plural `s`/`es` after the phrase is allowed.
 */
function phraseRegex(folded: string): RegExp {
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const latinStart = /^[a-z0-9]/.test(folded) ? '(?<![a-z0-9])' : '';
  const latinEnd = /[a-z0-9]$/.test(folded) ? '(?:e?s)?(?![a-z0-9])' : '';
  return new RegExp(latinStart + escaped + latinEnd, 'u');
}

interface CompiledPhrase {
  kind: SectionKind;
  regex: RegExp;
  /** Length of the folded phrase: the longer, the more specific. */
  weight: number;
}

type PhraseTable = Record<string, Record<string, string[]>>;

/** Every phrase of every kind and language, compiled once. */
const PHRASES: CompiledPhrase[] = Object.entries(vocab.sections as PhraseTable).flatMap(
  ([kind, byLang]) =>
    Object.values(byLang)
      .flat()
      .map((phrase) => foldLabel(phrase))
      .filter(Boolean)
      .map((folded) => ({ kind: kind as SectionKind, regex: phraseRegex(folded), weight: folded.length })),
);

/**
 * Classifies a section label by its wording in any of the three languages. The longest matching
 * phrase decides (`quality standards` → checklist although `standards` alone is standards); phrases
 * under `other` in the vocabulary veto a kind (`team collaboration`). Leading numbering, markdown
 * marks, emoji and a trailing colon are ignored.
 * @example classifySection('與其他代理的整合：') // 'collaboration'
 * @example classifySection('### 1. 系统架构设计') // 'other'
 */
export function classifySection(label: string): SectionKind {
  const folded = foldLabel(label);
  if (!folded) return 'other';
  let best: CompiledPhrase | undefined;
  for (const phrase of PHRASES) {
    if (!phrase.regex.test(folded)) continue;
    if (
      !best ||
      phrase.weight > best.weight ||
      (phrase.weight === best.weight && KIND_ORDER.indexOf(phrase.kind) < KIND_ORDER.indexOf(best.kind))
    ) {
      best = phrase;
    }
  }
  return best?.kind ?? 'other';
}
