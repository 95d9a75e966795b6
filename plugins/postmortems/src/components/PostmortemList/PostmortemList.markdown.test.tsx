import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordDownloads } from '../../__testUtils__/downloads';
import {
  makePostmortem,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { PostmortemList } from './PostmortemList';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('PostmortemList, Markdown export and import', () => {
  const downloads = recordDownloads();

  it("exports the list's current filters as a zip", async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest
        .fn()
        .mockResolvedValue({ items: [makePostmortem()], totalCount: 1 }),
    });
    renderScreen(<PostmortemList />, {
      api,
      mountPath: '/postmortems',
      initialRouteEntries: ['/postmortems?severity=sev2&q=%E6%BB%9E%E7%95%99'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export' }),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(api.exportPostmortemsArchive).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'sev2', q: '滞留' }),
      { language: 'en' },
    );
    expect(downloads[0].filename).toBe('postmortems.zip');
  });

  it('opens the import dialog, also from the empty list', async () => {
    renderScreen(<PostmortemList />, {
      mountPath: '/postmortems',
      initialRouteEntries: ['/postmortems'],
    });
    await screen.findByText('No postmortems yet');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Import' }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Import postmortems from Markdown',
      }),
    ).toBeInTheDocument();
  });

  it("offers neither on an entity's list", async () => {
    renderScreen(
      <PostmortemList entityRef="component:default/seikyu-kanri-robo" />,
      {
        api: mockPostmortemsApi({
          listPostmortems: jest
            .fn()
            .mockResolvedValue({ items: [makePostmortem()], totalCount: 1 }),
        }),
      },
    );
    expect(await screen.findByText(makePostmortem().title)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });
});
