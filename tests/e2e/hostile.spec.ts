import { test, expect, type Page } from '@playwright/test';

/**
 * Nothing in an agent file runs. The fixture `hostile/hostile-agent.md` is full of scripts, event
 * handler attributes, `javascript:` links, iframes, MDX expressions, `import` lines and an
 * external image: its pages must open no dialog, load nothing from another host, carry no
 * script or handler of its own, and show the hostile text as text. The content security policy
 * must allow only the site itself, and the site must work under it (no violation reported).
 */

const LOCALES = ['en', 'zh-hant', 'zh-hans'] as const;

// Several page loads per test, each waiting for the network to settle.
test.describe.configure({ timeout: 90_000 });

/** Records what a page must never do: open a dialog, request another host, violate the CSP. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], external: [] as string[], csp: [] as string[], errors: [] as string[] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') seen.external.push(request.url());
  });
  page.on('console', (message) => {
    if (/content security policy|refused to (load|execute|apply|connect|compile|frame)/i.test(message.text())) seen.csp.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

/** Listens in the page for `securitypolicyviolation` events, which catch what the console may not. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (e) => store.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

for (const locale of LOCALES) {
  test(`the hostile agent's ${locale} page runs nothing and shows the text as text`, async ({ page }) => {
    const seen = watch(page);
    await recordViolations(page);
    const response = await page.goto(`${locale}/agents/hostile-agent/`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');

    // The hostile text is on the page, as text.
    const prose = page.locator('.prose');
    await expect(prose.getByText('Inline script: <script>alert(1)</script> and an image <img src=x onerror=alert(1)> stay text.')).toBeVisible();
    await expect(prose.getByText('<iframe src="https://example.com"></iframe>')).toBeVisible();
    await expect(prose.getByText("import fs from 'fs'")).toBeVisible();
    await expect(prose.getByText('{process.exit(1)}')).toBeVisible();
    await expect(prose.getByText('Close the template </template><script>alert(1)</script>')).toBeVisible();
    await expect(page.locator('#description')).toContainText('<script>alert(1)</script>');
    await expect(page.locator('.agent-meta code', { hasText: '<img src=x onerror=alert(1)>' })).toBeVisible();
    await expect(page.locator('.agent-meta')).toContainText('<iframe src="https://example.com"></iframe>');

    // The external image is a link to its source, never loaded.
    await expect(prose.getByRole('link', { name: /external image/ })).toHaveAttribute('href', 'https://example.com/x.png');

    // No element the agent file asked for exists, and no attribute can run code.
    const dom = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        scriptsWithAlert: [...document.scripts].filter((s) => s.textContent?.includes('alert(')).length,
        iframes: document.querySelectorAll('iframe, object, embed').length,
        images: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        jsLinks: [...document.querySelectorAll('a[href], area[href]')].filter((a) => /^\s*(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? '')).length,
        rawTemplate: (document.getElementById('raw-agent') as HTMLTemplateElement | null)?.content.textContent ?? '',
      };
    });
    expect(dom.handlers).toEqual([]);
    expect(dom.scriptsWithAlert).toBe(0);
    expect(dom.iframes).toBe(0);
    expect(dom.images.filter((src) => !src || /^https?:\/\/(?!127\.0\.0\.1)/.test(src))).toEqual([]);
    expect(dom.jsLinks).toBe(0);
    // The raw file text sits whole inside its <template>: "</template><script>" did not break out.
    expect(dom.rawTemplate).toContain('Close the template </template><script>alert(1)</script>');
    expect(dom.rawTemplate).toContain('[bad]: javascript:alert(1)');

    // Hovering and clicking around triggers no handler either.
    await page.locator('.agent-meta').hover();
    await prose.getByText('javascript link').click();
    await page.waitForTimeout(200);

    expect(seen.dialogs).toEqual([]);
    expect(seen.external).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.csp).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
}

test('searching for the hostile text shows it as text, without running it', async ({ page }) => {
  const seen = watch(page);
  await recordViolations(page);
  await page.goto('en/');
  const input = page.locator('#site-search');
  await input.click();
  await input.fill('alert onerror');
  await expect(page.locator('#site-search-results [role="option"]').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#site-search-results')).toContainText(/hostile/i);
  await page.waitForTimeout(300);
  expect(await page.locator('#site-search-results img, #site-search-results script, #site-search-results iframe').count()).toBe(0);
  expect(seen.dialogs).toEqual([]);
  expect(seen.external).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(seen.csp).toEqual([]);
  expect(await violations(page)).toEqual([]);
});

test('every page carries a content security policy that allows only the site itself', async ({ page }) => {
  for (const path of ['en/', 'zh-hant/', 'en/agents/hostile-agent/', 'zh-hans/agents/backend-developer/', 'en/graph/', 'en/search/']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const metas = page.locator('meta[http-equiv="content-security-policy"]');
    await expect(metas, path).toHaveCount(1);
    const policy = (await metas.getAttribute('content')) ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(directives.get('default-src'), path).toEqual(["'none'"]);
    expect(directives.get('img-src'), path).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src'), path).toEqual(["'self'"]);
    expect(directives.get('script-src'), path).toContain("'wasm-unsafe-eval'");
    for (const [name, sources] of directives) {
      for (const source of sources) {
        // Only keywords, hashes and data: images: no host, no scheme-wide source, no inline scripts.
        expect(source, `${path} ${name}`).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|data:)$|^'unsafe-inline'$/);
        if (source === "'unsafe-inline'") expect(name, path).toBe('style-src-attr');
        if (source === 'data:') expect(name, path).toBe('img-src');
      }
    }
    // Every script on the page is the site's own and allowed: same-origin files, or inline code
    // whose hash the policy lists. Astro writes the <meta> at the end of <head>, so an inline
    // script above it runs before the policy applies; any other must be hashed or it is blocked.
    const scripts = await page.evaluate(async () => {
      const meta = document.querySelector('meta[http-equiv="content-security-policy"]')!;
      const out: Array<{ src?: string; hash?: string; type: string; beforePolicy: boolean }> = [];
      for (const s of document.querySelectorAll('script')) {
        const beforePolicy = Boolean(s.compareDocumentPosition(meta) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (s.src) out.push({ src: s.src, type: s.type, beforePolicy });
        else {
          const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s.textContent ?? ''));
          out.push({ hash: `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`, type: s.type, beforePolicy });
        }
      }
      return out;
    });
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const s of scripts) {
      if (s.src) expect(new URL(s.src).host, path).toBe(new URL(page.url()).host);
      else if (!/json/.test(s.type) && !s.beforePolicy) expect(directives.get('script-src'), `${path}: inline script not in the policy`).toContain(s.hash);
    }
  }
});

for (const locale of LOCALES) {
  test(`the ${locale} home, agent, graph and search pages work under the policy`, async ({ page }) => {
    const seen = watch(page);
    await recordViolations(page);
    for (const path of [`${locale}/`, `${locale}/agents/backend-developer/`, `${locale}/graph/`, `${locale}/search/?q=backend`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await violations(page), path).toEqual([]);
    }
    expect(seen.csp).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.external).toEqual([]);
  });
}
