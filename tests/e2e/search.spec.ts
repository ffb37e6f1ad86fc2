import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { E2E_EDIT } from './fixture-edit.ts';
import type { PartsList } from '../../src/lib/search/bundle-files.ts';

/**
 * Search: the header box in every locale (results as you type, keyboard, links to the matching
 * section's anchor), Chinese queries in either script, English names on the Chinese sites, the
 * shareable search page and its filters. The fixture catalog is small, so the expected results
 * are known: `速率限制` / "rate limiting" is a responsibility of contains-studio's
 * backend-architect, a checklist item of release-manager, and a passing mention elsewhere.
 */

// The first search loads Pagefind (and, for Chinese, OpenCC): allow a slow machine time for it.
test.describe.configure({ timeout: 90_000 });
const SLOW = { timeout: 20_000 };

const box = (page: Page) => page.locator('#site-search');
const options = (page: Page) => page.locator('#site-search-results [role="option"]');

/** Types a query into the header box (opened with the `/` shortcut) and waits for results. */
async function typeQuery(page: Page, query: string) {
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type(query);
  await shows(page, query);
  await expect(options(page).first()).toBeVisible(SLOW);
}

/** Waits until the list shows the results of this query (not of a prefix typed before it). */
async function shows(page: Page, query: string) {
  await expect(page.locator('#site-search-results')).toHaveAttribute('data-query', query, SLOW);
}

/** Hrefs of the options, once each has its matching section (titles show first). */
async function optionHrefs(page: Page): Promise<string[]> {
  await expect(page.locator('#site-search-results [role="option"]:not([data-ready])')).toHaveCount(0, SLOW);
  return options(page).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.href ?? ''));
}

const duty = [
  { locale: 'en', query: 'rate limiting', excerpt: 'rate limiting' },
  { locale: 'zh-hant', query: '速率限制', excerpt: '速率限制' },
  { locale: 'zh-hans', query: '速率限制', excerpt: '速率限制' },
] as const;

