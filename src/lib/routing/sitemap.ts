import { LOCALE_TABLE, type Locale } from '../locales.ts';
import { agentPath, homePath, neutralAgentPath, withBase } from './paths.ts';

/**
 * `sitemap.xml` with language alternates: every localized page lists its versions in the three
 * locales (`xhtml:link hreflang`), and an `x-default` that picks the reader's language: the
 * language chooser for home pages, the neutral link for agent pages.
 */

/** One URL of the sitemap and its alternates (absolute URLs). */
export interface SitemapEntry {
  loc: string;
  alternates: Array<{ hreflang: string; href: string }>;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A page that exists once per locale, and its language-neutral address. */
interface PageSet {
  path: (locale: Locale) => string;
  xDefault: string;
}

function entriesOf(set: PageSet, base: string, site: URL): SitemapEntry[] {
  const abs = (p: string) => new URL(withBase(base, p), site).href;
  const alternates = [
    ...LOCALE_TABLE.map((l) => ({ hreflang: l.tag, href: abs(set.path(l.tag)) })),
    { hreflang: 'x-default', href: abs(set.xDefault) },
  ];
  return LOCALE_TABLE.map((l) => ({ loc: abs(set.path(l.tag)), alternates }));
}

/**
 * The entries of the site: home pages, the other per-locale pages given by name (`graph` for
 * `/<locale>/graph/`), and every agent page.
 */
export function sitemapEntries(slugs: readonly string[], sections: readonly string[], base: string, site: URL): SitemapEntry[] {
  const sets: PageSet[] = [
    { path: homePath, xDefault: '/' },
    ...sections.map((s) => ({ path: (l: Locale) => `${homePath(l)}${s}/`, xDefault: `/en/${s}/` })),
    ...slugs.map((slug) => ({ path: (l: Locale) => agentPath(l, slug), xDefault: neutralAgentPath(slug) })),
  ];
  return sets.flatMap((set) => entriesOf(set, base, site));
}

/** The sitemap XML. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) =>
    [
      '  <url>',
      `    <loc>${escapeXml(e.loc)}</loc>`,
      ...e.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`),
      '  </url>',
    ].join('\n'),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** `robots.txt`: everything may be crawled; the sitemap is named with its absolute URL. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

/**
 * The names of per-locale pages from the page files' paths (`/src/pages/[locale]/graph.astro`
 * → `graph`); dynamic and index pages are left out (the home page is always listed).
 */
export function sectionsFromPageFiles(files: readonly string[]): string[] {
  return files
    .map((f) => f.replace(/^.*\[locale\]\//, '').replace(/(\/index)?\.(astro|md|mdx|html)$/, ''))
    .filter((s) => s && s !== 'index' && !s.includes('[') && !s.includes('/'))
    .sort();
}
