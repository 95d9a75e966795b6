import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  guestToken,
} from './fixtures';

/** The postmortems plugin's scheduled task that sends the digests. */
const TASK =
  'http://localhost:7007/api/postmortems/.backstage/scheduler/v1/tasks/postmortems-notifications/trigger';

/**
 * Runs the notifications task now, as an operator would. The run itself
 * is asynchronous; a run already under way answers 409, which is as good.
 */
async function triggerNotifications() {
  const response = await fetch(TASK, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await guestToken()}` },
  });
  if (!response.ok && response.status !== 409) {
    throw new Error(`trigger: ${response.status} ${await response.text()}`);
  }
}

const digestTitle = /^期限切れのアクションアイテムが(\d+)件あります$/;

test('the owner of an overdue item sees the digest arrive under the bell without a reload, opens it and follows its link to the overdue items of the SRE team', async ({
  page,
}) => {
  // A digest occurrence a minute (the e2e server's schedule): the next one
  // can be up to a minute away.
  test.setTimeout(240_000);
  await signInAsGuest(page);

  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  const bell = sidebar.getByRole('link', { name: /Notifications/ });
  const listed = page.waitForResponse(
    response =>
      response.url().includes('/api/notifications/notifications?') &&
      response.url().includes('read=false'),
  );
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);

  // Everything read first, so that what comes next is the new digest.
  const { totalCount } = (await (await listed).json()) as {
    totalCount: number;
  };
  await expect(
    page.getByText(`Unread notifications (${totalCount})`),
  ).toBeVisible();
  if (totalCount > 0) {
    await page
      .getByRole('button', { name: 'Mark all read', exact: true })
      .click();
    await page.getByRole('button', { name: 'Mark All', exact: true }).click();
  }
  await expect(page.getByText('Unread notifications (0)')).toBeVisible();
  // The bell shows no unread count.
  await expect(bell).not.toContainText(/\d/);

  // From here on the page is never reloaded: what arrives comes by signal.
  await page.evaluate(() => {
    (window as any).e2eSamePage = true;
  });
  await expect(async () => {
    await triggerNotifications();
    await expect(bell).toContainText(/\d+/, { timeout: 10_000 });
  }).toPass({ timeout: 200_000, intervals: [5_000] });

  // The digest on the notifications page, in Japanese, with the count.
  const digest = page.getByRole('link', { name: digestTitle });
  await expect(digest).toBeVisible();
  const count = Number(digestTitle.exec((await digest.textContent())!)![1]);
  expect(count).toBeGreaterThan(0);
  const row = page.getByRole('row').filter({ has: digest });
  await expect(row).toContainText('overdue-action-items');
  // The oldest items, each with when it was due.
  await expect(row).toContainText(/（期限 \d{4}-\d{2}-\d{2}）/);
  expect(await page.evaluate(() => (window as any).e2eSamePage)).toBe(true);
  // The bell counts what the page lists as unread.
  const unread = page.getByText(/^Unread notifications \(\d+\)$/);
  await expect(async () => {
    const n = /\((\d+)\)/.exec((await unread.textContent())!)![1];
    await expect(bell).toHaveText(new RegExp(`^Notifications\\s*${n}$`), {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await saveScreenshot(page, 'notifications');

  // Its link: the overdue items of the person and their teams.
  await digest.click();
  await expect(page).toHaveURL(
    /\/postmortems\/action-items\?status=overdue&mine=true$/,
  );
  await expect(
    page.getByRole('tab', { name: 'Action items', selected: true }),
  ).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
  // As many as the digest says.
  await expect(
    page.getByRole('button', { name: `Overdue (${count})`, pressed: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('table')
      .getByText('キューの滞留時間のアラートを見直し、当番に通知する', {
        exact: true,
      }),
  ).toBeVisible();
});
