import fs from 'node:fs';
import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  postmortemsApi,
  cancelLaterSessions,
} from './fixtures';

const SRE = 'group:default/sre';

// The team meets in Tokyo: the list shows its sessions at Tokyo's time.
test.use({ timezoneId: 'Asia/Tokyo' });
const HOUR = 60 * 60 * 1000;

/** A month in Tokyo (UTC+9, no daylight saving) as YYYY-MM. */
const tokyoMonth = (at: string | Date) =>
  new Date(new Date(at).getTime() + 9 * HOUR).toISOString().slice(0, 7);

/** The month `n` months after a YYYY-MM month. */
function monthAfter(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The first Thursday of a YYYY-MM month, 16:00 in Tokyo (07:00 UTC). */
function firstThursdayAt16Tokyo(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1, 7));
  const day = 1 + ((4 - first.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(y, m - 1, day, 7));
}

/** An iCalendar text with its folded lines joined again (RFC 5545 3.1). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

test('the SRE team schedules a year of reading sessions in one step, picks next month’s postmortem and downloads its calendar invite', async ({
  page,
}) => {
  await cancelLaterSessions(SRE);
  // The months of the series (from next month in Tokyo) in which the group
  // still meets: those the series skips.
  const nextMonth = monthAfter(tokyoMonth(new Date()), 1);
  const months = Array.from({ length: 12 }, (_, i) => monthAfter(nextMonth, i));
  const before = await postmortemsApi(
    'GET',
    `/reading-sessions?ownerGroup=${SRE}&limit=100`,
  );
  const taken = new Set(
    before.items
      .filter((s: any) => s.status !== 'cancelled')
      .map((s: any) => tokyoMonth(s.scheduledAt)),
  );
  const skipped = months.filter(m => taken.has(m));
  const expectedCount = 12 - skipped.length;

  await signInAsGuest(page);
  await page.goto('/postmortems/reading-sessions');
  await page.getByRole('button', { name: 'Schedule a series' }).click();
  const dialog = page.getByRole('dialog', {
    name: 'Schedule a series of reading sessions',
  });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('textbox', { name: /^Group/ }).click();
  await page.getByRole('option', { name: /SREチーム/ }).click();
  await dialog.getByRole('button', { name: /^Week of the month/ }).click();
  await page.getByRole('option', { name: 'First', exact: true }).click();
  await dialog.getByRole('button', { name: /^Day of the week/ }).click();
  await page.getByRole('option', { name: 'Thursday', exact: true }).click();
  await dialog.getByLabel('Time', { exact: true }).fill('16:00');
  await dialog.getByLabel('Time zone', { exact: true }).fill('Asia/Tokyo');
  await dialog.getByLabel('Number of months').fill('12');
  await dialog.getByLabel('First month').fill(nextMonth);

  // The dates it will create, before anything is saved: a year of first
  // Thursdays, those of months the group already meets in struck through.
  await expect(
    dialog.getByText(
      expectedCount === 1
        ? 'It will schedule 1 session:'
        : `It will schedule ${expectedCount} sessions:`,
    ),
  ).toBeVisible();
  const preview = dialog.getByRole('list', { name: /^It will schedule/ });
  await expect(preview.getByRole('listitem')).toHaveCount(12);
  await expect(preview.getByRole('listitem').first()).toContainText('Thursday');
  await expect(
    preview.getByText('Skipped: the group already has a session this month'),
  ).toHaveCount(skipped.length);
  await saveScreenshot(page, 'reading-series');

  await dialog.getByRole('button', { name: 'Schedule the series' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByText(
      expectedCount === 1
        ? '1 reading session scheduled.'
        : `${expectedCount} reading sessions scheduled.`,
    ),
  ).toBeVisible();
  if (skipped.length > 0) {
    await expect(
      page.getByText(
        `Skipped, as the group already meets then: ${skipped.join(', ')}.`,
      ),
    ).toBeVisible();
  }

  // Each month of the year has its session, on its first Thursday at 16:00
  // in Tokyo unless the group already met then.
  const after = await postmortemsApi(
    'GET',
    `/reading-sessions?ownerGroup=${SRE}&status=planned&limit=100`,
  );
  const byMonth = new Map<string, any[]>();
  for (const s of after.items) {
    const month = tokyoMonth(s.scheduledAt);
    byMonth.set(month, [...(byMonth.get(month) ?? []), s]);
  }
  for (const month of months) {
    expect(byMonth.get(month), month).toHaveLength(1);
    if (!taken.has(month)) {
      expect(byMonth.get(month)![0].scheduledAt).toBe(
        firstThursdayAt16Tokyo(month).toISOString(),
      );
      expect(byMonth.get(month)![0].durationMinutes).toBe(30);
    }
  }
  const next = byMonth.get(nextMonth)![0];
  // The list, reloaded, shows them among the upcoming sessions.
  const nextLink = page.locator(`a[href$="/reading-sessions/${next.id}"]`);
  await expect(nextLink).toBeVisible();
  await saveScreenshot(page, 'reading-series-list');

  // The whole series in one calendar file: an event for each session.
  const groupDownload = page.waitForEvent('download');
  await page
    .getByRole('button', {
      name: 'Add the upcoming sessions of sre to calendar',
    })
    .click();
  const groupCalendar = unfold(
    fs.readFileSync((await (await groupDownload).path())!, 'utf8'),
  );
  for (const month of months) {
    expect(groupCalendar, month).toContain(
      `UID:${byMonth.get(month)![0].id}@postmortems`,
    );
  }

  // Next month's session, its pick chosen now.
  await nextLink.click();
  await expect(page.getByText('Edit the session')).toBeVisible();
  await page.getByRole('textbox', { name: 'Pick', exact: true }).click();
  const option = page.getByRole('option').first();
  await expect(option).toContainText(/SEV\d/);
  const pickTitle = (await option.locator('p').first().textContent())!;
  await option.click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(
    page.getByRole('link', { name: pickTitle, exact: true }).first(),
  ).toBeVisible();

  // The invite: an .ics file for the calendar app.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to calendar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^reading-session-\d{4}-\d{2}-\d{2}\.ics$/,
  );
  const raw = fs.readFileSync((await download.path())!, 'utf8');
  // RFC 5545: CRLF line ends, long lines folded with a leading space, and
  // commas and semicolons escaped in text.
  expect(raw).toContain('\r\n');
  const lines = unfold(raw).split('\r\n');
  const value = (name: string) =>
    lines
      .filter(l => l.startsWith(name))
      .map(l => l.slice(name.length).replace(/\\([,;\\])/g, '$1'));
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.filter(l => l === 'END:VCALENDAR')).toHaveLength(1);
  expect(lines.filter(l => l === 'BEGIN:VEVENT')).toHaveLength(1);
  expect(lines.filter(l => l === 'END:VEVENT')).toHaveLength(1);
  expect(value('UID:')).toEqual([`${next.id}@postmortems`]);
  const day = firstThursdayAt16Tokyo(nextMonth)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  expect(value('DTSTART;TZID=Asia/Tokyo:')).toEqual([`${day}T160000`]);
  expect(value('DTEND;TZID=Asia/Tokyo:')).toEqual([`${day}T163000`]);
  expect(value('SUMMARY:')).toHaveLength(1);
  expect(value('SUMMARY:')[0]).toContain(pickTitle);
  expect(value('STATUS:')).toEqual(['CONFIRMED']);
  // Changed once since it was scheduled (the pick): a later version.
  const sequence = value('SEQUENCE:');
  expect(sequence).toHaveLength(1);
  expect(Number(sequence[0])).toBeGreaterThanOrEqual(1);
  expect(value('DESCRIPTION:')[0]).toContain(
    `/postmortems/reading-sessions/${next.id}`,
  );
});
