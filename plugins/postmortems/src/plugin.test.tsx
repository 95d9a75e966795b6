import { Entity } from '@backstage/catalog-model';
import { getComponentData } from '@backstage/core-plugin-api';
import { screen } from '@testing-library/react';
import {
  renderInTestApp as legacyRenderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Route, Routes } from 'react-router-dom';
import { postmortemsApiRef } from './api';
import {
  entityActionItemsRouteRef,
  entityGroupPostmortemsRouteRef,
  entityPostmortemsRouteRef,
  rootRouteRef,
} from './routes';
import { mockPostmortemsApi } from './__testUtils__/fixtures';
import { makeInsights } from './__testUtils__/insights';
import { renderScreen } from './__testUtils__/render';
import {
  EntityActionItemsContent,
  EntityGroupPostmortemsContent,
  EntityPostmortemsCard,
  EntityPostmortemsContent,
  HomePageReadingSessionCard,
  postmortemsPlugin,
  PostmortemsPage,
} from './index';

jest.mock('recharts', () =>
  require('./__testUtils__/recharts').fixedSizeRecharts(),
);

// Lazy chunks load slowly in jsdom on a busy machine.
jest.setTimeout(30_000);

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'seikyu-kanri-robo', namespace: 'default' },
});

const slow = { timeout: 10_000 };

describe('postmortems plugin for the legacy frontend system', () => {
  it('is a legacy plugin that provides the API', () => {
    expect(postmortemsPlugin.getId()).toBe('postmortems');
    expect(
      [...postmortemsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.postmortems.service']);
  });

  it('renders the page with its own header', async () => {
    renderScreen(<PostmortemsPage />);
    expect(
      await screen.findByText('No postmortems yet', {}, slow),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Incident history and the action items that came out of it',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    [
      'EntityPostmortemsContent',
      EntityPostmortemsContent,
      entityPostmortemsRouteRef,
    ],
    [
      'EntityGroupPostmortemsContent',
      EntityGroupPostmortemsContent,
      entityGroupPostmortemsRouteRef,
    ],
    [
      'EntityActionItemsContent',
      EntityActionItemsContent,
      entityActionItemsRouteRef,
    ],
    ['PostmortemsPage', PostmortemsPage, rootRouteRef],
  ])('mounts %s on its route ref', (_name, Extension, routeRef) => {
    expect(getComponentData(<Extension />, 'core.mountPoint')).toBe(routeRef);
  });

  it("shows an entity's insights below its tab in a legacy app", async () => {
    const api = mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(makeInsights()),
    });
    await legacyRenderInTestApp(
      <TestApiProvider
        apis={[
          [postmortemsApiRef, api],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <EntityProvider entity={entity('Component')}>
          {/* As an entity page mounts its tabs: a legacy route has a path. */}
          <Routes>
            <Route
              path="/postmortems/*"
              element={<EntityPostmortemsContent />}
            />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        routeEntries: ['/postmortems/insights'],
      },
    );
    expect(
      await screen.findByRole('region', { name: 'Detection per month' }, slow),
    ).toBeInTheDocument();
    expect(api.getInsights).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/seikyu-kanri-robo'],
      }),
    );
  });

  it('renders the card in a legacy app', async () => {
    await legacyRenderInTestApp(
      <TestApiProvider
        apis={[
          [postmortemsApiRef, mockPostmortemsApi()],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <EntityProvider entity={entity('Component')}>
          <EntityPostmortemsCard />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText('No incidents recorded', {}, slow),
    ).toBeInTheDocument();
  });

  it('exports the reading session card for legacy home pages', async () => {
    expect(
      getComponentData(<HomePageReadingSessionCard />, 'core.extensionName'),
    ).toBe('HomePageReadingSessionCard');
    expect(
      getComponentData<any>(
        <HomePageReadingSessionCard />,
        'home.widget.config',
      ).layout.width.defaultColumns,
    ).toBe(8);
    const api = mockPostmortemsApi();
    await legacyRenderInTestApp(
      <TestApiProvider
        apis={[
          [postmortemsApiRef, api],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <HomePageReadingSessionCard ownerGroup="group:default/billing-team" />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText(
        'No reading session is planned for this month.',
        {},
        slow,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Postmortem reading session')).toBeInTheDocument();
    expect(api.getCurrentReadingSession).toHaveBeenCalledWith(
      'group:default/billing-team',
    );
  });
});
