import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

test('an engineer finds the queue-backlog postmortem of 請求管理ロボ by a Japanese word and reads its root causes and lessons', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all');
  await page.getByRole('link', { name: '請求管理ロボ', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: '請求管理ロボ' }),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Postmortems', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Incident history' }),
  ).toBeVisible();

  await page.getByRole('textbox', { name: 'Search' }).fill('滞留');
  const rows = page.getByRole('table').getByRole('row');
  // The header row and the one postmortem that mentions 滞留.
  await expect(rows).toHaveCount(2);
  const title = '非同期ジョブがキューに滞留し、約2時間実行されなかった';
  await expect(rows.nth(1)).toContainText('SEV2');
  await expect(rows.nth(1)).toContainText('Customer report');
  await saveScreenshot(page, 'entity-postmortems-tab');

  await page.getByRole('link', { name: title }).click();
  await expect(
    page.getByRole('heading', { name: title, level: 1 }),
  ).toBeVisible();

  await expect(
    page.getByRole('heading', { name: 'Root causes' }),
  ).toBeVisible();
  await expect(
    page.getByText(/キャパシティを見直す仕組みがなかった/),
  ).toBeVisible();
  for (const lesson of [
    'What went well',
    'What went wrong',
    'Where we got lucky',
  ]) {
    await expect(page.getByRole('heading', { name: lesson })).toBeVisible();
  }
  await expect(page.getByText('社内の監視で先に気づけなかった')).toBeVisible();
  await saveScreenshot(page, 'postmortem-page');

  // A word that is in no postmortem finds nothing.
  await page.goBack();
  await page.getByRole('textbox', { name: 'Search' }).fill('存在しない言葉');
  await expect(
    page.getByText('No postmortem matches these filters.'),
  ).toBeVisible();
});
