import type { AgentEntry, ContentStatus } from '../schema.ts';
import type { Locale } from '../locales.ts';

/**
 * What the home page of a locale shows: a row per agent, and where the locale's content comes
 * from (the same figures `npm run i18n:status` prints).
 */

/** One row of the agent list. */
export interface HomeRow {
  slug: string;
  name: string;
  title: string;
  summary: string;
  /** Language of `summary` (it may be the source language when untranslated). */
  summaryLang: Locale;
  tools: string[];
  model?: string;
  sourceLang: Locale;
  collection: string;
  status: ContentStatus;
}

/** Counts per status, in a fixed order. */
export type Coverage = Record<ContentStatus, number>;

const STATUSES: ContentStatus[] = ['original', 'converted', 'translated', 'outdated', 'missing'];

/** What the home page of a locale shows. */
export interface HomeModel {
  rows: HomeRow[];
  coverage: Coverage;
  collections: string[];
}

/** Rows sorted by collection then name, and the coverage counts for a locale. */
export function homeModel(agents: readonly AgentEntry[], locale: Locale): HomeModel {
  const coverage = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Coverage;
  const rows = agents
    .map((a): HomeRow => {
      const c = a.localized[locale];
      coverage[c.status]++;
      return {
        slug: a.slug,
        name: a.name,
        title: c.title,
        summary: c.summary.length > 220 ? `${c.summary.slice(0, 217)}…` : c.summary,
        summaryLang: c.contentLang,
        tools: a.tools,
        model: a.model,
        sourceLang: a.sourceLang,
        collection: a.collection,
        status: c.status,
      };
    })
    .sort((x, y) => x.collection.localeCompare(y.collection) || x.name.localeCompare(y.name));
  const collections = [...new Set(rows.map((r) => r.collection))];
  return { rows, coverage, collections };
}

/** The statuses in display order. */
export const STATUS_ORDER: readonly ContentStatus[] = STATUSES;
