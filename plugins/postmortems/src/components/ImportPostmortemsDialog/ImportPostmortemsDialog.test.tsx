import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ImportMarkdownResponse,
  MAX_IMPORT_FILE_BYTES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { mockPostmortemsApi } from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemsApi } from '../../api';
import { ImportPostmortemsDialog } from './ImportPostmortemsDialog';

// Dialogs are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const EXPORTED =
  '---\ntitle: キューの滞留\n---\n# キューの滞留\n## サマリ\n滞留した\n';
const PLAIN = '# Card payments declined\n## Summary\nfailed\n';

const postmortem = {
  title: 'キューの滞留',
  entityRefs: ['component:default/seikyu-kanri-robo'],
  status: 'published' as const,
  severity: 'sev2' as const,
  detection: 'customer_report' as const,
  startedAt: '2026-10-01T01:00:00.000Z',
  template: 'sre-book',
  sections: { summary: '滞留した', rootCauses: '上限' },
  timeline: [],
  tags: [],
  authors: [],
  actionItems: [{ title: '監視', status: 'open' as const }],
};

const preview: ImportMarkdownResponse = {
  dryRun: true,
  items: [
    { file: 'exported.md', result: 'ready', postmortem },
    {
      file: 'plain.md',
      result: 'rejected',
      errors: [
        {
          field: 'entityRefs',
          code: 'required',
          message:
            'missing: give front matter `entityRefs` or `defaults.entityRefs` in the request',
        },
      ],
    },
  ],
};

const report: ImportMarkdownResponse = {
  dryRun: false,
  items: [
    {
      file: 'exported.md',
      result: 'imported',
      postmortem: { ...postmortem, id: '11111111-2222-4333-8444-555555555555' },
    },
    preview.items[1],
  ],
};

function render(overrides: Partial<PostmortemsApi> = {}) {
  const api = mockPostmortemsApi(overrides);
  const handlers = { onClose: jest.fn(), onImported: jest.fn() };
  renderScreen(<ImportPostmortemsDialog open {...handlers} />, {
    api,
    mountPath: '/postmortems',
    initialRouteEntries: ['/postmortems'],
  });
  return { api, ...handlers };
}

const md = (name: string, content: string) =>
  new File([content], name, { type: 'text/markdown' });

async function choose(dialog: HTMLElement, files: File[]) {
  const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.multiple).toBe(true);
  expect(input.accept).toContain('.md');
  await userEvent.upload(input, files);
}

function rows(dialog: HTMLElement) {
  const table = within(dialog).getByRole('table', {
    name: 'Files and what they become',
  });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
}

describe('ImportPostmortemsDialog', () => {
  it('previews what each file becomes, imports, and reports with links', async () => {
    const { api, onImported } = render({
      importPostmortems: jest
        .fn()
        .mockResolvedValueOnce(preview)
        .mockResolvedValueOnce(report),
    });
    const dialog = await screen.findByRole('dialog', {
      name: 'Import postmortems from Markdown',
    });
    expect(
      within(dialog).getByRole('button', { name: 'Preview' }),
    ).toBeDisabled();
    await choose(dialog, [md('exported.md', EXPORTED), md('plain.md', PLAIN)]);
    // The files are read in the background.
    expect(
      await within(dialog).findByText('2 files chosen'),
    ).toBeInTheDocument();

    // A default for what plain Markdown lacks.
    await userEvent.click(within(dialog).getByLabelText('Severity'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'SEV3 (minor)' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Preview' }),
    );

    await waitFor(() => expect(api.importPostmortems).toHaveBeenCalledTimes(1));
    expect(api.importPostmortems).toHaveBeenCalledWith({
      files: [
        { name: 'exported.md', content: EXPORTED },
        { name: 'plain.md', content: PLAIN },
      ],
      dryRun: true,
      lang: 'en',
      defaults: { severity: 'sev3' },
    });
    expect(
      await within(dialog).findByText('1 ready, 0 duplicates, 1 rejected'),
    ).toBeInTheDocument();
    expect(rows(dialog)).toEqual([
      [
        'exported.md',
        'キューの滞留',
        'seikyu-kanri-robo',
        'Summary, Root causes',
        '1',
        'Ready',
        '—',
      ],
      [
        'plain.md',
        '—',
        '—',
        '—',
        '—',
        'Rejected',
        'entityRefs: missing: give front matter `entityRefs` or `defaults.entityRefs` in the request',
      ],
    ]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Import 1 postmortem' }),
    );
    expect(
      await within(dialog).findByText('1 imported, 0 duplicates, 1 rejected'),
    ).toBeInTheDocument();
    expect(api.importPostmortems).toHaveBeenLastCalledWith(
      expect.objectContaining({ dryRun: false }),
    );
    expect(
      within(dialog).getByRole('link', { name: 'キューの滞留' }),
    ).toHaveAttribute(
      'href',
      '/postmortems/11111111-2222-4333-8444-555555555555',
    );
    expect(onImported).toHaveBeenCalledWith(report);
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeEnabled();
  });

  it('refuses too many or too large files before uploading them', async () => {
    const { api } = render();
    const dialog = await screen.findByRole('dialog');
    await choose(
      dialog,
      Array.from({ length: 101 }, (_, i) => md(`${i}.md`, '# x\n')),
    );
    expect(
      within(dialog).getByText('At most 100 files at once'),
    ).toBeInTheDocument();
    await choose(dialog, [md('big.md', 'a'.repeat(MAX_IMPORT_FILE_BYTES + 1))]);
    expect(
      within(dialog).getByText('big.md is larger than 256 KB'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Preview' }),
    ).toBeDisabled();
    expect(api.importPostmortems).not.toHaveBeenCalled();
  });

  it('says why the request failed', async () => {
    render({
      importPostmortems: jest
        .fn()
        .mockRejectedValue(new Error('the network is down')),
    });
    const dialog = await screen.findByRole('dialog');
    await choose(dialog, [md('a.md', PLAIN)]);
    await within(dialog).findByText('1 file chosen');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Preview' }),
    );
    expect(
      await within(dialog).findByText('The import failed: the network is down'),
    ).toBeInTheDocument();
  });
});
