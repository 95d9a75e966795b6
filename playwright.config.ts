import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

/**
 * End-to-end journeys of the example app in Debian's Chromium.
 *
 * Playwright starts the example app (frontend :3000, backend :7007) on a
 * fresh SQLite folder, so every run begins from the seeded example data, and
 * stops it afterwards. Set PLAYWRIGHT_REUSE_SERVER=1 to run against an app
 * you already started.
 */
const sqliteDir =
  process.env.POSTMORTEMS_E2E_SQLITE_DIR ??
  path.join(os.tmpdir(), `postmortems-e2e-${process.pid}`);
if (!process.env.POSTMORTEMS_E2E_SQLITE_DIR) {
  // Ours to remove after the run (globalTeardown).
  process.env.POSTMORTEMS_E2E_SQLITE_DIR_CREATED = sqliteDir;
}

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  // The journeys share one app and change its data: run them one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  globalTeardown: './packages/app/e2e-tests/globalTeardown.ts',

  webServer: {
    command: 'yarn start:dev',
    url: 'http://localhost:3000',
    reuseExistingServer: !!process.env.PLAYWRIGHT_REUSE_SERVER,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      POSTMORTEMS_SQLITE_DIR: sqliteDir,
      // An overdue digest every minute: the notification journey triggers
      // the scheduled task and finds one under the bell at any hour.
      POSTMORTEMS_DIGEST_SCHEDULE: '* * * * *',
      // The dev server must not open a browser of its own.
      BROWSER: 'none',
    },
  },

  use: {
    baseURL: 'http://localhost:3000',
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright's own browser download does not work here: Debian's does.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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

  outputDir: 'node_modules/.cache/e2e-test-results',
});
