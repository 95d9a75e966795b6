import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { screen, waitFor } from '@testing-library/react';
import { mockPostmortemsApi } from '../__testUtils__/fixtures';
import { renderScreen } from '../__testUtils__/render';
import plugin, {
  entityActionItemsContent,
  entityGroupPostmortemsContent,
  entityPostmortemsCard,
  entityPostmortemsContent,
  postmortemsApi,
  postmortemsPage,
  readingSessionHomePageWidget,
} from './index';
import { postmortemsApiRef } from '../api';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'seikyu-kanri-robo', namespace: 'default' },
});

jest.setTimeout(30_000);

describe('postmortems plugin for the new frontend system', () => {
  it('is a frontend plugin with all its extensions', () => {
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.id).toBe('postmortems');
    expect(plugin.getExtension('page:postmortems')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:postmortems/postmortems'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-content:postmortems/action-items'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-content:postmortems/group-postmortems'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:postmortems/overview'),
    ).toBeDefined();
    expect(plugin.getExtension('api:postmortems')).toBeDefined();
    expect(
      plugin.getExtension('home-page-widget:postmortems/reading-session'),
    ).toBeDefined();
  });

  it('provides the client as the postmortems API', () => {
    const tester = createExtensionTester(postmortemsApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(postmortemsApiRef.id);
  });

  it('mounts the page at /postmortems', () => {
    const tester = createExtensionTester(postmortemsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/postmortems');
  });

  it('shows the Postmortems tab on components, systems and resources only', () => {
    const tester = createExtensionTester(entityPostmortemsContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('postmortems');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Postmortems',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter!(entity('Component'))).toBe(true);
    expect(filter!(entity('System'))).toBe(true);
    expect(filter!(entity('Resource'))).toBe(true);
    expect(filter!(entity('Group'))).toBe(false);
    expect(filter!(entity('API'))).toBe(false);
  });

  it('shows the Postmortems tab of what a team owns on groups only', () => {
    const tester = createExtensionTester(entityGroupPostmortemsContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('postmortems');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Postmortems',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter!(entity('Group'))).toBe(true);
    expect(filter!(entity('Component'))).toBe(false);
    expect(filter!(entity('User'))).toBe(false);
  });

  it('shows the Action items tab on groups and users too', () => {
    const tester = createExtensionTester(entityActionItemsContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('action-items');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter!(entity('Component'))).toBe(true);
    expect(filter!(entity('Group'))).toBe(true);
    expect(filter!(entity('User'))).toBe(true);
    expect(filter!(entity('Domain'))).toBe(false);
  });

  it('renders the overview card lazily, only on incident entities', async () => {
    const tester = createExtensionTester(entityPostmortemsCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter!(entity('Component'))).toBe(true);
    expect(filter!(entity('Group'))).toBe(false);

    renderScreen(
      <EntityProvider entity={entity('Component')}>
        {tester.reactElement()}
      </EntityProvider>,
      { api: mockPostmortemsApi() },
    );
    expect(
      await screen.findByText('No incidents recorded'),
    ).toBeInTheDocument();
  });

  it('renders the page content lazily', async () => {
    const tester = createExtensionTester(postmortemsPage);
    renderScreen(tester.reactElement());
    // The first lazy load of the page's chunk is slow in jsdom.
    expect(
      await screen.findByText('No postmortems yet', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Action items' }),
    ).toBeInTheDocument();
  });

  describe('reading session home page widget', () => {
    it('is a home page widget named for the grid, with layout and settings', () => {
      const tester = createExtensionTester(readingSessionHomePageWidget);
      const widget = tester.get(HomePageWidgetBlueprint.dataRefs.widget);
      expect(widget.name).toBe('HomePageReadingSessionCard');
      expect(widget.title).toBe('Postmortem reading session');
      expect(widget.layout?.width?.defaultColumns).toBe(8);
      expect(
        (widget.settings?.schema?.properties?.ownerGroup as any).default,
      ).toBe('group:default/sre');
    });

    it("renders the SRE team's card lazily, with a translated heading", async () => {
      const api = mockPostmortemsApi();
      const tester = createExtensionTester(readingSessionHomePageWidget);
      renderScreen(
        tester.get(HomePageWidgetBlueprint.dataRefs.widget).component,
        { api },
      );
      expect(
        await screen.findByText(
          'No reading session is planned for this month.',
          {},
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Postmortem reading session'),
      ).toBeInTheDocument();
      expect(api.getCurrentReadingSession).toHaveBeenCalledWith(
        'group:default/sre',
      );
    });

    it('shows the group configured for the card', async () => {
      const api = mockPostmortemsApi();
      const tester = createExtensionTester(readingSessionHomePageWidget, {
        config: { ownerGroup: 'group:default/billing-team' },
      });
      const widget = tester.get(HomePageWidgetBlueprint.dataRefs.widget);
      expect(
        (widget.settings?.schema?.properties?.ownerGroup as any).default,
      ).toBe('group:default/billing-team');
      renderScreen(widget.component, { api });
      await waitFor(
        () =>
          expect(api.getCurrentReadingSession).toHaveBeenCalledWith(
            'group:default/billing-team',
          ),
        { timeout: 10_000 },
      );
    });
  });
});
