import { test, expect, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Quality gates on the built e2e site:
 * - links: a crawl from each locale's home follows every internal `<a href>`; each must lead to
 *   an existing page, and its `#fragment` to an element id on that page;
 * - language: every page has a valid `lang` matching its locale, and every `lang` inside is valid;
 * - accessibility: zero axe-core violations (WCAG 2.1 A and AA) on the home, an agent, the graph
 *   and the search page of each locale.
 */

const LOCALES = [
  { segment: 'en', tag: 'en' },
  { segment: 'zh-hant', tag: 'zh-Hant' },
  { segment: 'zh-hans', tag: 'zh-Hans' },
] as const;

/** Pages that must pass axe in every locale. */
const AXE_PAGES = ['', 'agents/backend-developer/', 'agents/hostile-agent/', 'graph/', 'search/'];

interface Page {
  status: number;
  html?: string;
  ids: Set<string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Values of one attribute on every tag of a name (`*` for any tag). */
function attributeValues(html: string, tag: string, attr: string): string[] {
  const tags = html.match(new RegExp(`<${tag === '*' ? '[a-zA-Z][\\w-]*' : tag}\\s[^>]*>`, 'g')) ?? [];
  const re = new RegExp(`\\s${attr}=("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  return tags.flatMap((t) => {
    const m = re.exec(t);
    return m ? [decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')] : [];
  });
}

/** Crawls the site from the locale homes; returns every page fetched and every link found. */
async function crawl(request: APIRequestContext, baseURL: string) {
  const base = new URL(baseURL);
  const pages = new Map<string, Promise<Page>>();
  const links: Array<{ from: string; href: string; url: URL }> = [];
  const fetchPage = (path: string): Promise<Page> => {
    let p = pages.get(path);
    if (!p) {
      p = (async () => {
        const response = await request.get(new URL(path, base.origin).href);
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('text/html') || !response.ok()) return { status: response.status(), ids: new Set<string>() };
        const html = await response.text();
        const ids = new Set([...attributeValues(html, '*', 'id'), ...attributeValues(html, 'a', 'name')]);
        return { status: response.status(), html, ids };
      })();
      pages.set(path, p);
    }
    return p;
  };
  const queue = LOCALES.map((l) => `${base.pathname}${l.segment}/`);
  const visited = new Set<string>();
  while (queue.length) {
    const batch = queue.splice(0, 8).filter((p) => !visited.has(p));
    batch.forEach((p) => visited.add(p));
    const results = await Promise.all(batch.map(async (path) => [path, await fetchPage(path)] as const));
    for (const [path, page] of results) {
      if (!page.html) continue;
      for (const href of attributeValues(page.html, 'a', 'href')) {
        const url = new URL(href, new URL(path, base.origin));
        if (url.origin !== base.origin) continue; // another site: not checked here (and never loaded).
        links.push({ from: path, href, url });
        if (!visited.has(url.pathname) && url.pathname.startsWith(base.pathname)) queue.push(url.pathname);
      }
    }
  }
  return { pages, links, base };
}

test('no broken internal links or anchors in any locale', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const { pages, links, base } = await crawl(request, baseURL!);
  const broken: string[] = [];
  for (const link of links) {
    if (!link.url.pathname.startsWith(base.pathname)) {
      broken.push(`${link.from}: ${link.href} is outside the site's base path ${base.pathname}`);
      continue;
    }
    const target = await pages.get(link.url.pathname);
    const page: Page = target ?? { status: (await request.get(link.url.href)).status(), ids: new Set<string>() };
    if (page.status !== 200) {
      broken.push(`${link.from}: ${link.href} → HTTP ${page.status}`);
      continue;
    }
    const fragment = decodeURIComponent(link.url.hash.slice(1));
    if (fragment && fragment !== 'top' && page.html && !page.ids.has(fragment)) broken.push(`${link.from}: ${link.href} → no element with id "${fragment}"`);
  }
  let htmlPages = 0;
  for (const p of pages.values()) if ((await p).html) htmlPages++;
  expect(htmlPages).toBeGreaterThan(20);
  expect(links.length).toBeGreaterThan(100);
  expect([...new Set(broken)]).toEqual([]);
});

test('every page has a valid lang that matches its locale', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const { pages, base } = await crawl(request, baseURL!);
  const wrong: string[] = [];
  let checked = 0;
  for (const [path, pending] of pages) {
    const page = await pending;
    if (!page.html) continue;
    checked++;
    const root = /<html\s[^>]*>/i.exec(page.html)?.[0] ?? '';
    const lang = attributeValues(root, 'html', 'lang')[0];
    if (!lang) {
      wrong.push(`${path}: <html> has no lang`);
      continue;
    }
    const segment = path.slice(base.pathname.length).split('/')[0];
    const expected = LOCALES.find((l) => l.segment === segment)?.tag;
    if (expected && lang !== expected) wrong.push(`${path}: lang="${lang}", expected "${expected}"`);
    for (const value of attributeValues(page.html, '*', 'lang')) {
      try {
        if (Intl.getCanonicalLocales(value).length !== 1) throw new RangeError(value);
      } catch {
        wrong.push(`${path}: invalid lang="${value}"`);
      }
    }
  }
  expect(checked).toBeGreaterThan(20);
  expect(wrong).toEqual([]);
});

for (const locale of LOCALES) {
  for (const path of AXE_PAGES) {
    test(`no WCAG 2.1 AA violations on /${locale.segment}/${path}`, async ({ page }) => {
      test.setTimeout(120_000);
      const response = await page.goto(`${locale.segment}/${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale.tag);
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
      const summary = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
        violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(summary((await new AxeBuilder({ page }).withTags(tags).analyze()).violations), 'light colour scheme').toEqual([]);
      // Only colours change in the dark scheme: check contrast again there.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(summary((await new AxeBuilder({ page }).withTags(tags).withRules(['color-contrast']).analyze()).violations), 'dark colour scheme').toEqual([]);
    });
  }
}
