import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeActionItem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { EntityActionItemsContent } from './EntityActionItemsContent';

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
});

// The SRE team in the catalog: the group, and 山田 花子 as its member.
const team = catalogApiMock({
  entities: [
    {
      ...entity('Group', 'sre'),
      metadata: { name: 'sre', namespace: 'default' },
      spec: { profile: { displayName: 'SRE' } },
      relations: [
        { type: 'hasMember', targetRef: 'user:default/hanako.yamada' },
      ],
    },
    {
      ...entity('User', 'hanako.yamada'),
      spec: { profile: { displayName: '山田 花子' } },
    },
  ],
});

function render(
  kind: string,
  name: string,
  api = mockPostmortemsApi(),
  catalogApi = catalogApiMock(),
) {
  renderScreen(
    <EntityProvider entity={entity(kind, name)}>
      <EntityActionItemsContent />
    </EntityProvider>,
    { api, catalogApi },
  );
  return api;
}

describe('EntityActionItemsContent', () => {
  it('shows progress while loading', async () => {
    render(
      'Component',
      'x',
      mockPostmortemsApi({
        listActionItems: jest.fn(() => new Promise<never>(() => {})),
      }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the items of a component’s postmortems, open by default', async () => {
    const api = render('Component', 'seikyu-kanri-robo');
    expect(await screen.findByText('No action items.')).toBeInTheDocument();
    expect(api.listActionItems).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/seikyu-kanri-robo'],
        status: ['open', 'in_progress'],
        limit: 100,
      }),
    );
    // The service is the tab's own.
    expect(
      screen.queryByRole('textbox', { name: 'Service' }),
    ).not.toBeInTheDocument();
  });

  it('shows the items the team owns: the group and its members', async () => {
    const api = render('Group', 'sre', mockPostmortemsApi(), team);
    await screen.findByText('No action items.');
    expect(api.listActionItems).toHaveBeenLastCalledWith(
      expect.objectContaining({
        owner: ['group:default/sre', 'user:default/hanako.yamada'],
      }),
    );
    // The owner filter offers the team's people by name.
    await userEvent.click(screen.getByRole('button', { name: 'Owner Any' }));
    expect(
      await screen.findByRole('option', { name: 'SRE (the team)' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('option', { name: '山田 花子' }));
    await waitFor(() =>
      expect(api.listActionItems).toHaveBeenLastCalledWith(
        expect.objectContaining({ owner: ['user:default/hanako.yamada'] }),
      ),
    );
  });

  it('switches between open, overdue and done', async () => {
    const api = render('Group', 'sre', mockPostmortemsApi(), team);
    await screen.findByText('No action items.');
    await userEvent.click(screen.getByRole('button', { name: /^Overdue/ }));
    await waitFor(() =>
      expect(api.listActionItems).toHaveBeenLastCalledWith(
        expect.objectContaining({
          owner: ['group:default/sre', 'user:default/hanako.yamada'],
          overdue: true,
          limit: 100,
        }),
      ),
    );
    expect(
      await screen.findByText('No action items match this filter.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /^Done/ }));
    await waitFor(() =>
      expect(api.listActionItems).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: ['done', 'wont_do'], limit: 100 }),
      ),
    );
  });

  it('shows the items a user owns', async () => {
    const api = render('User', 'hanako.yamada', mockPostmortemsApi(), team);
    await screen.findByText('No action items.');
    expect(api.listActionItems).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: ['user:default/hanako.yamada'] }),
    );
  });

  it('shows the error of a failed request', async () => {
    render(
      'Component',
      'x',
      mockPostmortemsApi({
        listActionItems: jest.fn().mockRejectedValue(new Error('kaboom')),
      }),
    );
    expect((await screen.findAllByText(/kaboom/)).length).toBeGreaterThan(0);
  });

  it('sorts overdue first, then by due date, and links the postmortem', async () => {
    render(
      'Group',
      'sre',
      mockPostmortemsApi({
        listActionItems: jest.fn().mockResolvedValue({
          items: [
            makeActionItem({
              id: 'late',
              title: 'Later',
              dueDate: '2027-01-01',
            }),
            makeActionItem({
              id: 'none',
              title: 'Undated',
              dueDate: undefined,
            }),
            makeActionItem({
              id: 'over',
              title: 'Overdue one',
              dueDate: '2026-01-01',
              overdue: true,
            }),
            makeActionItem({
              id: 'soon',
              title: 'Sooner',
              dueDate: '2026-12-01',
            }),
          ],
          totalCount: 4,
        }),
      }),
    );
    await screen.findByText('Later');
    const titles = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).queryAllByRole('cell')[0]?.textContent);
    expect(titles).toEqual(['Overdue one', 'Sooner', 'Later', 'Undated']);
    expect(screen.getAllByText(/^\d+ days overdue$/).length).toBe(1);
    expect(
      screen.getAllByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      })[0],
    ).toHaveAttribute('href', `/postmortems/${POSTMORTEM_ID}`);
  });

  it('changes status inline and reports a 409 with a reload', async () => {
    const api = render(
      'Component',
      'x',
      mockPostmortemsApi({
        listActionItems: jest.fn().mockResolvedValue({
          items: [makeActionItem({ version: 7 })],
          totalCount: 1,
        }),
        updateActionItem: jest
          .fn()
          .mockRejectedValue(await responseError(409, 'stale')),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: /Status: Alert on queue depth/,
      }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'In progress' }),
    );
    await waitFor(() =>
      expect(api.updateActionItem).toHaveBeenCalledWith('a1', {
        status: 'in_progress',
        version: 7,
      }),
    );
    expect(
      await screen.findByText('Someone else changed this in the meantime'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(
        api.listActionItems.mock.calls.filter(([q]) => q?.limit === 100),
      ).toHaveLength(2),
    );
  });
});
