import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

test('a person signs in as guest and finds 請求管理ロボ in the catalog under its Japanese title', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all');
  await expect(
    page.getByRole('link', { name: '請求管理ロボ', exact: true }),
  ).toBeVisible();
  await saveScreenshot(page, 'catalog');
});
