import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import { z } from 'zod';
import { postmortemsApiRef, PostmortemsClient } from '../api';
import { rootRouteRef } from '../routes';
import {
  DEFAULT_READING_SESSION_GROUP,
  ReadingSessionCardTitle,
} from '../components/ReadingSessionCard/ReadingSessionCardTitle';
import {
  READING_SESSION_WIDGET_DESCRIPTION,
  READING_SESSION_WIDGET_NAME,
  READING_SESSION_WIDGET_TITLE,
  readingSessionWidgetLayout,
  readingSessionWidgetSettings,
} from '../components/ReadingSessionCard/widget';
import {
  ACTION_ITEM_DOCUMENT_TYPE,
  POSTMORTEM_DOCUMENT_TYPE,
} from '../components/PostmortemSearchResultListItem/documents';
import { ResultTypeName } from '../components/PostmortemSearchResultListItem/ResultTypeName';

// The entities postmortems are written about.
const INCIDENT_KINDS = ['component', 'system', 'resource'];
// Those that also own action items.
const OWNER_KINDS = ['group', 'user'];

/** @alpha */
export const postmortemsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: postmortemsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PostmortemsClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const postmortemsPage = PageBlueprint.make({
  params: {
    path: '/postmortems',
    title: 'Postmortems',
    icon: <LibraryBooksIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/PostmortemsPage').then(m => (
        <m.PostmortemsPageContent />
      )),
  },
});

/** @alpha */
export const entityPostmortemsContent = EntityContentBlueprint.make({
  name: 'postmortems',
  params: {
    path: 'postmortems',
    title: 'Postmortems',
    filter: { kind: { $in: INCIDENT_KINDS } },
    loader: () =>
      import('../components/EntityPostmortemsContent').then(m => (
        <m.EntityPostmortemsContent />
      )),
  },
});

/**
 * The Postmortems tab of a group: the postmortems about what the team owns.
 *
 * @alpha
 */
export const entityGroupPostmortemsContent = EntityContentBlueprint.make({
  name: 'group-postmortems',
  params: {
    path: 'postmortems',
    title: 'Postmortems',
    filter: { kind: 'group' },
    loader: () =>
      import('../components/GroupPostmortemsContent').then(m => (
        <m.GroupPostmortemsContent />
      )),
  },
});

/** @alpha */
export const entityActionItemsContent = EntityContentBlueprint.make({
  name: 'action-items',
  params: {
    path: 'action-items',
    title: 'Action items',
    filter: { kind: { $in: [...INCIDENT_KINDS, ...OWNER_KINDS] } },
    loader: () =>
      import('../components/EntityActionItemsContent').then(m => (
        <m.EntityActionItemsContent />
      )),
  },
});

/** @alpha */
export const entityPostmortemsCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: { kind: { $in: INCIDENT_KINDS } },
    loader: () =>
      import('../components/EntityPostmortemsCard').then(m => (
        <m.EntityPostmortemsCard />
      )),
  },
});

/**
 * The home page card of a group's reading session this month. Which group
 * is set per card: in app-config (`ownerGroup`, default
 * `group:default/sre`), and on a customisable home page in the card's
 * settings. Its name on the home page grid (`defaultConfig`) is
 * `HomePageReadingSessionCard`.
 *
 * @alpha
 */
export const readingSessionHomePageWidget =
  HomePageWidgetBlueprint.makeWithOverrides({
    name: 'reading-session',
    configSchema: {
      ownerGroup: z.string().default(DEFAULT_READING_SESSION_GROUP),
    },
    *factory(originalFactory, { config }) {
      yield* originalFactory({
        name: READING_SESSION_WIDGET_NAME,
        title: READING_SESSION_WIDGET_TITLE,
        description: READING_SESSION_WIDGET_DESCRIPTION,
        layout: readingSessionWidgetLayout,
        settings: readingSessionWidgetSettings(config.ownerGroup),
        componentProps: {
          ownerGroup: config.ownerGroup,
          // The card frame shows `title` as its heading; an element rather
          // than the English string lets it follow the app's language.
          title: <ReadingSessionCardTitle />,
        },
        components: () =>
          import('../components/ReadingSessionCard').then(m => ({
            Content: m.ReadingSessionCard,
          })),
      });
    },
  });

/**
 * A postmortem in the search page's results (documents of type
 * `postmortem`, from the postmortems search collator).
 *
 * @alpha
 */
export const postmortemSearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      icon: <LibraryBooksIcon />,
      predicate: result => result.type === POSTMORTEM_DOCUMENT_TYPE,
      component: () =>
        import('../components/PostmortemSearchResultListItem').then(
          m => m.PostmortemSearchResultListItem,
        ),
    },
  });

/**
 * An action item in the search page's results (documents of type
 * `postmortem-action-item`, when the collator indexes action items).
 *
 * @alpha
 */
export const actionItemSearchResultListItem =
  SearchResultListItemBlueprint.make({
    name: 'action-item',
    params: {
      icon: <AssignmentTurnedInIcon />,
      predicate: result => result.type === ACTION_ITEM_DOCUMENT_TYPE,
      component: () =>
        import('../components/PostmortemSearchResultListItem').then(
          m => m.PostmortemActionItemSearchResultListItem,
        ),
    },
  });

/*
 * The search page's type filter types a type's name as a string, but only
 * ever renders it (as a list item's text and the collapsed accordion's
 * label); an element lets the name follow the app's language, which a
 * string read once at startup could not.
 */
const translatedName = (type: 'postmortem' | 'actionItem') =>
  (<ResultTypeName type={type} />) as unknown as string;

/**
 * "Postmortems" in the search page's result type filter.
 *
 * @alpha
 */
export const postmortemSearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: POSTMORTEM_DOCUMENT_TYPE,
    name: translatedName('postmortem'),
    icon: <LibraryBooksIcon />,
  },
});

/**
 * "Postmortem action items" in the search page's result type filter.
 * Disabled by default, since the collator indexes action items only when
 * configured to; enable it together with the collator's option.
 *
 * @alpha
 */
export const actionItemSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'action-item',
  disabled: true,
  params: {
    value: ACTION_ITEM_DOCUMENT_TYPE,
    name: translatedName('actionItem'),
    icon: <AssignmentTurnedInIcon />,
  },
});

/**
 * The postmortems plugin for the new frontend system.
 *
 * @alpha
 */
export const postmortemsPlugin = createFrontendPlugin({
  pluginId: 'postmortems',
  title: 'Postmortems',
  icon: <LibraryBooksIcon fontSize="inherit" />,
  info: { packageJson: () => import('../../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    postmortemsApi,
    postmortemsPage,
    entityPostmortemsContent,
    entityGroupPostmortemsContent,
    entityActionItemsContent,
    entityPostmortemsCard,
    readingSessionHomePageWidget,
    postmortemSearchResultListItem,
    actionItemSearchResultListItem,
    postmortemSearchResultType,
    actionItemSearchResultType,
  ],
});
