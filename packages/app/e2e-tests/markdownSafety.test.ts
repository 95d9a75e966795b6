import { test, expect, signInAsGuest, postmortemsApi } from './fixtures';

test('script, event-handler and javascript: links in a postmortem are rendered inert', async ({
  page,
}) => {
  const created = await postmortemsApi('POST', '/postmortems', {
    title: `<img src=x onerror="window.__xss='title'"> 危険な入力のテスト ${Date.now()}`,
    entityRefs: ['component:default/customer-portal'],
    severity: 'sev4',
    detection: 'internal_discovery',
    startedAt: '2026-10-01T09:00:00+09:00',
    sections: {
      summary: [
        '<script>window.__xss = "script"</script>',
        '<img src="x" onerror="window.__xss = \'img\'">',
        '[押してみる](javascript:window.__xss=%22link%22)',
        '<a href="javascript:window.__xss=\'anchor\'">リンク</a>',
        '<svg onload="window.__xss=\'svg\'"></svg>',
      ].join('\n\n'),
    },
    timeline: [
      {
        at: '2026-10-01T09:00:00+09:00',
        text: '<img src=x onerror="window.__xss=\'timeline\'">',
      },
    ],
  });

  const dialogs: string[] = [];
  page.on('dialog', async dialog => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await signInAsGuest(page);
  await page.goto(`/postmortems/${created.id}`);
  await expect(
    page.getByRole('heading', { name: /危険な入力のテスト/, level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();

  // Click whatever is left of the links.
  for (const name of ['押してみる', 'リンク']) {
    const link = page.getByRole('link', { name });
    if (await link.count()) {
      await link.first().click({ noWaitAfter: true });
    }
  }
  await page.waitForTimeout(1000);

  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // What is left of the markup carries no handlers and no script links.
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator('main script')).toHaveCount(0);
  // The title is shown as text.
  await expect(
    page.getByRole('heading', { name: /<img src=x onerror=/, level: 1 }),
  ).toBeVisible();
});
