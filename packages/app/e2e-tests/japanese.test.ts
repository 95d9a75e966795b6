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
    const summary = page.getByRole('region', { name: '概況' });
    await expect(summary).toContainText('検知までの時間');
    await expect(summary).toContainText('1時間40分');
    await expect(
      summary.getByRole('link', { name: '期限切れ 2' }),
    ).toBeVisible();
    await expect(
      page.getByText('ステータス：レビュー中 → 公開済み'),
    ).toBeVisible();
    await saveScreenshot(page, 'postmortem-page-ja');
  } finally {
    await chooseLanguage(page, '日本語', 'English');
  }
});

test.describe('in Tokyo, with the app in 日本語', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('the postmortem form checks the time order before saving, in Japanese, naming the field by its label, and writes times as the app does', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await chooseLanguage(page, 'English', '日本語');
    try {
      await page.goto(
        '/catalog/default/component/seikyu-kanri-robo/postmortems',
      );
      await page.getByRole('button', { name: 'ポストモーテムを書く' }).click();
      await page
        .getByRole('textbox', { name: 'タイトル' })
        .fill('検証メッセージの確認');
      await page
        .getByRole('textbox', { name: '発生日時' })
        .fill('2026-12-04T07:00');
      await page
        .getByRole('textbox', { name: '検出日時' })
        .fill('2026-12-04T06:30');
      // The browser's input follows its own locale; below it, the app's.
      await expect(
        page.getByText('2026/12/04 7:00 · Asia/Tokyo（UTC+9）'),
      ).toBeVisible();
      await page.getByRole('button', { name: 'ポストモーテムを作成' }).click();
      await expect(
        page.getByText('「発生日時」より前にはできません'),
      ).toBeVisible();
      await expect(page.getByText(/startedAt|must not be/)).toHaveCount(0);
      await saveScreenshot(page, 'postmortem-form-error-ja');
      await page.getByRole('button', { name: 'キャンセル' }).click();
    } finally {
      await chooseLanguage(page, '日本語', 'English');
    }
  });
});