for (const { locale, query, excerpt } of duty) {
  test(`header search in ${locale} ranks the responsibility first and opens its anchor`, async ({ page }) => {
    await page.goto(`${locale}/agents/backend-developer/`);
    await typeQuery(page, query);
    const first = options(page).first();
    await expect(first).toContainText(excerpt, { ignoreCase: true, ...SLOW });
    const hrefs = await optionHrefs(page);
    expect(hrefs[0]).toMatch(new RegExp(`/agent-atlas/${locale}/agents/contains-studio/backend-architect/#i-[0-9a-f]+$`));
    await page.keyboard.press('ArrowDown');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${hrefs[0].replace(/[/.]/g, '\\$&')}$`));
    const anchor = hrefs[0].split('#')[1];
    await expect(page.locator(`[id="${anchor}"]`)).toContainText(excerpt, { ignoreCase: true });
  });
}

test('a checklist item ranks above passing mentions and links to the item', async ({ page }) => {
  await page.goto('en/');
  await typeQuery(page, 'staging');
  const hrefs = await optionHrefs(page);
  expect(hrefs[0]).toMatch(/\/en\/agents\/release-manager\/#i-[0-9a-f]+$/);
  await expect(options(page).first()).toContainText(/checklist/i);
});

test('Simplified characters on the Traditional site find the pages that say 資料庫', async ({ page }) => {
  await page.goto('zh-hant/');
  await typeQuery(page, '資料庫');
  const traditional = (await optionHrefs(page)).sort();
  expect(traditional.length).toBeGreaterThanOrEqual(3);
  await box(page).fill('');
  await expect(options(page)).toHaveCount(0);
  await box(page).pressSequentially('数据库');
  await shows(page, '数据库');
  await expect(options(page)).toHaveCount(traditional.length, SLOW);
  expect((await optionHrefs(page)).sort()).toEqual(traditional);
  await expect(options(page).first().locator('mark').first()).toContainText('資料庫');
});

test('Traditional characters on the Simplified site find the Simplified pages', async ({ page }) => {
  await page.goto('zh-hans/');
  await typeQuery(page, '速率限制');
  const simplified = (await optionHrefs(page)).sort();
  await box(page).fill('實施速率限制');
  await shows(page, '實施速率限制');
  await expect(options(page)).toHaveCount(1, SLOW);
  expect(simplified).toContain((await optionHrefs(page))[0]);
});

test('English names find agents on the Chinese sites', async ({ page }) => {
  await page.goto('zh-hans/');
  await typeQuery(page, 'release-manager');
  expect((await optionHrefs(page))[0]).toBe('/agent-atlas/zh-hans/agents/release-manager/');
});

test('the keyboard opens, moves through and closes the results', async ({ page }) => {
  await page.goto('en/agents/backend-developer/');
  await page.locator('body').click();
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('database');
  await shows(page, 'database');
  await expect(options(page).nth(1)).toBeVisible(SLOW);
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  // Enter with no result chosen opens the search page with the query.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/agent-atlas\/en\/search\/\?q=database$/);
  await expect(page.locator('.search-hit').first()).toBeVisible(SLOW);
});

test('the search page URL can be shared: it reloads the same filtered results', async ({ page }) => {
  await page.goto('zh-hans/search/?q=%E9%80%9F%E7%8E%87%E9%99%90%E5%88%B6&kind=responsibility');
  await expect(page.locator('#search-query')).toHaveValue('速率限制');
  await expect(page.locator('select[name="kind"]')).toHaveValue('responsibility');
  const hits = page.locator('.search-hit');
  await expect(hits).toHaveCount(1, SLOW);
  await expect(hits.first().locator('a').first()).toHaveAttribute('href', '/agent-atlas/zh-hans/agents/contains-studio/backend-architect/');
  await expect(hits.first().locator('.search-result__section').first()).toHaveText('职责');
  await page.reload();
  await expect(hits).toHaveCount(1, SLOW);
  // Typing updates the URL in place.
  await page.locator('#search-query').fill('数据库');
  await expect(page).toHaveURL(/\?q=%E6%95%B0%E6%8D%AE%E5%BA%93&kind=responsibility$/);
});

test('filters narrow the results and are kept in the URL', async ({ page }) => {
  await page.goto('en/search/?q=api');
  const status = page.locator('[data-search-page-status]');
  await expect(status).toHaveText(/^\d+ results?$/, SLOW);
  const all = Number((await status.textContent())!.match(/\d+/)![0]);
  expect(all).toBeGreaterThan(2);

  await page.locator('select[name="kind"]').selectOption('checklist');
  await expect(page).toHaveURL(/[?&]kind=checklist/);
  await expect(status).not.toHaveText(`${all} results`);
  const checklist = Number((await status.textContent())!.match(/\d+/)![0]);
  expect(checklist).toBeLessThan(all);
  expect(checklist).toBeGreaterThan(0);
  for (const label of await page.locator('.search-hit .search-result__section').allTextContents()) expect(label).toMatch(/^Checklist/);

  await page.locator('select[name="kind"]').selectOption('');
  await page.locator('select[name="collection"]').selectOption('telegram-bot');
  await expect(page).toHaveURL(/[?&]collection=telegram-bot/);
  await expect(page.locator('.search-hit')).toHaveCount(1, SLOW);
  await expect(page.locator('.search-hit h2 a')).toHaveAttribute('href', '/agent-atlas/en/agents/telegram-bot/backend-architect/');
});

test('after an edit, search finds the agent once and never its old text (the index overlay hides it)', async ({ page, request }) => {
  // The served site was rebuilt after removing a paragraph from a zh-Hant agent (scripts/e2e-serve.ts):
  // its Chinese pages changed (its English page is a translation, unchanged).
  // Its two Chinese records (one index for every locale: ids start with its language, `en`).
  const list = (await (await request.get('pagefind/atlas-parts.json')).json()) as PartsList;
  expect(list.hidden.map((id) => id.split('_')[0]).sort()).toEqual(['en', 'en']);
  await page.goto(`zh-hant/search/?q=${E2E_EDIT.word}`);
  await expect(page.locator('[data-search-page-status]')).toHaveText(`找不到「${E2E_EDIT.word}」的結果。`, SLOW);
  // Words of the edited agent still find it, once (not its old page as well). A Latin query, so
  // the list is not searched again in the other script; it is read once every result is shown.
  await page.goto('zh-hant/search/?q=api');
  const status = page.locator('[data-search-page-status]');
  await expect(status).toHaveText(/^(\d+) 筆結果$/, SLOW);
  const count = Number((await status.textContent())!.match(/\d+/)![0]);
  await expect(page.locator('.search-hit')).toHaveCount(count, SLOW);
  const hrefs = await page.locator('.search-hit h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => h === '/agent-atlas/zh-hant/agents/contains-studio/backend-architect/')).toHaveLength(1);
  // The page itself was rendered again, without the paragraph.
  await page.goto('zh-hant/agents/contains-studio/backend-architect/');
  await expect(page.locator('main')).toContainText('速率限制');
  await expect(page.locator('main')).not.toContainText(E2E_EDIT.word);
});

test('without JavaScript the header box is a form that opens the search page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('zh-hant/agents/backend-developer/');
  await expect(page.locator('form[role="search"]').first()).toHaveAttribute('action', '/agent-atlas/zh-hant/search/');
  await page.locator('#site-search').fill('API');
  await page.locator('#site-search').press('Enter');
  await expect(page).toHaveURL(/\/agent-atlas\/zh-hant\/search\/\?q=API$/);
  await context.close();
});

test('open results pass axe (WCAG 2.1 AA) in both colour schemes', async ({ page }) => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const check = async (label: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${label}, ${scheme}`).toEqual([]);
    }
  };
  await page.goto('zh-hant/agents/backend-developer/');
  await typeQuery(page, '資料庫');
  await optionHrefs(page);
  await page.keyboard.press('ArrowDown');
  await check('header results');
  await page.goto('en/search/?q=api&kind=checklist');
  await expect(page.locator('.search-hit').first()).toBeVisible(SLOW);
  await check('search page');
});
