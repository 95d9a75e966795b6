import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import {
  makePostmortem,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { makeInsights } from '../../__testUtils__/insights';
import { renderScreen } from '../../__testUtils__/render';
import { GroupPostmortemsContent } from './GroupPostmortemsContent';

jest.mock('recharts', () =>
  require('../../__testUtils__/recharts').fixedSizeRecharts(),
);

// Tables are slow to render in jsdom on a busy machine.
jest.setTimeout(30_000);

const sre: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sre', namespace: 'default' },
};

const owned = (kind: string, name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

describe('GroupPostmortemsContent', () => {
  it('lists the postmortems about what the team owns, newest first', async () => {
    const api = mockPostmortemsApi({
      listPostmortems: jest.fn().mockResolvedValue({
        items: [makePostmortem()],
        totalCount: 1,
      }),
    });
    renderScreen(
      <EntityProvider entity={sre}>
        <GroupPostmortemsContent />
      </EntityProvider>,
      {
        api,
        catalogApi: catalogApiMock({
          entities: [
            sre,
            owned('Component', 'batch-platform', 'group:default/sre'),
            owned('Component', 'seikyu-kanri-robo', 'group:default/billing'),
          ],
        }),
      },
    );
    expect(await screen.findByText(makePostmortem().title)).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listPostmortems).toHaveBeenCalledWith(
        expect.objectContaining({
          entityRef: ['component:default/batch-platform'],
        }),
      ),
    );
    expect(api.listPostmortems).not.toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: undefined }),
    );
  });

  it("shows the insights of what the team owns at insights, with each owner's health", async () => {
    const api = mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(makeInsights()),
    });
    const tab = '/catalog/default/group/sre/postmortems';
    renderScreen(
      <EntityProvider entity={sre}>
        <GroupPostmortemsContent />
      </EntityProvider>,
      {
        api,
        mountPath: tab,
        initialRouteEntries: [`${tab}/insights`],
        catalogApi: catalogApiMock({
          entities: [
            sre,
            owned('Component', 'batch-platform', 'group:default/sre'),
            owned('Component', 'seikyu-kanri-robo', 'group:default/billing'),
          ],
        }),
      },
    );
    expect(
      await screen.findByRole('region', {
        name: 'Action-item health per owner',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Insights' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.getInsights).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/batch-platform'],
      }),
    );
    expect(api.listPostmortems).not.toHaveBeenCalled();
  });
});
