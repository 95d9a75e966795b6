import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

test('a person types 滞留 in the portal search box and opens the postmortem that says it', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/');
  const searchBox = page.getByRole('textbox', { name: 'Search' });
  const result = page
    .getByRole('article')
    .getByRole('link', { name: /非同期ジョブがキューに滞留し/ });

  // The collator indexes a few seconds after the backend starts, then every
  // minute: until its first run the search finds nothing, so search again.
  await searchBox.fill('滞留');
  await searchBox.press('Enter');
  await expect(page).toHaveURL(/\/search\?query=/);
  await expect(async () => {
    await searchBox.fill('');
    await searchBox.fill('滞留');
    await expect(result.first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  // The word is inside a Japanese sentence, and the snippet shows it marked.
  await expect(
    page.getByRole('article').getByText('滞留', { exact: true }).first(),
  ).toBeVisible();
  await saveScreenshot(page, 'search-results');

  await result.first().click();
  await expect(
    page.getByRole('heading', {
      name: '非同期ジョブがキューに滞留し、約2時間実行されなかった',
    }),
  ).toBeVisible();
});

test('a longer Japanese phrase and an English word find their postmortems, and the Postmortems type narrows the results', async ({
  page,
}) => {
  await signInAsGuest(page);
  const results = page.getByRole('article');
  await expect(async () => {
    await page.goto('/search?query=CSV');
    await expect(
      results
        .getByRole('link', { name: /CSV ダウンロードが文字化けした/ })
        .first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  await page.goto(`/search?query=${encodeURIComponent('請求書作成バッチ')}`);
  const batch = results.getByRole('link', {
    name: /月次の請求書作成バッチが二重に動いた/,
  });
  await expect(batch.first()).toBeVisible();
  // 請求書作成 alone is in the queue backlog's text, but not 請求書作成バッチ
  await expect(
    results.getByRole('link', { name: /非同期ジョブがキューに滞留し/ }),
  ).toHaveCount(0);

  await results.getByRole('button', { name: 'Postmortems' }).click();
  await expect(page).toHaveURL(/types(%5B%5D|\[\])=postmortem/);
  await expect(batch.first()).toBeVisible();
});
