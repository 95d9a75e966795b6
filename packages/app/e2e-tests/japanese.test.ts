import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

async function chooseLanguage(
  page: import('@playwright/test').Page,
  from: string,
  to: string,
) {
  await page.goto('/settings');
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('option', { name: to }).click();
  await expect(page.getByRole('button', { name: to })).toBeVisible();
}

test('with the app switched to 日本語, the postmortem screens speak Japanese', async ({
  page,
}) => {
  await signInAsGuest(page);
  await chooseLanguage(page, 'English', '日本語');

  try {
    await page.goto('/catalog/default/component/seikyu-kanri-robo/postmortems');
    await expect(
      page.getByRole('heading', { name: '障害の履歴' }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'ポストモーテムを書く' }),
    ).toBeVisible();
    await expect(
      page.getByRole('columnheader', { name: '継続時間' }),
    ).toBeVisible();
    const row = page.getByRole('row', { name: /非同期ジョブがキューに滞留し/ });
    await expect(row).toContainText('顧客からの問い合わせ');
    await expect(row).toContainText('2時間20分');
    await saveScreenshot(page, 'entity-postmortems-tab-ja');

    await row.getByRole('link').first().click();
    for (const heading of [
      'サマリ',
      '根本原因',
      'うまくいったこと',
      'うまくいかなかったこと',
      '幸運だったこと',
    ]) {
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    }
    await expect(page.getByText('タイムライン', { exact: true })).toBeVisible();
    await expect(page.getByText('変更履歴', { exact: true })).toBeVisible();
    await saveScreenshot(page, 'postmortem-page-ja');
  } finally {
    await chooseLanguage(page, '日本語', 'English');
  }
});
