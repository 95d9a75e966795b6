import fs from 'node:fs';
import path from 'node:path';
import {
  test,
  expect,
  signInAsGuest,
  saveScreenshot,
  postmortemsApi,
} from './fixtures';

test.use({ timezoneId: 'Asia/Tokyo' });

async function chooseLanguage(
  page: import('@playwright/test').Page,
  from: string,
  to: string,
) {
  await page.goto('/settings');
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('option', { name: to }).click();
  await expect(page.getByRole('button', { name: to })).toBeVisible();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a person exports a postmortem as Markdown, deletes it, imports the file back whole, and a second import is a duplicate', async ({
  page,
}, testInfo) => {
  const stamp = Date.now();
  const title = `証明書の期限切れでカード決済が失敗した (${stamp})`;
  const summary =
    '決済代行との通信に使うクライアント証明書の期限が切れ、カード決済が約1時間失敗した。';
  const created = await postmortemsApi('POST', '/postmortems', {
    title,
    entityRefs: ['component:default/seikyu-kanri-robo'],
    status: 'published',
    severity: 'sev2',
    detection: 'monitoring_alert',
    startedAt: '2026-11-05T10:00:00+09:00',
    detectedAt: '2026-11-05T10:10:00+09:00',
    mitigatedAt: '2026-11-05T11:00:00+09:00',
    sections: {
      summary,
      rootCauses: '証明書の期限を誰も管理していなかった。',
    },
    timeline: [
      { at: '2026-11-05T10:00:00+09:00', text: '決済の失敗が始まる' },
      { at: '2026-11-05T11:00:00+09:00', text: '証明書を更新して復旧' },
    ],
    tags: ['payments'],
  });
  await postmortemsApi('POST', `/postmortems/${created.id}/action-items`, {
    title: '証明書の期限を監視する',
    owner: 'group:default/sre',
    dueDate: '2099-01-31',
    priority: 'high',
    kind: 'detect',
  });
  await postmortemsApi('POST', `/postmortems/${created.id}/action-items`, {
    title: '証明書を更新する',
    status: 'done',
    kind: 'mitigate',
  });

  await signInAsGuest(page);
  await chooseLanguage(page, 'English', '日本語');
  try {
    // Export from the postmortem's page, in the UI's language.
    await page.goto(`/postmortems/${created.id}`);
    await expect(
      page.getByRole('heading', { name: title, level: 1 }),
    ).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Markdown でエクスポート' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(
      // The ASCII of the title makes its slug: here, only the stamp.
      `2026-11-05-${stamp}-${created.id.replace(/-/g, '').slice(0, 8)}.md`,
    );
    const file = path.join(testInfo.outputDir, download.suggestedFilename());
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    const [, frontMatter] = /^---\n([\s\S]*?)\n---\n/.exec(text) ?? [];
    expect(frontMatter).toContain(`id: ${created.id}`);
    expect(frontMatter).toContain(`title: ${title}`);
    expect(frontMatter).toContain('severity: sev2');
    expect(frontMatter).toContain('startedAt: 2026-11-05T01:00:00.000Z');
    expect(frontMatter).toContain('  - component:default/seikyu-kanri-robo');
    expect(frontMatter).toContain('actionItems:');
    expect(text).toContain(`\n## サマリ\n\n${summary}\n`);
    expect(text).toContain('\n## 根本原因\n');
    expect(text).toContain('\n## タイムライン\n');
    expect(text).toContain('- [ ] 証明書の期限を監視する');
    expect(text).toContain('- [x] 証明書を更新する');

    // Deleted (softly): it leaves the history.
    await page.getByRole('button', { name: '削除', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: '削除', exact: true })
      .click();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);

    // Imported back through the dialog: previewed, then imported.
    await page.getByRole('button', { name: 'インポート', exact: true }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Markdown からポストモーテムをインポート',
    });
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await expect(dialog.getByText('1 ファイルを選択')).toBeVisible();
    await dialog.getByRole('button', { name: 'プレビュー' }).click();
    const results = dialog.getByRole('table', {
      name: 'ファイルとインポート結果',
    });
    const row = results.getByRole('row', {
      name: new RegExp(escape(download.suggestedFilename())),
    });
    await expect(row).toContainText('インポート可能');
    await expect(row).toContainText(title);
    await expect(row).toContainText('請求管理ロボ');
    await expect(row).toContainText('サマリ, 根本原因');
    await expect(
      dialog.getByText('インポート可能 1 件、重複 0 件、却下 0 件'),
    ).toBeVisible();
    await dialog
      .getByRole('button', { name: '1 件のポストモーテムをインポート' })
      .click();
    await expect(
      dialog.getByText('インポート済み 1 件、重複 0 件、却下 0 件'),
    ).toBeVisible();
    await expect(row).toContainText('インポート済み');
    await saveScreenshot(page, 'markdown-import');

    // The postmortem is back, with its sections and action items.
    await dialog.getByRole('link', { name: title }).click();
    await expect(
      page.getByRole('heading', { name: title, level: 1 }),
    ).toBeVisible();
    expect(page.url()).not.toContain(created.id);
    await expect(page.getByRole('heading', { name: 'サマリ' })).toBeVisible();
    await expect(page.getByText(summary)).toBeVisible();
    await expect(
      page.getByText('証明書の期限を誰も管理していなかった。'),
    ).toBeVisible();
    await expect(page.getByText('証明書を更新して復旧')).toBeVisible();
    await expect(page.getByText('証明書の期限を監視する')).toBeVisible();
    await expect(
      page.getByText('証明書を更新する', { exact: true }),
    ).toBeVisible();

    // The same file again is a duplicate of it, and nothing is doubled.
    await page.goto('/postmortems');
    await page.getByRole('button', { name: 'インポート', exact: true }).click();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'プレビュー' }).click();
    await expect(row).toContainText('重複');
    await expect(row).toContainText('すでに存在します：開く');
    await expect(
      dialog.getByText('インポート可能 0 件、重複 1 件、却下 0 件'),
    ).toBeVisible();
    await expect(
      dialog.getByRole('button', { name: /件のポストモーテムをインポート/ }),
    ).toBeDisabled();
    const live = await postmortemsApi(
      'GET',
      `/postmortems?q=${encodeURIComponent(title)}`,
    );
    expect(live.items.map((p: { title: string }) => p.title)).toEqual([title]);
    const imported = live.items[0];
    expect(imported.actionItemCounts).toMatchObject({ open: 1, done: 1 });
  } finally {
    await chooseLanguage(page, '日本語', 'English');
  }
});
