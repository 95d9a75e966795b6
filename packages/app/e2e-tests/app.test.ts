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

test('a signed-in person finds the notifications bell, the notifications page and the notification settings', async ({
  page,
}) => {
  await signInAsGuest(page);

  const bell = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: /Notifications/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(
    page.getByRole('heading', { name: 'Notifications', exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/Unread notifications \(\d+\)/)).toBeVisible();

  await page.goto('/settings/notifications');
  await expect(page.getByText('Notification settings')).toBeVisible();
});

test('a member of the SRE team finds the team’s overdue items under "mine" and follows a link to one of them', async ({
  page,
}) => {
  await signInAsGuest(page);

  // The guest owns nothing themselves: the SRE team's overdue items are
  // theirs through the team.
  const listed = page.waitForResponse(
    response =>
      /\/api\/postmortems\/action-items\?/.test(response.url()) &&
      response.url().includes('overdue=true') &&
      response.url().includes('group%3Adefault%2Fsre'),
  );
  await page.goto('/postmortems/action-items?status=overdue&mine=true');
  const { items } = (await (await listed).json()) as {
    items: Array<{ id: string; postmortemId: string; title: string }>;
  };
  const item = items.find(
    i => i.title === 'ログイン成功率の監視とアラートを作る',
  );
  expect(item).toBeDefined();
  await expect(page.getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
  await expect(
    page.getByRole('table').getByText(item!.title, { exact: true }),
  ).toBeVisible();

  // A notification's link: the postmortem, scrolled to that item, which is
  // highlighted and has the focus.
  await page.goto(`/postmortems/${item!.postmortemId}?actionItem=${item!.id}`);
  const target = page.locator(`#action-item-${item!.id}`);
  await expect(target).toHaveText(item!.title);
  await expect(target).toHaveAttribute('aria-current', 'location');
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
});
