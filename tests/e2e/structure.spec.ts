import { expect, test } from '@playwright/test';

test('ticked checklist items survive a reload, per agent', async ({ page }) => {
  await page.goto('en/agents/backend-developer/');
  const first = page.locator('section[aria-labelledby="checklists"] input[type="checkbox"]').first();
  const second = page.locator('section[aria-labelledby="checklists"] input[type="checkbox"]').nth(1);
  await first.check();
  await expect(page.locator('[data-checklist-progress]')).toHaveText('1 of 16 done');
  await page.reload();
  await expect(first).toBeChecked();
  await expect(second).not.toBeChecked();
  // The same item in another language is the same item (same id), so the tick shows there too.
  await page.goto('zh-hant/agents/backend-developer/');
  await expect(page.locator('section[aria-labelledby="checklists"] input[type="checkbox"]').first()).toBeChecked();
  // Another agent's checklist is independent.
  await page.goto('en/agents/release-manager/');
  await expect(page.locator('section[aria-labelledby="checklists"] input[type="checkbox"]').first()).not.toBeChecked();
});

test('the nodes of an agent graph link to the agents\' pages in the same language', async ({ page }) => {
  await page.goto('zh-hans/agents/release-manager/');
  const node = page.locator('section[aria-labelledby="collaboration"] svg a').first();
  await expect(node).toBeVisible();
  await node.click();
  await expect(page).toHaveURL(/\/zh-hans\/agents\/backend-developer\/$/);
  await expect(page.locator('#collaboration')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="collaboration"] .edge-list').last()).toContainText('release-manager');
});

test('the catalog graph lists every collection, the orphans and the unresolved names, with links', async ({ page }) => {
  await page.goto('en/graph/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Collaboration graph');
  // One section per folder of the fixture catalog.
  await expect(page.locator('section h2[id^="collection-"]')).toHaveCount(7);
  const unresolved = page.locator('#unresolved + ul');
  await expect(unresolved).toContainText('api-designer');
  const link = page.locator('#collection-1 ~ .graph-scroll svg a, section:has(#collection-1) svg a').first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/agent-atlas\/en\/agents\/[a-z]/);
});

test('the collaboration section lists the edges as text with their kind and evidence', async ({ page }) => {
  await page.goto('en/agents/backend-developer/#collaboration');
  const list = page.locator('section[aria-labelledby="collaboration"] .edge-list').first();
  await expect(list.locator('li')).toHaveCount(8);
  await expect(list).toContainText('receives from');
  await expect(list).toContainText('api-designer');
  await expect(list).toContainText('從 api-designer 接收 API 規範');
});

test('pages and graphs follow the theme in effect: the system scheme, unless the reader chose one', async ({ page }) => {
  const background = () => page.locator('svg.agraph').first().evaluate((svg) => getComputedStyle(svg).backgroundColor);
  const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('en/graph/');
  expect(await background()).toBe('rgb(15, 23, 42)');
  expect(await pageBackground()).toBe('rgb(15, 20, 25)');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  expect(await background()).toBe('rgb(255, 255, 255)');
  expect(await pageBackground()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  expect(await background()).toBe('rgb(15, 23, 42)');
});
