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
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { mockPostmortemsApi } from '../__testUtils__/fixtures';
import { makeInsights } from '../__testUtils__/insights';
import { renderScreen } from '../__testUtils__/render';
import plugin, {
  actionItemSearchResultListItem,
  actionItemSearchResultType,
  postmortemSearchResultListItem,
  postmortemSearchResultType,
  entityActionItemsContent,
  entityGroupPostmortemsContent,
  entityPostmortemsCard,
  entityPostmortemsContent,
  postmortemsApi,
  postmortemsPage,
  readingSessionHomePageWidget,
} from './index';
import { postmortemsApiRef } from '../api';
import { japaneseApis } from '../components/PostmortemSearchResultListItem/__testUtils__/japanese';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'seikyu-kanri-robo', namespace: 'default' },
});

jest.setTimeout(30_000);

jest.mock('recharts', () =>
  require('../__testUtils__/recharts').fixedSizeRecharts(),
);

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
    expect(
      plugin.getExtension('search-result-list-item:postmortems'),
    ).toBeDefined();
    expect(
      plugin.getExtension('search-result-list-item:postmortems/action-item'),
    ).toBeDefined();
    expect(
      plugin.getExtension('search-filter-result-type:postmortems'),
    ).toBeDefined();
    expect(
      plugin.getExtension('search-filter-result-type:postmortems/action-item'),
    ).toBeDefined();
  });

  describe('search', () => {
    const postmortemResult = {
      type: 'postmortem',
      document: {
        title: 'Queue backlog after the nightly batch',
        text: 'The invoice queue backed up.',
        location: '/postmortems/pm-1',
        entityRefs: ['component:default/seikyu-kanri-robo'],
        entityTitles: ['請求管理ロボ'],
        severity: 'sev2',
        status: 'published',
      },
    };
    const actionItemResult = {
      type: 'postmortem-action-item',
      document: {
        title: 'Alert on queue depth',
        text: 'Page the on-call engineer.',
        location: '/postmortems/pm-1?actionItem=ai-7',
        postmortemTitle: 'Queue backlog after the nightly batch',
      },
    };
    const catalogResult = {
      type: 'software-catalog',
      document: { title: 'x', text: '', location: '/catalog/x' },
    };

    it('shows postmortem results with its own item, lazily', async () => {
      const tester = createExtensionTester(postmortemSearchResultListItem);
      const item = tester.get(SearchResultListItemBlueprint.dataRefs.item);
      expect(item.predicate!(postmortemResult)).toBe(true);
      expect(item.predicate!(actionItemResult)).toBe(false);
      expect(item.predicate!(catalogResult)).toBe(false);
      const Item = item.component;
      renderInTestApp(<Item result={postmortemResult.document} rank={1} />);
      expect(
        await screen.findByText(
          'Service: 請求管理ロボ',
          {},
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', {
          name: 'Queue backlog after the nightly batch',
        }),
      ).toHaveAttribute('href', '/postmortems/pm-1');
    });

    it('shows action item results with their own item', async () => {
      const tester = createExtensionTester(actionItemSearchResultListItem);
      const item = tester.get(SearchResultListItemBlueprint.dataRefs.item);
      expect(item.predicate!(actionItemResult)).toBe(true);
      expect(item.predicate!(postmortemResult)).toBe(false);
      const Item = item.component;
      renderInTestApp(<Item result={actionItemResult.document} />);
      expect(
        await screen.findByText(
          'Postmortem: Queue backlog after the nightly batch',
          {},
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument();
    });

    it('offers "Postmortems" as a result type, in the app\'s language', async () => {
      const tester = createExtensionTester(postmortemSearchResultType);
      const type = tester.get(
        SearchFilterResultTypeBlueprint.dataRefs.resultType,
      );
      expect(type.value).toBe('postmortem');
      expect(type.icon).toBeDefined();
      // The search page renders the name as a node.
      const name = type.name as unknown as JSX.Element;
      const english = renderInTestApp(name);
      expect(await screen.findByText('Postmortems')).toBeInTheDocument();
      english.unmount();
      renderInTestApp(name, { apis: japaneseApis() });
      expect(await screen.findByText('ポストモーテム')).toBeInTheDocument();
    });

    it('has an action item result type, off until the collator indexes them', () => {
      expect((actionItemSearchResultType as any).disabled).toBe(true);
      expect((postmortemSearchResultType as any).disabled).toBe(false);
      const tester = createExtensionTester(actionItemSearchResultType);
      expect(
        tester.get(SearchFilterResultTypeBlueprint.dataRefs.resultType).value,
      ).toBe('postmortem-action-item');
    });
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

  it("shows an entity's insights below its Postmortems tab", async () => {
    const api = mockPostmortemsApi({
      getInsights: jest.fn().mockResolvedValue(makeInsights()),
    });
    const tab = '/catalog/default/component/seikyu-kanri-robo/postmortems';
    const tester = createExtensionTester(entityPostmortemsContent);
    renderScreen(
      <EntityProvider entity={entity('Component')}>
        {tester.reactElement()}
      </EntityProvider>,
      { api, mountPath: tab, initialRouteEntries: [`${tab}/insights`] },
    );
    expect(
      await screen.findByRole(
        'region',
        { name: 'Incidents per month by severity' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Insights' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
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
