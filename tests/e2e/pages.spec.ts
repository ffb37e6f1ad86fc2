import { expect, test } from '@playwright/test';

const LOCALES = [
  { segment: 'en', lang: 'en', switcher: 'English', responsibilities: 'Responsibilities' },
  { segment: 'zh-hant', lang: 'zh-Hant', switcher: '繁體中文', responsibilities: '職責' },
  { segment: 'zh-hans', lang: 'zh-Hans', switcher: '简体中文', responsibilities: '职责' },
] as const;

const SEEDS = ['backend-developer', 'backend-engineer', 'backend-architect-persona', 'contains-studio/backend-architect', 'telegram-bot/backend-architect'];

for (const l of LOCALES) {
  test(`every seed agent has a complete page in ${l.lang}`, async ({ page }) => {
    for (const slug of SEEDS) {
      await page.goto(`${l.segment}/agents/${slug}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
      await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
      await expect(page.locator('#responsibilities')).toContainText(l.responsibilities);
      await expect(page.locator('#definition + .prose')).not.toBeEmpty();
      // Every seed is translated, so no page says it is missing a translation.
      await expect(page.locator('.notice--missing')).toHaveCount(0);
    }
  });

  test(`the ${l.lang} home lists every agent with its details`, async ({ page }) => {
    await page.goto(`${l.segment}/`);
    const cards = page.locator('.agent-card');
    // The five seeds, extras/release-manager and hostile/hostile-agent.
    await expect(cards).toHaveCount(7);
    await expect(page.getByRole('link', { name: 'backend-developer' }).or(page.getByRole('link', { name: 'Backend Developer' }))).toHaveCount(1);
    await expect(page.locator('.coverage')).toBeVisible();
  });
}

test('the English page of a zh-Hant agent shows the translation with its examples as a dialogue', async ({ page }) => {
  await page.goto('en/agents/contains-studio/backend-architect/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backend Architect');
  await expect(page.locator('.notice--translated')).toContainText('Traditional Chinese');
  await expect(page.locator('.example')).toHaveCount(3);
  await expect(page.locator('.example').first().locator('.turn--user')).toContainText('API');
  await expect(page.locator('section[aria-labelledby="responsibilities"] .item-list').first().locator(':scope > li')).toHaveCount(6);
});

test('the Traditional page of a Simplified agent is converted with Taiwan phrases', async ({ page }) => {
  await page.goto('zh-hant/agents/telegram-bot/backend-architect/');
  await expect(page.locator('.notice--converted')).toBeVisible();
  await expect(page.locator('.prose')).toContainText('資料庫');
  await expect(page.locator('.prose')).not.toContainText('数据库');
});

test('an agent without a translation still has a page, in the page language, with a notice and the right lang', async ({ page }) => {
  await page.goto('zh-hant/agents/release-manager/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.locator('.notice--missing')).toContainText('尚未翻譯成繁體中文');
  await expect(page.locator('#definition + .prose')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#definition')).toHaveText('完整定義');
});

test('the language switcher opens the same page in another language and keeps the fragment', async ({ page }) => {
  await page.goto('en/agents/backend-developer/#checklists');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '简体中文' }).click();
  await expect(page).toHaveURL(/\/zh-hans\/agents\/backend-developer\/#checklists$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('#checklists')).toBeInViewport();
});

test('the root page sends a zh-TW browser to the Traditional site', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-TW' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page).toHaveURL(/\/zh-hant\/$/);
  await context.close();
});

test('the root page works without JavaScript: three links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('link', { name: '繁體中文' })).toHaveAttribute('href', /\/zh-hant\/$/);
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', /\/en\/$/);
  await expect(page.getByRole('link', { name: '简体中文' })).toHaveAttribute('href', /\/zh-hans\/$/);
  await context.close();
});

test('the agent file can be copied, downloaded and installed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('en/agents/backend-engineer/');
  await page.getByRole('button', { name: 'Copy agent file' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('---\nname: backend-engineer\n')).toBe(true);
  const download = page.getByRole('link', { name: 'Download' });
  await expect(download).toHaveAttribute('download', 'backend-engineer.md');
  const raw = await page.request.get(String(await download.getAttribute('href')).replace(/^\//, '/'));
  expect(await raw.text()).toBe(copied);
  await page.getByText('Install into a project').click();
  await expect(page.locator('#install-command')).toContainText(".claude/agents/backend-engineer.md'");
});
