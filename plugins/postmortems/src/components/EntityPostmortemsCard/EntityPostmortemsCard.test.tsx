import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { ListPostmortemsQuery } from '@postmortems/backstage-plugin-postmortems-common';
import {
  makePostmortem,
  mockPostmortemsApi,
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
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
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
            : { items: [], totalCount: 5 },
        ),
      }),
    );
    expect(await screen.findByText('3 days ago')).toBeInTheDocument();
    expect(screen.getByText('4')).toBeInTheDocument();
    expect(screen.getByText('5')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
    expect(
      screen.getByText('Incidents in the last 90 days'),
    ).toBeInTheDocument();
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
