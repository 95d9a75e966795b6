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
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import { postmortemsApiRef, PostmortemsClient } from '../api';
import { rootRouteRef } from '../routes';

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
    entityActionItemsContent,
    entityPostmortemsCard,
  ],
});
