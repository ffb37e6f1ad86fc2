import { LOCALES, type Locale } from '../locales.ts';
import type { Agent, LocalizedContent } from '../schema.ts';

/**
 * Translation status of every agent in every locale, as the site will show it. Pure: it reads the
 * statuses the localize stage already decided (see `localize-agent.ts`), so this report and the
 * built pages can never disagree.
 */

/** How a locale's content was obtained: original, converted, translated, outdated or missing. */
export type TranslationState = LocalizedContent['status'];

/** Every status, in the order tables and totals list them. */
export const STATES: readonly TranslationState[] = ['original', 'converted', 'translated', 'outdated', 'missing'];

/** One agent's row of the report. */
export interface StatusRow {
  slug: string;
  file: string;
  sourceLang: Locale;
  statuses: Record<Locale, TranslationState>;
}

/** The whole report: one row per agent, and per-locale counts of each status. */
export interface StatusReport {
  rows: StatusRow[];
  totals: Record<Locale, Record<TranslationState, number>>;
}

/** The fields of an agent the report needs; a full catalog `Agent` fits. */
export type StatusInput = Pick<Agent, 'slug' | 'file' | 'sourceLang'> & {
  localized: Record<Locale, Pick<LocalizedContent, 'status'>>;
};

function emptyCounts(): Record<TranslationState, number> {
  return Object.fromEntries(STATES.map((s) => [s, 0])) as Record<TranslationState, number>;
}

/**
 * Builds the status report of a list of agents (rows sorted by slug, so output is stable).
 * @example translationStatus(catalog.agents).totals.en.missing // 0
 */
export function translationStatus(agents: readonly StatusInput[]): StatusReport {
  const totals = Object.fromEntries(LOCALES.map((l) => [l, emptyCounts()])) as StatusReport['totals'];
  const rows = [...agents]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((agent): StatusRow => {
      const statuses = {} as Record<Locale, TranslationState>;
      for (const locale of LOCALES) {
        const status = agent.localized[locale]?.status ?? 'missing';
        statuses[locale] = status;
        totals[locale][status] += 1;
      }
      return { slug: agent.slug, file: agent.file, sourceLang: agent.sourceLang, statuses };
    });
  return { rows, totals };
}

/** Pads every column to its widest cell; the last column is not padded (no trailing spaces). */
function align(table: string[][]): string[] {
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => displayWidth(row[i] ?? ''))));
  return table.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - displayWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
}

/** Terminal width of a text: CJK characters take two columns, so Chinese slugs still line up. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * Formats the report as an aligned text table: one line per agent (slug, source language, one
 * column per locale), then one totals line per status, and a hint when something needs work.
 */
export function formatStatusTable(report: StatusReport): string {
  const header = ['Agent', 'Source', ...LOCALES];
  const body = report.rows.map((r) => [r.slug, r.sourceLang, ...LOCALES.map((l) => r.statuses[l])]);
  const totals = STATES.map((s) => [`total ${s}`, '', ...LOCALES.map((l) => String(report.totals[l][s]))]);
  const lines = align([header, ...body, ...totals]);
  const width = Math.max(...lines.map(displayWidth));
  const rule = '-'.repeat(width);
  const out = [lines[0], rule, ...lines.slice(1, 1 + body.length), rule, ...lines.slice(1 + body.length)];
  if (report.rows.length === 0) out.splice(2, 0, '(no agents found)');
  const todo = LOCALES.flatMap((l) => {
    const n = report.totals[l].missing + report.totals[l].outdated;
    return n ? [`${l}: ${report.totals[l].missing} missing, ${report.totals[l].outdated} outdated`] : [];
  });
  out.push('', todo.length ? `Needs work: ${todo.join('; ')}. Run: npm run translate -- --to <locale>` : 'Every locale is up to date.');
  return out.join('\n');
}
