import { expect, test, type Browser } from '@playwright/test';

/**
 * Links a teammate can open, in their own language, for years: language-neutral links, anchors
 * that survive the hop, copy-link controls, old slugs, the 404 page, and the head tags and files
 * that link previews and crawlers read. The site is built under the base path /agent-atlas/.
 */

async function openIn(browser: Browser, locale: string, path: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ locale, javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(path);
  return { context, page, response };
}

test.describe('language-neutral links', () => {
  for (const [browserLocale, segment, lang] of [
    ['zh-TW', 'zh-hant', 'zh-Hant'],
    ['zh-CN', 'zh-hans', 'zh-Hans'],
    ['en-US', 'en', 'en'],
  ] as const) {
    test(`open in ${segment} for a ${browserLocale} browser`, async ({ browser, baseURL }) => {
      const { context, page } = await openIn(browser, browserLocale, 'agents/backend-developer/');
      await page.waitForURL(`${baseURL}${segment}/agents/backend-developer/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await context.close();
    });
  }

  test('the language chosen before on the site wins over the browser', async ({ browser, baseURL }) => {
    const { context, page } = await openIn(browser, 'en-US', 'zh-hans/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await page.goto('agents/contains-studio/backend-architect/');
    await page.waitForURL(`${baseURL}zh-hans/agents/contains-studio/backend-architect/`);
    await context.close();
  });

  test('keeps the fragment: #checklists lands on the checklists', async ({ browser, baseURL }) => {
    const { context, page } = await openIn(browser, 'zh-TW', 'agents/backend-developer/#checklists');
    await page.waitForURL(`${baseURL}zh-hant/agents/backend-developer/#checklists`);
    await expect(page.locator('#checklists')).toBeInViewport();
    await context.close();
  });

  test('without JavaScript: a plain page linking the three versions', async ({ browser, baseURL }) => {
    const { context, page, response } = await openIn(browser, 'zh-TW', 'agents/backend-developer/', false);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${baseURL}agents/backend-developer/`);
    const links = page.locator('main a[hreflang]');
    await expect(links).toHaveCount(3);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/agent-atlas/en/agents/backend-developer/', '/agent-atlas/zh-hant/agents/backend-developer/', '/agent-atlas/zh-hans/agents/backend-developer/']);
    await expect(page.locator('main li[lang="zh-Hant"]')).toContainText('繁體中文 — backend-developer');
    await links.nth(2).click();
    await expect(page).toHaveURL(`${baseURL}zh-hans/agents/backend-developer/`);
    await context.close();
  });
});

test.describe('anchors and copy link', () => {
  test('copies the language-neutral link with the anchor, and says so to screen readers', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto('zh-hant/agents/backend-developer/');
    const item = page.locator('section[aria-labelledby="checklists"] li.item').first();
    const id = await item.getAttribute('id');
    expect(id).toMatch(/^[a-z0-9-]+$/);
    await item.locator('.copy-link').first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}agents/backend-developer/#${id}`);
    await expect(page.locator('#live-region')).toHaveText('已複製連結');

    // The same anchor exists in the other languages, so the link lands in any of them.
    for (const segment of ['en', 'zh-hans']) {
      await page.goto(`${segment}/agents/backend-developer/#${id}`);
      await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
      await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    }
    await context.close();
  });

  test('every section heading and every extracted item has a copy-link control; ids are unique', async ({ page }) => {
    await page.goto('en/agents/backend-architect-persona/');
    for (const id of ['responsibilities', 'checklists', 'collaboration', 'definition']) {
      await expect(page.locator(`h2#${id} .copy-link`)).toHaveCount(1);
    }
    const items = page.locator('.item-list li.item');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.evaluateAll((lis) => lis.filter((li) => !li.querySelector(':scope > .item__row > .copy-link')).length)).toBe(0);
    const dupes = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(dupes).toEqual([]);
  });
});

