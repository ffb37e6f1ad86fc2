import { type Locale, segmentOf } from '../locales.ts';

/**
 * Every URL the site makes, relative to the base path. Pages and components call these with
 * `import.meta.env.BASE_URL`, so a site hosted under `/agent-atlas/` links correctly.
 */

/**
 * Joins the base path and a site path, with exactly one slash between them.
 * @example withBase('/agent-atlas/', '/en/') // '/agent-atlas/en/'
 */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** `/en/` */
export function homePath(locale: Locale): string {
  return `/${segmentOf(locale)}/`;
}

/** `/zh-hant/agents/backend-developer/` */
export function agentPath(locale: Locale, slug: string): string {
  return `/${segmentOf(locale)}/agents/${slug}/`;
}

/** The language-neutral link to an agent: `/agents/backend-developer/`. */
export function neutralAgentPath(slug: string): string {
  return `/agents/${slug}/`;
}

/** `/en/graph/` */
export function graphPath(locale: Locale): string {
  return `/${segmentOf(locale)}/graph/`;
}

/** `/en/search/` */
export function searchPath(locale: Locale): string {
  return `/${segmentOf(locale)}/search/`;
}

/** The raw agent file: `/raw/telegram-bot/backend-architect.md`. */
export function rawPath(slug: string): string {
  return `/raw/${slug}.md`;
}

/** The same page in another locale: swaps the locale segment of a site path. */
export function switchLocalePath(path: string, to: Locale): string {
  return path.replace(/^\/(en|zh-hant|zh-hans)(?=\/|$)/, `/${segmentOf(to)}`);
}
