import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('a person signs in as guest and finds 請求管理ロボ in the catalog', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog?filters%5Bkind%5D=component');
  await expect(
    page.getByRole('link', { name: '請求管理ロボ', exact: true }),
  ).toBeVisible();
});
