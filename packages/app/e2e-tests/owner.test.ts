import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

test('an owner sees the overdue items of the SRE team first, closes one, and it stays closed', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog/default/group/sre');
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Action items', exact: true })
    .click();
  await expect(
    page.getByRole('button', { name: 'Open', pressed: true }),
  ).toBeVisible();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  // Overdue items come first, and are marked.
  await expect(rows.nth(1)).toContainText('Overdue');
  const rowCount = await rows.count();
  let seenOnTime = false;
  for (let i = 1; i < rowCount; i++) {
    const overdue = (await rows.nth(i).textContent())!.includes('Overdue');
    if (!overdue) seenOnTime = true;
    expect(
      overdue && seenOnTime,
      `row ${i} is overdue after an on-time row`,
    ).toBe(false);
  }
  await saveScreenshot(page, 'group-action-items');

  // Close the first overdue item.
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
  await page.getByRole('button', { name: `Status: ${title}` }).click();
  await page.getByRole('option', { name: 'Done' }).click();
  // The row stays in place until the next load, done and no longer overdue.
  const row = page.getByRole('row', { name: new RegExp(escape(title)) });
  await expect(
    row.getByRole('button', { name: `Status: ${title}` }),
  ).toHaveText('Done');
  await expect(row).not.toContainText('Overdue');

  // After a reload it is among the done ones, and no longer open.
  await page.reload();
  await expect(rows.nth(1)).toBeVisible();
  await expect(
    page.getByRole('row', { name: new RegExp(escape(title)) }),
  ).toHaveCount(0);
  await page.getByRole('button', { name: 'Done' }).click();
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

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
