import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  postmortemsApi,
  cancelLaterSessions,
} from './fixtures';

const SRE = 'group:default/sre';
const HOUR = 60 * 60 * 1000;

/**
 * This month's session back to where the journey starts: planned, nothing
 * picked, on a day still ahead in Tokyo (the example app's zone) when the
 * month has one; and no session after it, so the next can be scheduled.
 */
async function resetSessions() {
  const session = await cancelLaterSessions(SRE);
  const tokyo = new Date(Date.now() + 9 * HOUR);
  const [y, m, d] = [
    tokyo.getUTCFullYear(),
    tokyo.getUTCMonth(),
    tokyo.getUTCDate(),
  ];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const ahead = d < lastDay;
  // 17:00 in Tokyo tomorrow.
  const scheduledAt = ahead
    ? new Date(Date.UTC(y, m, d + 1, 8)).toISOString()
    : session.scheduledAt;
  const reset = await postmortemsApi(
    'PATCH',
    `/reading-sessions/${session.id}`,
    {
      version: session.version,
      postmortemId: null,
      status: 'planned',
      scheduledAt,
    },
  );
  return { session: reset, ahead };
}

test('the SRE team prepares in advance: picks this month’s postmortem from the suggestions on the home page, changes it, schedules next month’s session with its pick, then reads, records notes and raises an action item', async ({
  page,
}) => {
  const { session, ahead } = await resetSessions();

  await signInAsGuest(page);
  const card = page.locator('article, .MuiCard-root').filter({
    has: page.getByText('Postmortem reading session', { exact: true }),
  });
  await expect(
    card.getByText('Nothing picked yet. Suggestions:'),
  ).toBeVisible();
  const picks = card.getByRole('button', { name: /^Pick this: / });
  await expect(picks).toHaveCount(3);
  // Why the first is first, in one line; at most three reasons each.
  await expect(card.getByTestId('rank-hint')).toContainText(
    /^First with \d+ points/,
  );
  for (const suggestion of await card
    .getByTestId('reading-session-suggestion')
    .all()) {
    // The severity badge, a "read …" chip at most, and three reasons.
    expect(
      await suggestion.locator('.MuiChip-root').count(),
    ).toBeLessThanOrEqual(5);
  }
  await saveScreenshot(page, 'home-reading-session-suggestions');

  await picks.first().click();
  await expect(page.getByText('Picked for the session.')).toBeVisible();

  // Changed their mind: another of the suggestions.
  await card.getByRole('button', { name: 'Change pick' }).click();
  await expect(card.getByText('Choose another pick:')).toBeVisible();
  const others = card.getByRole('button', { name: /^Pick this: / });
  const pickName = (await others.first().getAttribute('aria-label'))!.replace(
    /^Pick this: /,
    '',
  );
  await others.first().click();
  await expect(card.getByRole('link', { name: pickName })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Change pick' })).toBeVisible();
  await saveScreenshot(page, 'home-reading-session');

  if (ahead) {
    // Days before the session it cannot be held yet.
    await card.getByRole('button', { name: 'Record notes' }).click();
    const early = page.getByRole('dialog');
    await expect(early.getByText(/^Can be marked as held from /)).toBeVisible();
    await expect(
      early.getByRole('button', { name: 'Mark as held' }),
    ).toHaveCount(0);
    await early.getByRole('button', { name: 'Cancel' }).click();
    await expect(early).toHaveCount(0);
  }

  // Next month's session, with its pick decided now.
  await card.getByRole('button', { name: 'Schedule the next session' }).click();
  const schedule = page.getByRole('dialog');
  // The month after this month's session, not a week ahead (in the zone
  // the browser and this test share), once the group's sessions are in.
  const thisMonth = new Date(session.scheduledAt);
  const nextMonth = new Date(
    thisMonth.getFullYear(),
    thisMonth.getMonth() + 1,
    1,
  );
  await expect(schedule.getByLabel(/Date and time/).first()).toHaveValue(
    new RegExp(
      `^${nextMonth.getFullYear()}-${String(nextMonth.getMonth() + 1).padStart(
        2,
        '0',
      )}-`,
    ),
  );
  await schedule.getByLabel('Pick (can be chosen later)').click();
  const option = page.getByRole('option').first();
  await expect(option).toContainText(/SEV\d/);
  const nextPick = (await option.locator('p').first().textContent())!;
  await option.click();
  await schedule.getByRole('button', { name: 'Schedule a session' }).click();
  await expect(schedule).toHaveCount(0);
  await expect(page.getByText('Reading session scheduled.')).toBeVisible();
  const nextLink = card.getByRole('link', { name: /^Next session: / });
  await expect(nextLink).toBeVisible();

  // The same month twice is refused, naming the month.
  const { items } = await postmortemsApi(
    'GET',
    `/reading-sessions?ownerGroup=${SRE}&status=planned&limit=1`,
  );
  const next = items[0];
  expect(next.scheduledAt > session.scheduledAt).toBe(true);
  expect(next.postmortemId).toBeTruthy();
  await expect(
    postmortemsApi('POST', '/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: new Date(Date.parse(next.scheduledAt) + HOUR).toISOString(),
    }),
  ).rejects.toThrow(/409[\s\S]*already has a reading session in \d{4}-\d{2}/);

  await nextLink.click();
  await expect(page.getByText('Edit the session')).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: 'Pick', exact: true }),
  ).toHaveValue(nextPick);
  await page.goBack();

  // Read it.
  await card.getByRole('button', { name: 'Read the postmortem' }).click();
  await expect(
    page.getByRole('heading', { name: pickName, level: 1 }),
  ).toBeVisible();
  await page.goBack();

  // The session's day: notes, and held.
  const current = await postmortemsApi(
    'GET',
    `/reading-sessions/${session.id}`,
  );
  await postmortemsApi('PATCH', `/reading-sessions/${session.id}`, {
    version: current.version,
    scheduledAt: new Date().toISOString(),
  });
  await page.reload();
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
  await expect(page.getByRole('link', { name: pickName })).toBeVisible();
});
