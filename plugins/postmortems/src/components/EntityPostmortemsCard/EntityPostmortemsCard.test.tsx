import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { ListPostmortemsQuery } from '@postmortems/backstage-plugin-postmortems-common';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { EntityPostmortemsCard } from './EntityPostmortemsCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'seikyu-kanri-robo', namespace: 'default' },
};

function render(api = mockPostmortemsApi()) {
  renderScreen(
    <EntityProvider entity={entity}>
      <EntityPostmortemsCard />
    </EntityProvider>,
    { api },
  );
  return api;
}

describe('EntityPostmortemsCard', () => {
  it('shows progress while loading', async () => {
    render(
      mockPostmortemsApi({
        listPostmortems: jest.fn(() => new Promise<never>(() => {})),
      }),
    );
    // Progress swaps a hidden placeholder for the bar after a moment: look
    // the element up again rather than holding the first one.
    await waitFor(() =>
      expect(screen.getByTestId('progress')).toBeInTheDocument(),
    );
  });

  it('says when there were no incidents', async () => {
    render();
    expect(
      await screen.findByText('No incidents recorded'),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    render(
      mockPostmortemsApi({
        listActionItems: jest.fn().mockRejectedValue(new Error('nope')),
      }),
    );
    expect((await screen.findAllByText(/nope/)).length).toBeGreaterThan(0);
  });

  it('shows the last incident, recent count, open and overdue items, and links the tab', async () => {
    const startedAt = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const api = render(
      mockPostmortemsApi({
        listPostmortems: jest.fn(async (query?: ListPostmortemsQuery) =>
          query?.from
            ? { items: [makePostmortem({ startedAt })], totalCount: 4 }
            : { items: [makePostmortem({ startedAt })], totalCount: 9 },
        ),
        listActionItems: jest.fn(async query =>
          query?.overdue
            ? { items: [], totalCount: 2 }
            : { items: [], totalCount: 1000, totalCountCapped: true },
        ),
      }),
    );
    expect(await screen.findByText('3 days ago')).toBeInTheDocument();
    const page = '/catalog/default/component/seikyu-kanri-robo';
    expect(
      screen.getByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toHaveAttribute('href', `${page}/postmortems/${POSTMORTEM_ID}`);
    const since = api.listPostmortems.mock.calls
      .map(([query]) => query?.from)
      .find(Boolean)!;
    expect(
      screen.getByRole('link', { name: '4 Incidents in the last 90 days' }),
    ).toHaveAttribute(
      'href',
      `${page}/postmortems?from=${encodeURIComponent(since)}`,
    );
    expect(
      // Past the API's count cap: "1000+", not a number it did not count.
      screen.getByRole('link', { name: '1000+ Open action items' }),
    ).toHaveAttribute('href', `${page}/action-items`);
    expect(
      screen.getByRole('link', { name: '2 Overdue action items' }),
    ).toHaveAttribute('href', `${page}/action-items?status=overdue`);
    expect(
      screen.getByRole('link', { name: /View postmortems/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/seikyu-kanri-robo/postmortems',
    );
    expect(api.listPostmortems).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/seikyu-kanri-robo'],
        from: expect.any(String),
      }),
    );
  });
});
