import type { SectionMatch } from './excerpt.ts';

/**
 * The label a result shows for the section it matched in, from the page's UI strings.
 */

/** UI strings for section labels (from `src/i18n/*.json`, passed to the browser). */
export interface SectionStrings {
  responsibility: string;
  checklist: string;
  /** With `{n}` for the example's number. */
  example: string;
  description: string;
  definition: string;
}

/**
 * The label of a matched section: its kind, and its own title where it has one.
 * @example sectionLabel({ section: { code: 'c', label: 'Security', start: 0, end: 9 } }, strings) // 'Checklist · Security'
 */
export function sectionLabel(match: Pick<SectionMatch, 'section'>, strings: SectionStrings): string {
  const { code, label } = match.section;
  switch (code) {
    case 'r':
      return strings.responsibility;
    case 'c':
    case 'k':
      return label ? `${strings.checklist} · ${label}` : strings.checklist;
    case 'e':
      return strings.example.replace('{n}', label);
    case 'd':
      return strings.description;
    case 's':
      return label || strings.definition;
    case 'b':
      return strings.definition;
    default:
      return '';
  }
}
