import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/postmortems',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/PostmortemsPage').then(m => <m.PostmortemsPage />),
  },
});

export const postmortemsPlugin = createFrontendPlugin({
  pluginId: 'postmortems',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  },
});
