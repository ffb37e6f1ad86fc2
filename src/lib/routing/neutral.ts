import { createHash } from 'node:crypto';
import type { AgentEntry } from '../schema.ts';
import { LOCALE_TABLE, type Locale } from '../locales.ts';
import type { Redirect } from './redirects.ts';
import { agentPath, neutralAgentPath, withBase } from './paths.ts';

/**
 * Language-neutral links and old-slug redirects. `/agents/<slug>/` opens the agent in the reader's
 * language (a script picks it; without JavaScript the page lists the three versions).
 * `/agents/<old>/` and `/<locale>/agents/<old>/` lead to the agent's current slug. Pages only
 * display what these functions prepare.
 */

/** One language version of an agent, as the neutral page lists it. */
export interface LocaleLink {
  locale: Locale;
  /** URL segment (`zh-hant`). */
  segment: string;
  /** The locale's own name (`繁體中文`). */
  nativeName: string;
  /** The agent's title in that locale. */
  title: string;
  /** Link with base path. */
  href: string;
}

/** Props of a neutral page: an agent's own, or one of an old slug that now leads to it. */
export interface NeutralPageProps {
  /** The agent's current slug. */
  slug: string;
  name: string;
  /** Titles of the agent in each locale. */
  titles: Record<Locale, string>;
  /** The old slug this page is at, when it is a redirect. */
  movedFrom?: string;
}

/** A localized redirect page's props. */
export interface LocalizedRedirectProps {
  locale: Locale;
  from: string;
  to: string;
  title: string;
}

function titlesOf(agent: Pick<AgentEntry, 'localized'>): Record<Locale, string> {
  return Object.fromEntries(LOCALE_TABLE.map((l) => [l.tag, agent.localized[l.tag].title])) as Record<Locale, string>;
}

/**
 * `getStaticPaths` of `/agents/[...slug]`: one page per agent and one per old slug. Redirects
 * whose target is unknown are left out (the catalog has already reported them).
 */
export function neutralPaths(
  agents: ReadonlyArray<Pick<AgentEntry, 'slug' | 'name' | 'localized'>>,
  redirects: readonly Redirect[],
): Array<{ params: { slug: string }; props: NeutralPageProps }> {
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  const own = agents.map((a) => ({ params: { slug: a.slug }, props: { slug: a.slug, name: a.name, titles: titlesOf(a) } }));
  const moved = redirects.flatMap((r) => {
    const target = bySlug.get(r.to);
    if (!target || bySlug.has(r.from)) return [];
    return [{ params: { slug: r.from }, props: { slug: target.slug, name: target.name, titles: titlesOf(target), movedFrom: r.from } }];
  });
  return [...own, ...moved];
}

/** `getStaticPaths` of the localized redirect pages: `/<locale>/agents/<old>/` for every old slug. */
export function localizedRedirectPaths(
  agents: ReadonlyArray<Pick<AgentEntry, 'slug' | 'localized'>>,
  redirects: readonly Redirect[],
): Array<{ params: { locale: string; old: string }; props: LocalizedRedirectProps }> {
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  return LOCALE_TABLE.flatMap((l) =>
    redirects.flatMap((r) => {
      const target = bySlug.get(r.to);
      if (!target || bySlug.has(r.from)) return [];
      return [{ params: { locale: l.segment, old: r.from }, props: { locale: l.tag, from: r.from, to: r.to, title: target.localized[l.tag].title } }];
    }),
  );
}

/** The three language versions of an agent, with base path. */
export function localeLinks(slug: string, titles: Record<Locale, string>, base: string): LocaleLink[] {
  return LOCALE_TABLE.map((l) => ({
    locale: l.tag,
    segment: l.segment,
    nativeName: l.nativeName,
    title: titles[l.tag],
    href: withBase(base, agentPath(l.tag, slug)),
  }));
}

/**
 * What the neutral page's script hands to `redirectToPreferredLocale`: the path after the
 * locale segment, e.g. `agents/backend-developer/`.
 */
export function neutralRest(slug: string): string {
  return agentPath('en', slug).replace(/^\/en\//, '');
}

/** The neutral link of an agent, with base path: `/agent-atlas/agents/backend-developer/`. */
export function neutralHref(slug: string, base: string): string {
  return withBase(base, neutralAgentPath(slug));
}

/**
 * The script of a redirect page: go to `target`, keeping the query and `#fragment` (a meta
 * refresh would drop the fragment). `target` is JSON-encoded, so no slug can break out of it.
 */
export function redirectScript(target: string): string {
  return `location.replace(${JSON.stringify(target).replace(/</g, '\\u003c')}+location.search+location.hash);`;
}

/** The CSP hash of an inline script (`sha256-…`), so the site's content security policy allows it. */
export function scriptHash(script: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}
