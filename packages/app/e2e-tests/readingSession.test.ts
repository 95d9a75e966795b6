import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  postmortemsApi,
} from './fixtures';

test('the SRE team picks this month’s postmortem from the suggestions on the home page, reads it, records notes and raises an action item', async ({
  page,
}) => {
  // This month's session is planned but nothing is picked yet.
  const { session } = await postmortemsApi(
    'GET',
    '/reading-sessions/current?ownerGroup=group:default/sre',
  );
  expect(session).not.toBeNull();
  await postmortemsApi('PATCH', `/reading-sessions/${session.id}`, {
    version: session.version,
    postmortemId: null,
    status: 'planned',
  });

  await signInAsGuest(page);
  const card = page.locator('article, .MuiCard-root').filter({
    has: page.getByText('Postmortem reading session', { exact: true }),
  });
  await expect(
    card.getByText('Nothing picked yet. Suggestions:'),
  ).toBeVisible();
  const picks = card.getByRole('button', { name: /^Pick this: / });
  await expect(picks).toHaveCount(3);
  await saveScreenshot(page, 'home-reading-session-suggestions');

  const firstPick = (await picks.first().getAttribute('aria-label'))!.replace(
    /^Pick this: /,
    '',
  );
  await picks.first().click();
  await expect(page.getByText('Picked for the session.')).toBeVisible();
  await expect(card.getByRole('link', { name: firstPick })).toBeVisible();
  await saveScreenshot(page, 'home-reading-session');

  // Read it.
  await card.getByRole('button', { name: 'Read the postmortem' }).click();
  await expect(
    page.getByRole('heading', { name: firstPick, level: 1 }),
  ).toBeVisible();
  await page.goBack();

  // After the session: notes, and held.
  await card.getByRole('button', { name: 'Record notes' }).click();
  const notesDialog = page.getByRole('dialog');
  await notesDialog
    .getByRole('textbox', { name: 'Notes (Markdown)' })
    .fill('- 検知の仕組みを見直す必要がある\n- 次回は決済の障害を読む');
  await notesDialog.getByRole('button', { name: 'Mark as held' }).click();
  await expect(notesDialog).toHaveCount(0);
  await expect(card.getByText('Held', { exact: true })).toBeVisible();

  // A follow-up raised in the session.
  const actionTitle = `読書会で出た宿題 ${Date.now()}`;
  await card.getByRole('button', { name: 'Raise an action item' }).click();
  const itemDialog = page.getByRole('dialog');
  await itemDialog.getByRole('textbox', { name: 'Title' }).fill(actionTitle);
  await itemDialog.getByRole('button', { name: 'Save' }).click();
  await expect(itemDialog).toHaveCount(0);

  // All of it survives a reload, on the session's own page.
  await page.reload();
  await card.getByRole('button', { name: 'Open the session' }).click();
  await expect(page.getByText('検知の仕組みを見直す必要がある')).toBeVisible();
  await expect(page.getByText(actionTitle)).toBeVisible();
  await expect(page.getByRole('link', { name: firstPick })).toBeVisible();
});
