// End-to-end tests of the page in www/, served by scripts/serve.mjs.
// Uses the system Chromium (no `npx playwright install` needed).
import { defineConfig } from '@playwright/test';

// E2E_PORT: run beside another checkout's tests without sharing its server.
const PORT = Number(process.env.E2E_PORT) || 8123;
const ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `${ORIGIN}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: ORIGIN,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /hostile\.spec\.mjs/ },
    // hostile input measures long tasks: after the rest, one test at a time, so no other page
    // competes for the 2 cores
    {
      name: 'hostile',
      use: { browserName: 'chromium' },
      testMatch: /hostile\.spec\.mjs/,
      fullyParallel: false,
      dependencies: ['chromium'],
    },
  ],
});
