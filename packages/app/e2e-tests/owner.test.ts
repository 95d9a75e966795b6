import { Page } from '@playwright/test';
import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

const overdueChip = /\d+ days? overdue/;

test('an owner sees the overdue items of the SRE team first, closes one, and it stays closed', async ({
  page,
}) => {
  await openSreTab(page, 'Action items');
  // The status filter shows its counts and which one is chosen.
  await expect(
    page.getByRole('button', { name: /^Open \(\d+\)$/, pressed: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Overdue \(\d+\)$/, pressed: false }),
  ).toBeVisible();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  // Overdue items come first, and say how late they are.
  await expect(rows.nth(1)).toContainText(overdueChip);
  const rowCount = await rows.count();
  let seenOnTime = false;
  for (let i = 1; i < rowCount; i++) {
    const overdue = overdueChip.test((await rows.nth(i).textContent())!);
    if (!overdue) seenOnTime = true;
    expect(
      overdue && seenOnTime,
      `row ${i} is overdue after an on-time row`,
    ).toBe(false);
  }
  await saveScreenshot(page, 'group-action-items');

  // Close the first overdue item; the toast names it and offers Undo.
  const title = (await rows
    .nth(1)
    .getByRole('cell')
    .first()
    .textContent())!.trim();
  const postmortemTitle = (await rows
    .nth(1)
    .getByRole('cell')
    .nth(1)
    .textContent())!.trim();
  const select = page.getByRole('button', { name: `Status: ${title}` });
  const before = (await select.textContent())!.trim();
  await select.click();
  await page.getByRole('option', { name: 'Done' }).click();
  const toast = page.getByRole('alert').filter({ hasText: title });
  await expect(toast).toContainText(`“${title}” is now Done.`);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(select).toHaveText(before);

  // Now for real. The row stays in place until the next load, done and no
  // longer overdue.
  await select.click();
  await page.getByRole('option', { name: 'Done' }).click();
  const row = page.getByRole('row', { name: new RegExp(escape(title)) });
  await expect(
    row.getByRole('button', { name: `Status: ${title}, Done` }),
  ).toHaveText('Done');
  await expect(row).not.toContainText(overdueChip);

  // After a reload it is among the done ones, and no longer open.
  await page.reload();
  await expect(rows.nth(1)).toBeVisible();
  await expect(
    page.getByRole('row', { name: new RegExp(escape(title)) }),
  ).toHaveCount(0);
  await page.getByRole('button', { name: /^Done \(\d+\)$/ }).click();
  const closed = page.getByRole('row', { name: new RegExp(escape(title)) });
  await expect(closed).toHaveCount(1);
  await expect(
    closed.getByRole('button', { name: `Status: ${title}` }),
  ).toHaveText('Done');

  // Its postmortem's page says the same.
  await closed.getByRole('link', { name: postmortemTitle }).click();
  await expect(
    page.getByRole('heading', { name: postmortemTitle, level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Status: ${title}` }),
  ).toHaveText('Done');
});

test("a team's list holds its members' items, and its filters live in the URL", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/sre/action-items');
  await expect(
    page.getByRole('button', { name: /^Open \(\d+\)$/, pressed: true }),
  ).toBeVisible();

  // 山田 花子 is a member of the SRE team: what she owns is the team's.
  await page.getByRole('button', { name: /^Done \(\d+\)$/ }).click();
  await page.getByRole('button', { name: /^Owner / }).click();
  await page.getByRole('option', { name: '山田 花子' }).click();
  const hers = page.getByRole('row', {
    name: /必要な計算資源とコストを計算し直す/,
  });
  await expect(hers).toHaveCount(1);
  await expect(page).toHaveURL(/status=done/);
  await expect(page).toHaveURL(/owner=user%3Adefault%2Fhanako\.yamada/);

  // The filters survive a reload (and so a shared link).
  await page.reload();
  await expect(hers).toHaveCount(1);
  await expect(
    page.getByRole('button', { name: /^Done \(\d+\)$/, pressed: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Owner / })).toContainText(
    '山田 花子',
  );

  // Narrowed to nothing, the list offers to clear the filters.
  await page.getByRole('button', { name: /^Priority / }).click();
  await page.getByRole('option', { name: 'Low' }).click();
  await expect(
    page.getByText('No action items match this filter.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(
    page.getByRole('button', { name: /^Open \(\d+\)$/, pressed: true }),
  ).toBeVisible();
  await expect(page).not.toHaveURL(/owner=|priority=|status=/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();

  // "Only mine": what the signed-in guest owns, or a team of theirs (the
  // guest is in the SRE team), nothing of the others'.
  await page.getByRole('checkbox', { name: 'Only mine' }).check();
  await expect(page).toHaveURL(/mine=true/);
  await expect(
    page
      .getByText('No action items match this filter.')
      .or(page.getByRole('table').getByRole('row').nth(1))
      .first(),
  ).toBeVisible();
  const mine = page.getByRole('table').getByRole('row');
  for (let i = 1; i < (await mine.count()); i++) {
    if ((await mine.nth(i).getByRole('cell').count()) > 1) {
      await expect(mine.nth(i)).toContainText(/Guest|SREチーム/);
    }
  }
  await page.getByRole('checkbox', { name: 'Only mine' }).uncheck();
  await expect(page).not.toHaveURL(/mine=/);
});

test("in Japanese, a team's overdue items say how many days late they are", async ({
  page,
}) => {
  await signInAsGuest(page);
  // The language is kept with the user's settings: put it back after.
  const switchLanguage = async (from: string, to: string) => {
    await page.goto('/settings');
    await page.getByRole('button', { name: from }).click();
    await page.getByRole('option', { name: to }).click();
    await expect(page.getByRole('button', { name: to })).toBeVisible();
  };
  await switchLanguage('English', '日本語');
  try {
    await page.goto('/catalog/default/group/sre/action-items');
    await expect(
      page.getByRole('button', { name: /^未完了（\d+）$/, pressed: true }),
    ).toBeVisible();
    const first = page.getByRole('table').getByRole('row').nth(1);
    await expect(first).toContainText(/\d+日超過/);
    await expect(
      first.getByRole('button', {
        name: /^ステータス: .+（(未着手|対応中)）$/,
      }),
    ).toBeVisible();
    await saveScreenshot(page, 'group-action-items-ja');
  } finally {
    await switchLanguage('日本語', 'English');
  }
});

test("a team's Postmortems tab lists the incidents of what it owns, newest first", async ({
  page,
}) => {
  await openSreTab(page, 'Postmortems');
  // SRE owns the job queue (resource:default/billing-job-queue): both of
  // its incidents, newer first; not the customer portal's.
  const queue = page.getByRole('row', { name: /非同期ジョブがキューに滞留し/ });
  const batch = page.getByRole('row', { name: /月次の請求書作成バッチ/ });
  await expect(queue).toBeVisible();
  await expect(batch).toBeVisible();
  await expect(
    page.getByRole('row', { name: /顧客ポータルでログイン後/ }),
  ).toHaveCount(0);
  const titles = await page.getByRole('row').allTextContents();
  expect(
    titles.findIndex(text => text.includes('非同期ジョブがキューに滞留し')),
  ).toBeLessThan(
    titles.findIndex(text => text.includes('月次の請求書作成バッチ')),
  );
  await saveScreenshot(page, 'group-postmortems');

  // A postmortem opens within the tab.
  await queue.getByRole('link').first().click();
  await expect(
    page.getByRole('heading', {
      name: /非同期ジョブがキューに滞留し/,
      level: 1,
    }),
  ).toBeVisible();
});

/** Signs in and opens a tab of the SRE team's page, as a person would. */
async function openSreTab(page: Page, tab: string) {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/sre');
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: tab, exact: true })
    .click();
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
