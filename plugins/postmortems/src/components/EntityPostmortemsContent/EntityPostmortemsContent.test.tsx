import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  makePostmortem,
  mockPostmortemsApi,
  POSTMORTEM_ID,
} from '../../__testUtils__/fixtures';
import { renderScreen } from '../../__testUtils__/render';
import { EntityPostmortemsContent } from './EntityPostmortemsContent';

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
});
