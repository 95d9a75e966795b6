import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import {
  makePostmortem,
  mockPostmortemsApi,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { GroupPostmortemsContent } from './GroupPostmortemsContent';

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
});
