import { expect, Page } from '@playwright/test';

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
