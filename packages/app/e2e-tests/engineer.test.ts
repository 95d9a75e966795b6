import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  postmortemsApi,
} from './fixtures';

const TITLE = '非同期ジョブがキューに滞留し、約2時間実行されなかった';

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
  await expect(rows.nth(1)).toContainText('SEV2');
  await expect(rows.nth(1)).toContainText('Customer report');
  const titleLink = page.getByRole('link', { name: TITLE });
  // The title takes the room: its column is the widest by far, and the
  // title wraps to two lines at most, not three or four.
  // Measured once the table has laid the row out (a re-render in between
  // reads zero widths).
  await expect
    .poll(async () => {
      const widths = await rows
        .nth(1)
        .getByRole('cell')
        .evaluateAll(cells =>
          cells.map(cell => cell.getBoundingClientRect().width),
        );
      const titleWidth = widths[1] ?? 0;
      return (
        titleWidth > 0 &&
        widths.every((width, index) => index === 1 || titleWidth > width * 1.5)
      );
    })
    .toBe(true);
  expect(
    await titleLink.evaluate(element => element.getClientRects().length),
  ).toBeLessThanOrEqual(2);
  await saveScreenshot(page, 'entity-postmortems-tab');

  // The search is in the URL: it survives a reload (and can be shared).
  await expect(page).toHaveURL(/[?&]q=%E6%BB%9E%E7%95%99/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue(
    '滞留',
  );
  await expect(rows).toHaveCount(2);

  await titleLink.click();
  await expect(
    page.getByRole('heading', { name: TITLE, level: 1 }),
  ).toBeVisible();

  // The summary at the top says where the incident stands.
  const summary = page.getByRole('region', { name: 'At a glance' });
  for (const fact of [
    'SEV2 (major)',
    'Published',
    'Customer report',
    '1h 40m',
    '2h 5m',
    '2h 20m',
  ]) {
    await expect(summary).toContainText(fact);
  }
  await expect(summary.getByRole('link', { name: '3 open' })).toBeVisible();
  await expect(summary.getByRole('link', { name: '2 done' })).toBeVisible();
  await saveScreenshot(page, 'postmortem-page');

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

  // History says what the change was, old → new.
  await expect(page.getByText('Status: In review → Published')).toBeVisible();

  // The overdue count leads to the action items: overdue first, done last.
  await summary.getByRole('link', { name: '2 overdue' }).click();
  const actionItems = page.locator('#postmortem-action-items');
  await expect(actionItems).toBeInViewport();
  const itemRows = actionItems.getByRole('row');
  await expect(itemRows).toHaveCount(6);
  const order = [
    'キューの滞留時間のアラートを見直し、当番に通知する',
    'サーバーレスな計算環境への移行を検討する',
    '新しい非同期ジョブを足すときにキャパシティを確認する手順を作る',
    // Done, earliest due first.
    'オートスケールの上限を引き上げる',
    '必要な計算資源とコストを計算し直す',
  ];
  for (const [index, title] of order.entries()) {
    await expect(itemRows.nth(index + 1)).toContainText(title);
  }

  // A word that is in no postmortem finds nothing; the filters can be cleared.
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue(
    '滞留',
  );
  await page.getByRole('textbox', { name: 'Search' }).fill('存在しない言葉');
  await expect(
    page.getByText('No postmortem matches these filters.'),
  ).toBeVisible();
  await page
    .getByRole('table')
    .getByRole('button', { name: 'Clear filters' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('');
  await expect(rows.filter({ hasText: TITLE })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
});

test('an engineer lists the billing team’s postmortems on the standalone page, filters them by severity and steps back', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/postmortems');
  await expect(
    page.getByRole('columnheader', { name: 'Service' }),
  ).toBeVisible();
  await expect(
    page.getByRole('row', { name: /カード決済のタイムアウトが多発した/ }),
  ).toBeVisible();

  // The team's postmortems: those about what the group owns.
  await page.getByRole('textbox', { name: 'Team' }).click();
  await page.getByRole('option', { name: /billing-team/ }).click();
  await expect(page).toHaveURL(/team=group%3Adefault%2Fbilling-team/);
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: '請求管理ロボ' })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /カード決済のタイムアウトが多発した/ }),
  ).toHaveCount(0);

  await page.getByLabel('Severity').click();
  await page.getByRole('option', { name: 'SEV1 (critical)' }).click();
  await expect(page).toHaveURL(/severity=sev1/);
  await expect(row).toHaveCount(0);

  // Back undoes the last filter, and keeps the team.
  await page.goBack();
  await expect(page).not.toHaveURL(/severity=/);
  await expect(page).toHaveURL(/team=/);
  await expect(row).toBeVisible();
});

test('from a service’s overview card an engineer opens its last incident and its overdue action items', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/seikyu-kanri-robo');
  const overdue = page.getByRole('link', { name: /Overdue action items/ });
  await expect(overdue).toBeVisible();
  await overdue.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/seikyu-kanri-robo\/action-items\?status=overdue$/,
  );

  await page.goBack();
  const { items } = await postmortemsApi(
    'GET',
    '/postmortems?entityRef=component:default/seikyu-kanri-robo&limit=1',
  );
  const title: string = items[0].title;
  const last = page.getByRole('link', { name: title, exact: true });
  await last.click();
  await expect(
    page.getByRole('heading', { name: title, level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'At a glance' })).toBeVisible();
});
