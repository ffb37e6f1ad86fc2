import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run in Debian's Chromium against a site built from `tests/fixtures/e2e-agents`
 * (the seeds plus fixtures for untranslated and hostile agents) under a base path, as a GitHub
 * Pages project site would be. `scripts/e2e-serve.ts` builds it once and serves it.
 */
const PORT = Number(process.env.E2E_PORT ?? 4329);
export const BASE_PATH = '/agent-atlas/';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node scripts/e2e-serve.ts`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}en/`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(PORT), BASE_PATH, E2E_OUT_DIR: process.env.E2E_OUT_DIR ?? `dist-e2e-${PORT}` },
    stdout: 'pipe',
  },
});
