import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordDownloads } from '../../__testUtils__/downloads';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemDetail } from '../PostmortemDetail';
import { ExportMarkdownButton } from './ExportMarkdownButton';

jest.setTimeout(30_000);

const MARKDOWN =
  '---\ntitle: 非同期ジョブキューの滞留\n---\n\n# 非同期ジョブキューの滞留\n';

describe('ExportMarkdownButton', () => {
  const downloads = recordDownloads();

  it("saves the file the API answered with, under the server's name", async () => {
    const load = jest.fn().mockResolvedValue({
      blob: new Blob([MARKDOWN], { type: 'text/markdown;charset=utf-8' }),
      filename: '2026-10-01-postmortem-1a2b3c4d.md',
    });
    renderScreen(<ExportMarkdownButton label="Export Markdown" load={load} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export Markdown' }),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].filename).toBe('2026-10-01-postmortem-1a2b3c4d.md');
    expect(await downloads[0].text()).toBe(MARKDOWN);
  });

  it('says so when the export cannot be had', async () => {
    const load = jest
      .fn()
      .mockRejectedValue(await responseError(500, 'database is down'));
    const { alertApi } = renderScreen(
      <ExportMarkdownButton label="Export Markdown" load={load} />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export Markdown' }),
    );
    await waitFor(() =>
      expect(alertApi.getAlerts()).toEqual([
        expect.objectContaining({
          message: 'The export could not be downloaded: database is down',
          severity: 'error',
        }),
      ]),
    );
    expect(downloads).toHaveLength(0);
  });

  it("is on the postmortem's page, in the UI's language", async () => {
    const api = mockPostmortemsApi({
      getPostmortem: jest.fn().mockResolvedValue(makePostmortem()),
    });
    renderScreen(<PostmortemDetail />, {
      api,
      mountPath: '/postmortems/:postmortemId',
      initialRouteEntries: [`/postmortems/${POSTMORTEM_ID}`],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export Markdown' }),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(api.exportPostmortemMarkdown).toHaveBeenCalledWith(POSTMORTEM_ID, {
      language: 'en',
    });
    expect(downloads[0].filename).toBe('postmortem.md');
  });
});
