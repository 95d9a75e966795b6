import { test as base, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** Where the journeys' screenshots go; the README shows them. */
export const screenshotDir = path.resolve(
  __dirname,
  '../../../docs/screenshots',
);

/**
 * React's development-mode warnings about the libraries' own code (Material
 * UI v4's findDOMNode, defaultProps …): logged with console.error, but not
 * errors of the page.
 */
const reactDevWarning = /^Warning: /;

/**
 * Chromium logs every 4xx response it receives; a journey that provokes a
 * 400 or 409 on purpose shows it to the person, which the journey asserts.
 * A 5xx is still an error.
 */
const clientErrorResponse =
  /^Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * A page that records uncaught errors and console errors, and fails the
 * journey when there are any.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(`uncaught: ${error.message}`));
    page.on('console', message => {
      const text = message.text();
      if (
        message.type() === 'error' &&
        !reactDevWarning.test(text) &&
        !clientErrorResponse.test(text)
      ) {
        errors.push(`console: ${text}`);
      }
    });
    await provide(page);
    expect(errors, 'errors in the page console').toEqual([]);
  },
});

export { expect };

/**
 * Signs in with the guest provider and waits until the app has remembered
 * it, so that later page loads stay signed in.
 */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog' }),
  ).toBeVisible();
}

/** Saves a screenshot of the page for the README. */
export async function saveScreenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** A guest token for calls to the backend made by the test itself. */
export async function guestToken(): Promise<string> {
  const response = await fetch(
    'http://localhost:7007/api/auth/guest/refresh?env=development',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  return (await response.json()).backstageIdentity.token;
}

/** Calls the postmortems API as the guest. */
export async function postmortemsApi(
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<any> {
  const response = await fetch(
    `http://localhost:7007/api/postmortems${apiPath}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${await guestToken()}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  if (!response.ok) {
    throw new Error(
      `${method} ${apiPath}: ${response.status} ${await response.text()}`,
    );
  }
  return response.status === 204 ? undefined : response.json();
}

/**
 * Cancels every reading session of `group` after this month's, so that a
 * journey can schedule the next ones; gives this month's session.
 */
export async function cancelLaterSessions(group: string) {
  const { session } = await postmortemsApi(
    'GET',
    `/reading-sessions/current?ownerGroup=${group}`,
  );
  expect(session).not.toBeNull();
  const { items } = await postmortemsApi(
    'GET',
    `/reading-sessions?ownerGroup=${group}&limit=100`,
  );
  for (const later of items) {
    if (
      later.scheduledAt > session.scheduledAt &&
      later.status !== 'cancelled'
    ) {
      await postmortemsApi('PATCH', `/reading-sessions/${later.id}`, {
        version: later.version,
        status: 'cancelled',
      });
    }
  }
  return session;
}
