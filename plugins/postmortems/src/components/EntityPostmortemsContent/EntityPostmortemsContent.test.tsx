import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { makeInsights } from '../../__testUtils__/insights';
import { renderScreen } from '../../__testUtils__/render';
import { EntityPostmortemsContent } from './EntityPostmortemsContent';

jest.mock('recharts', () =>
  require('../../__testUtils__/recharts').fixedSizeRecharts(),
);

// Tables and forms are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const TAB = '/catalog/default/component/seikyu-kanri-robo/postmortems';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'seikyu-kanri-robo', namespace: 'default' },
};

function render(path: string, api = mockPostmortemsApi()) {
  renderScreen(
    <EntityProvider entity={entity}>
      <EntityPostmortemsContent />
    </EntityProvider>,
    { api, mountPath: TAB, initialRouteEntries: [path] },
  );
  return api;
}

describe('EntityPostmortemsContent', () => {
  it("lists the entity's postmortems, linked below the tab", async () => {
    const api = render(
      TAB,
      mockPostmortemsApi({
        listPostmortems: jest
          .fn()
          .mockResolvedValue({ items: [makePostmortem()], totalCount: 1 }),
      }),
    );
    expect(
      await screen.findByRole('link', {
        name: '非同期ジョブキューの滞留で請求書発行が遅延',
      }),
    ).toHaveAttribute('href', `${TAB}/${POSTMORTEM_ID}`);
    expect(api.listPostmortems).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/seikyu-kanri-robo'],
      }),
    );
  });

  it('starts a new postmortem about the entity', async () => {
    render(`${TAB}/new`);
    expect(await screen.findByText('New postmortem')).toBeInTheDocument();
    // The picker shows the pre-selected entity as a chip.
    expect(
      await screen.findByRole('button', { name: /seikyu-kanri-robo/ }),
    ).toBeInTheDocument();
  });

  it('shows its insights in a view of its own, next to the history', async () => {
    const api = render(
      TAB,
      mockPostmortemsApi({
        getInsights: jest.fn().mockResolvedValue(makeInsights()),
      }),
    );
    const views = await screen.findByRole('tablist', {
      name: 'Postmortem views',
    });
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Insights' }));

    expect(
      await screen.findByRole('region', {
        name: 'Incidents per month by severity',
      }),
    ).toBeInTheDocument();
    expect(views).toBeInTheDocument();
    expect(api.getInsights).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/seikyu-kanri-robo'],
      }),
    );
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute(
      'href',
      TAB,
    );
  });

  it('offers to write the first postmortem about the entity when it has none', async () => {
    render(`${TAB}/insights`);
    expect(
      await screen.findByRole('button', { name: 'Write a postmortem' }),
    ).toHaveAttribute('href', `${TAB}/new`);
  });
});
