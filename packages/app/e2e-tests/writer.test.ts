import { test, expect, signInAsGuest, saveScreenshot } from './fixtures';

// The team writes in Tokyo: every time field says so.
test.use({ timezoneId: 'Asia/Tokyo' });

test('a writer creates a postmortem in Japanese through the form, loses nothing on leaving it, fixes what the form checks, and finds it in the history', async ({
  page,
}) => {
  const title = `決済通知のWebhookが遅延した (${Date.now()})`;
  await signInAsGuest(page);

  await page.goto('/catalog/default/component/seikyu-kanri-robo/postmortems');
  await page.getByRole('button', { name: 'New postmortem' }).click();
  // The form is long; its buttons stay at the bottom of the window.
  await expect(
    page.getByRole('button', { name: 'Create postmortem' }),
  ).toBeInViewport();

  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  // The entity whose tab we came from is already picked.
  await expect(
    page.getByRole('button', { name: /請求管理ロボ/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Severity/ }).click();
  await page.getByRole('option', { name: /SEV2/ }).click();
  await page.getByRole('button', { name: /^Detection/ }).click();
  await page.getByRole('option', { name: 'Customer report' }).click();

  await page
    .getByRole('textbox', { name: 'Started at' })
    .fill('2026-11-20T10:00');
  // Detected before it started: the API must refuse it.
  await page
    .getByRole('textbox', { name: 'Detected at' })
    .fill('2026-11-20T09:30');
  await page
    .getByRole('textbox', { name: 'Summary' })
    .fill(
      '決済代行からの入金通知(Webhook)の処理が遅れ、入金の消込が約40分遅延した。',
    );
  await page
    .getByRole('textbox', { name: 'Root causes' })
    .fill(
      '- 通知の受信処理が同期的に外部APIを呼んでいた\n- 外部APIの応答が遅くなった時の上限がなかった',
    );
  // Each time says its zone, and echoes the value as the app writes times.
  await expect(
    page.getByText('Nov 20, 2026, 10:00 AM · Asia/Tokyo (UTC+9)'),
  ).toBeVisible();

  // A click on Overview before saving: the text is kept in this browser.
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Overview', exact: true })
    .click();
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Postmortems', exact: true })
    .click();
  await page.getByRole('button', { name: 'New postmortem' }).click();
  await expect(
    page.getByText(/^Unsaved changes from .+ were kept in this browser\.$/),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('');
  await page.getByRole('button', { name: 'Restore them' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue(
    /入金の消込が約40分遅延した/,
  );

  // A timeline row with a time but no text is not dropped: it is asked for.
  await page.getByRole('button', { name: 'Add timeline entry' }).click();
  await page.getByRole('textbox', { name: 'When' }).fill('2026-11-20T10:05');

  await page.getByRole('button', { name: 'Create postmortem' }).click();
  const detectedAt = page.getByRole('textbox', { name: 'Detected at' });
  // Checked in the form before any round trip, naming the field by its label.
  await expect(detectedAt).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must not be before “Started at”')).toBeVisible();
  await expect(page.getByText(/startedAt/)).toHaveCount(0);
  const timelineText = page.getByRole('textbox', { name: 'What happened' });
  await expect(timelineText).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Say what happened at this time')).toBeVisible();
  // The form takes the writer to the first field to fix.
  await expect(detectedAt).toBeFocused();
  await expect(detectedAt).toBeInViewport();
  await saveScreenshot(page, 'postmortem-form-error');

  await detectedAt.fill('2026-11-20T10:25');
  await timelineText.fill('決済代行の通知が届かなくなる');
  await page.getByRole('button', { name: 'Create postmortem' }).click();

  await expect(
    page.getByRole('heading', { name: title, level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Root causes' }),
  ).toBeVisible();
  await expect(
    page.getByText('通知の受信処理が同期的に外部APIを呼んでいた'),
  ).toBeVisible();
  await expect(page.getByText('決済代行の通知が届かなくなる')).toBeVisible();

  await page.goto('/catalog/default/component/seikyu-kanri-robo/postmortems');
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // Deleting asks first, and can be undone.
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(title);
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Postmortem deleted.')).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(`Postmortem "${title}" restored.`)).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(
    page.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }),
  ).toContainText('SEV2');
});
