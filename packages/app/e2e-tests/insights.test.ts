import type { Page } from '@playwright/test';
import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  postmortemsApi,
} from './fixtures';

const DAY_MS = 86_400_000;

async function chooseLanguage(page: Page, from: string, to: string) {
  await page.goto('/settings');
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('option', { name: to }).click();
  await expect(page.getByRole('button', { name: to })).toBeVisible();
}

/** The month of the example data's customer-detected incident, as the API says. */
async function customerDetectedMonth(): Promise<string> {
  const insights = await postmortemsApi(
    'GET',
    '/insights?entityRef=component:default/seikyu-kanri-robo',
  );
  const months = insights.detection.filter(
    (m: { customer_report: number }) => m.customer_report > 0,
  );
  expect(months).toHaveLength(1);
  return months[0].month;
}

function monthLabel(month: string, locale: string) {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

test('an engineer opens 請求管理ロボ’s insights and sees that its incident was detected by a customer', async ({
  page,
}) => {
  await signInAsGuest(page);
  const month = await customerDetectedMonth();

  await page.goto('/catalog/default/component/seikyu-kanri-robo/postmortems');
  await page
    .getByRole('tablist', { name: 'Postmortem views' })
    .getByRole('tab', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(page).toHaveURL(/\/postmortems\/insights/);

  // The charts are drawn (recharts, loaded with the view).
  const detection = page.getByRole('region', { name: 'Detection per month' });
  await expect(
    detection.getByRole('img', { name: /Detection per month as a chart/ }),
  ).toBeVisible();
  await expect(detection.locator('svg.recharts-surface').first()).toBeVisible();
  const incidents = page.getByRole('region', {
    name: 'Incidents per month by severity',
  });
  await expect(incidents.locator('svg.recharts-surface').first()).toBeVisible();
  await saveScreenshot(page, 'entity-insights');

  // The numbers behind the chart: the queue backlog's month, one customer
  // report, all of that month's incidents detected by customers.
  await detection
    .getByRole('button', { name: 'Table view: Detection per month' })
    .click();
  const row = detection.getByRole('row', {
    name: new RegExp(monthLabel(month, 'en-US')),
  });
  await expect(row).toBeVisible();
  // The month heads the row; customer report is the first number.
  await expect(row.getByRole('cell').nth(1)).toHaveText('1');
  await expect(row).toContainText('100%');

  // The CSV holds the same numbers.
  const download = page.waitForEvent('download');
  await detection
    .getByRole('button', { name: 'Download CSV: Detection per month' })
    .click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text).toContain(`${month},1,`);
});

test('the SRE team’s insights show its open action items by age, and the portal’s the services with the most incidents', async ({
  page,
}) => {
  await signInAsGuest(page);

  // What the team owns (billing-job-queue), its open items counted by age
  // from the action item list: the numbers the table must show.
  const { items } = await postmortemsApi(
    'GET',
    '/action-items?entityRef=resource:default/billing-job-queue&status=open&status=in_progress&limit=100',
  );
  const now = Date.now();
  const age = (item: { createdAt: string }) =>
    Math.floor((now - Date.parse(item.createdAt)) / DAY_MS);
  const expected = {
    '0–30 days': items.filter((i: any) => age(i) <= 30).length,
    '31–90 days': items.filter((i: any) => age(i) > 30 && age(i) <= 90).length,
    '91–180 days': items.filter((i: any) => age(i) > 90 && age(i) <= 180)
      .length,
    'Over 180 days': items.filter((i: any) => age(i) > 180).length,
  };
  expect(expected['Over 180 days']).toBeGreaterThan(0);

  await page.goto('/catalog/default/group/sre/postmortems');
  await page
    .getByRole('tablist', { name: 'Postmortem views' })
    .getByRole('tab', { name: 'Insights' })
    .click();
  const byAge = page.getByRole('region', { name: 'Open action items by age' });
  await expect(byAge.locator('svg.recharts-surface').first()).toBeVisible();
  await byAge
    .getByRole('button', { name: 'Table view: Open action items by age' })
    .click();
  for (const [bucket, count] of Object.entries(expected)) {
    await expect(
      byAge.getByRole('row', { name: new RegExp(`^${bucket}`) }),
    ).toContainText(String(count));
  }
  await expect(
    page.getByRole('region', { name: 'Action-item health per owner' }),
  ).toBeVisible();
  await byAge.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'group-insights');

  // The whole portal: the entity with the most incidents links to its page.
  await page.goto('/postmortems/insights');
  const top = page.getByRole('region', {
    name: 'Entities with the most incidents',
  });
  const first = top.getByRole('table').getByRole('link').first();
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('href', /\/catalog\/default\//);
  await saveScreenshot(page, 'portal-insights');
});

test('with the app switched to 日本語, the insights speak Japanese', async ({
  page,
}) => {
  await signInAsGuest(page);
  const month = await customerDetectedMonth();
  await chooseLanguage(page, 'English', '日本語');
  try {
    await page.goto(
      '/catalog/default/component/seikyu-kanri-robo/postmortems/insights',
    );
    const detection = page.getByRole('region', { name: '月別の検知経路' });
    await expect(
      detection.locator('svg.recharts-surface').first(),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: '月別・重大度別の障害件数' }),
    ).toBeVisible();
    await expect(page.getByLabel('期間')).toBeVisible();
    await saveScreenshot(page, 'entity-insights-ja');
    await detection
      .getByRole('button', { name: '表で表示：月別の検知経路' })
      .click();
    await expect(
      detection.getByRole('row', {
        name: new RegExp(monthLabel(month, 'ja-JP')),
      }),
    ).toContainText('100%');
  } finally {
    await chooseLanguage(page, '日本語', 'English');
  }
});