test.describe('old slugs', () => {
  test('a redirect list entry leads to the new slug in the same language, keeping the fragment', async ({ page, baseURL }) => {
    await page.goto('zh-hant/agents/backend-dev/#checklists');
    await page.waitForURL(`${baseURL}zh-hant/agents/backend-developer/#checklists`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  });

  test('the language-neutral old link picks the language too', async ({ browser, baseURL }) => {
    const { context, page } = await openIn(browser, 'zh-CN', 'agents/backend-dev/#checklists');
    await page.waitForURL(`${baseURL}zh-hans/agents/backend-developer/#checklists`);
    await context.close();
  });

  test('without JavaScript the neutral old link refreshes to the current neutral page', async ({ browser, baseURL }) => {
    const { context, page } = await openIn(browser, 'zh-TW', 'agents/backend-dev/', false);
    await page.waitForURL(`${baseURL}agents/backend-developer/`);
    await expect(page.locator('main a[hreflang]')).toHaveCount(3);
    await context.close();
  });

  test('an alias in front matter redirects, also without JavaScript', async ({ browser, baseURL }) => {
    const { context, page } = await openIn(browser, 'en-US', 'en/agents/releases/', false);
    await page.waitForURL(`${baseURL}en/agents/release-manager/`);
    await expect(page.locator('h1')).toContainText('release-manager');
    await context.close();
  });

  test('redirect pages name their target as canonical and are not indexed', async ({ request, baseURL }) => {
    const html = await (await request.get('zh-hans/agents/releases/')).text();
    expect(html).toContain(`<link rel="canonical" href="${baseURL}zh-hans/agents/release-manager/">`);
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/agent-atlas\/zh-hans\/agents\/release-manager\/">/);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});

test.describe('404', () => {
  test('suggests the closest agent, in the language of the address', async ({ page, baseURL }) => {
    const response = await page.goto('en/agents/backend-develper/');
    expect(response?.status()).toBe(404);
    const suggestion = page.locator('section[data-nf-section="en"] a[data-nf-suggestion]').first();
    await expect(suggestion).toHaveAttribute('href', '/agent-atlas/en/agents/backend-developer/');
    await expect(page.locator('section[data-nf-section="zh-hant"]')).toBeHidden();
    await suggestion.click();
    await expect(page).toHaveURL(`${baseURL}en/agents/backend-developer/`);
  });

  test('speaks Chinese for a Chinese address, with Chinese titles', async ({ browser }) => {
    const { context, page } = await openIn(browser, 'en-US', 'zh-hant/agents/backend-develper/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.locator('section[data-nf-section="zh-hant"] h1')).toHaveText('找不到頁面');
    await expect(page.locator('section[data-nf-section="en"]')).toBeHidden();
    await expect(page.locator('a[data-nf-suggestion="backend-developer"]')).toHaveAttribute('href', '/agent-atlas/zh-hant/agents/backend-developer/');
    await context.close();
  });

  test('without JavaScript it links the three home pages', async ({ browser }) => {
    const { context, page, response } = await openIn(browser, 'en-US', 'agents/nothing-like-this/', false);
    expect(response?.status()).toBe(404);
    const homes = await page.locator('a[data-nf-home]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(homes).toEqual(['/agent-atlas/en/', '/agent-atlas/zh-hant/', '/agent-atlas/zh-hans/']);
    await context.close();
  });
});

test.describe('previews and crawlers', () => {
  test('agent pages carry canonical, hreflang alternates and a preview image in their language', async ({ page, request, baseURL }) => {
    await page.goto('zh-hant/agents/telegram-bot/backend-architect/');
    const head = page.locator('head');
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}zh-hant/agents/telegram-bot/backend-architect/`);
    const alternates = await head.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    expect(alternates).toEqual([
      ['en', `${baseURL}en/agents/telegram-bot/backend-architect/`],
      ['zh-Hant', `${baseURL}zh-hant/agents/telegram-bot/backend-architect/`],
      ['zh-Hans', `${baseURL}zh-hans/agents/telegram-bot/backend-architect/`],
      ['x-default', `${baseURL}agents/telegram-bot/backend-architect/`],
    ]);
    // Images are named by their card's content, so locales that show the same card share one.
    const image = await head.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(new RegExp(`^${baseURL}og/[0-9a-f]{16,}\\.png$`));
    await page.goto('zh-hans/agents/telegram-bot/backend-architect/');
    const simplified = await page.locator('head meta[property="og:image"]').getAttribute('content');
    expect(simplified, 'the Simplified page shows other text, so another card').not.toBe(image);
    await page.goto('zh-hant/agents/telegram-bot/backend-architect/');
    await expect(head.locator('meta[name="twitter:image"]')).toHaveAttribute('content', image!);
    await expect(head.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /telegram-bot/);
    const png = await request.get(image!);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const body = await png.body();
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test('sitemap.xml lists every locale with alternates, robots.txt points at it', async ({ request, baseURL }) => {
    const sitemap = await (await request.get('sitemap.xml')).text();
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(sitemap).toContain(`<loc>${baseURL}zh-hans/agents/backend-developer/</loc>`);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="zh-Hant" href="${baseURL}zh-hant/agents/backend-developer/"/>`);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${baseURL}agents/backend-developer/"/>`);
    expect(sitemap).not.toContain('agents/backend-dev/<');
    const robots = await (await request.get('robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${baseURL}sitemap.xml`);
  });

  test('the suggestion list is small and includes old slugs', async ({ request }) => {
    const response = await request.get('api/slugs.json');
    const body = await response.text();
    expect(body.length).toBeLessThan(4000);
    const list = JSON.parse(body) as { agents: string[][]; redirects: string[][] };
    expect(list.agents.map((a) => a[0])).toContain('telegram-bot/backend-architect');
    expect(list.redirects).toEqual(expect.arrayContaining([['backend-dev', 'backend-developer'], ['releases', 'release-manager']]));
  });
});
