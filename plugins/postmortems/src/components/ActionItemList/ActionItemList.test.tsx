import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeActionItem,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { ActionItemList } from './ActionItemList';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

async function changeStatus(title: string, status: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: `Status: ${title}` }),
  );
  await userEvent.click(await screen.findByRole('option', { name: status }));
}

describe('ActionItemList', () => {
  it('lists all open items when given no entity or owner', async () => {
    const api = mockPostmortemsApi();
    renderScreen(<ActionItemList />, { api });
    expect(await screen.findByText('No action items.')).toBeInTheDocument();
    expect(api.listActionItems).toHaveBeenCalledWith({
      status: ['open', 'in_progress'],
      entityRef: undefined,
      owner: undefined,
      limit: 100,
      cursor: undefined,
    });
  });

  it('changes a status in place and keeps the item in view', async () => {
    const item = makeActionItem({ version: 2 });
    const api = mockPostmortemsApi({
      listActionItems: jest
        .fn()
        .mockResolvedValue({ items: [item], totalCount: 1 }),
      updateActionItem: jest
        .fn()
        .mockResolvedValue({ ...item, status: 'done', version: 3 }),
    });
    const { alertApi } = renderScreen(
      <ActionItemList owner="group:default/sre" />,
      {
        api,
      },
    );
    await changeStatus('Alert on queue depth', 'Done');
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Status: Alert on queue depth' }),
      ).toHaveTextContent('Done'),
    );
    expect(api.updateActionItem).toHaveBeenCalledWith('a1', {
      status: 'done',
      version: 2,
    });
    // Still listed, though no longer open, so a mis-click can be undone.
    expect(api.listActionItems).toHaveBeenCalledTimes(1);
    expect(alertApi.getAlerts()).toContainEqual(
      expect.objectContaining({
        message: 'Status changed.',
        severity: 'success',
      }),
    );
  });

  it('posts a failed change as an error', async () => {
    const api = mockPostmortemsApi({
      listActionItems: jest
        .fn()
        .mockResolvedValue({ items: [makeActionItem()], totalCount: 1 }),
      updateActionItem: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    const { alertApi } = renderScreen(<ActionItemList />, { api });
    await changeStatus('Alert on queue depth', 'Done');
    await waitFor(() =>
      expect(alertApi.getAlerts()).toContainEqual(
        expect.objectContaining({ message: 'backend down', severity: 'error' }),
      ),
    );
    expect(
      screen.queryByText('Someone else changed this in the meantime'),
    ).not.toBeInTheDocument();
  });

  it('loads more items from the cursor of the last page', async () => {
    const api = mockPostmortemsApi({
      listActionItems: jest
        .fn()
        .mockResolvedValueOnce({
          items: [makeActionItem({ id: 'a1', title: 'First' })],
          totalCount: 2,
          nextCursor: 'c2',
        })
        .mockResolvedValueOnce({
          items: [makeActionItem({ id: 'a2', title: 'Second' })],
          totalCount: 2,
        }),
    });
    renderScreen(<ActionItemList />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );
    expect(await screen.findByText('Second')).toBeInTheDocument();
    expect(screen.getByText('First')).toBeInTheDocument();
    expect(api.listActionItems).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'c2' }),
    );
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });
});
