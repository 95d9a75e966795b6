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
  ],
});
