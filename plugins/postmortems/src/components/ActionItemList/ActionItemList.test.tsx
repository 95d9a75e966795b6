import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ActionItem,
  ListActionItemsQuery,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  makeActionItem,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderScreen } from '../../__testUtils__/render';
import { ActionItemList } from './ActionItemList';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

/**
 * A list answering `items` to the list's own request, and to the counts'
 * one-item requests the given totals.
 */
function listing(
  items: ActionItem[],
  counts = { open: items.length, overdue: 0, done: 0 },
) {
  return jest.fn(async (query: ListActionItemsQuery = {}) => {
    if (query.limit !== 1) return { items, totalCount: items.length };
    let total = counts.open;
    if (query.overdue) total = counts.overdue;
    else if (query.status?.includes('done')) total = counts.done;
    return { items: [], totalCount: total };
  });
}

/** The list's own requests, without those of the counts. */
function listRequests(api: ReturnType<typeof mockPostmortemsApi>) {
  return api.listActionItems.mock.calls
    .map(([query]) => query!)
    .filter(query => query.limit !== 1);
}

async function changeStatus(title: string, status: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: new RegExp(`Status: ${title}`) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: status }));
}

describe('ActionItemList', () => {
  it('lists all open items, with the count of each status filter', async () => {
    const api = mockPostmortemsApi({
      listActionItems: listing([], { open: 4, overdue: 2, done: 7 }),
    });
    renderScreen(<ActionItemList />, { api });
    expect(await screen.findByText('No action items.')).toBeInTheDocument();
    expect(listRequests(api)).toEqual([
      {
        status: ['open', 'in_progress'],
        limit: 100,
        cursor: undefined,
      },
    ]);
    expect(
      await screen.findByRole('button', { name: 'Open (4)', pressed: true }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Overdue (2)', pressed: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Done (7)' }),
    ).toBeInTheDocument();
    expect(api.listActionItems).toHaveBeenCalledWith({
      overdue: true,
      limit: 1,
    });
  });

  it('changes a status in place, names the item in the toast, and undoes it', async () => {
    const item = makeActionItem({ version: 2 });
    const api = mockPostmortemsApi({
      listActionItems: listing([item]),
      updateActionItem: jest
        .fn()
        .mockResolvedValueOnce({ ...item, status: 'done', version: 3 })
        .mockResolvedValueOnce({ ...item, status: 'open', version: 4 }),
    });
    renderScreen(
      <ActionItemList
        owners={[{ ref: 'group:default/sre', label: 'SRE (the team)' }]}
      />,
      { api },
    );
    await changeStatus('Alert on queue depth', 'Done');
    const select = await screen.findByRole('button', {
      name: 'Status: Alert on queue depth, Done',
    });
    expect(select).toHaveTextContent('Done');
    expect(api.updateActionItem).toHaveBeenCalledWith('a1', {
      status: 'done',
      version: 2,
    });
    // Still listed, though no longer open, so a mis-click can be undone.
    expect(listRequests(api)).toHaveLength(1);
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('“Alert on queue depth” is now Done.');

    await userEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(api.updateActionItem).toHaveBeenLastCalledWith('a1', {
        status: 'open',
        version: 3,
      }),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Status: Alert on queue depth, Open',
      }),
    ).toHaveTextContent('Open');
  });

  it('reads its filters from the URL and writes changes back', async () => {
    const api = mockPostmortemsApi({ listActionItems: listing([]) });
    renderScreen(<ActionItemList />, {
      api,
      initialRouteEntries: [
        '/?status=overdue&priority=high&owner=user:default/hanako.yamada&entityRef=component:default/seikyu-kanri-robo',
      ],
    });
    await screen.findByText('No action items match this filter.');
    expect(listRequests(api)[0]).toEqual({
      overdue: true,
      owner: ['user:default/hanako.yamada'],
      entityRef: ['component:default/seikyu-kanri-robo'],
      priority: ['high'],
      limit: 100,
      cursor: undefined,
    });
    expect(
      screen.getByRole('button', { name: /^Overdue/, pressed: true }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Priority High' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Low' }));
    await waitFor(() =>
      expect(listRequests(api).at(-1)).toMatchObject({ priority: ['low'] }),
    );
  });

  it('offers to clear the filters when nothing matches', async () => {
    const api = mockPostmortemsApi({ listActionItems: listing([]) });
    renderScreen(<ActionItemList />, {
      api,
      initialRouteEntries: ['/?status=done&priority=low'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(listRequests(api).at(-1)).toEqual({
        status: ['open', 'in_progress'],
        limit: 100,
        cursor: undefined,
      }),
    );
    expect(await screen.findByText('No action items.')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
  });

  it('shows only the signed-in user’s items with "Only mine"', async () => {
    const api = mockPostmortemsApi({ listActionItems: listing([]) });
    renderScreen(<ActionItemList />, { api });
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Only mine' }),
    );
    await waitFor(() =>
      expect(listRequests(api).at(-1)).toMatchObject({
        owner: [expect.stringMatching(/^user:/)],
      }),
    );
  });

  it('counts the items of the user’s groups as theirs, from the URL filters', async () => {
    const api = mockPostmortemsApi({ listActionItems: listing([]) });
    renderScreen(<ActionItemList />, {
      api,
      initialRouteEntries: ['/?status=overdue&mine=true'],
      identityApi: mockApis.identity({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: ['user:default/guest', 'group:default/sre'],
      }),
    });
    await waitFor(() =>
      expect(listRequests(api).at(-1)).toMatchObject({
        owner: ['user:default/guest', 'group:default/sre'],
        overdue: true,
      }),
    );
    expect(
      await screen.findByRole('checkbox', { name: 'Only mine' }),
    ).toBeChecked();
  });

  it('posts a failed change as an error', async () => {
    const api = mockPostmortemsApi({
      listActionItems: listing([makeActionItem()]),
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
    const pages = [
      {
        items: [makeActionItem({ id: 'a1', title: 'First' })],
        totalCount: 2,
        nextCursor: 'c2',
      },
      {
        items: [makeActionItem({ id: 'a2', title: 'Second' })],
        totalCount: 2,
      },
    ];
    const api = mockPostmortemsApi({
      listActionItems: jest.fn(async (query: ListActionItemsQuery = {}) => {
        if (query.limit === 1) return { items: [], totalCount: 2 };
        return query.cursor ? pages[1] : pages[0];
      }),
    });
    renderScreen(<ActionItemList />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more' }),
    );
    expect(await screen.findByText('Second')).toBeInTheDocument();
    expect(screen.getByText('First')).toBeInTheDocument();
    expect(listRequests(api).at(-1)).toMatchObject({ cursor: 'c2' });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });
});
