import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createCardExtension } from '@backstage/plugin-home-react';
import { postmortemsApiRef, PostmortemsClient } from './api';
import {
  READING_SESSION_WIDGET_DESCRIPTION,
  READING_SESSION_WIDGET_NAME,
  READING_SESSION_WIDGET_TITLE,
  readingSessionWidgetLayout,
  readingSessionWidgetSettings,
} from './components/ReadingSessionCard/widget';
import {
  entityActionItemsRouteRef,
  entityGroupPostmortemsRouteRef,
  entityPostmortemsRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The postmortems plugin for the legacy frontend system. For the new
 * frontend system, use the default export of `/alpha`.
 *
 * @public
 */
export const postmortemsPlugin = createPlugin({
  id: 'postmortems',
  apis: [
    createApiFactory({
      api: postmortemsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PostmortemsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The standalone page: all postmortems and all action items. Mount it at
 * `/postmortems`.
 *
 * @public
 */
export const PostmortemsPage = postmortemsPlugin.provide(
  createRoutableExtension({
    name: 'PostmortemsPage',
    component: () =>
      import('./components/PostmortemsPage').then(m => m.PostmortemsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Postmortems" entity tab, for components, systems and resources.
 *
 * @public
 */
export const EntityPostmortemsContent = postmortemsPlugin.provide(
  createRoutableExtension({
    name: 'EntityPostmortemsContent',
    component: () =>
      import('./components/EntityPostmortemsContent').then(
        m => m.EntityPostmortemsContent,
      ),
    mountPoint: entityPostmortemsRouteRef,
  }),
);

/**
 * The "Postmortems" tab of a group: the postmortems about the components,
 * systems and resources the team owns. Put it on group pages.
 *
 * @public
 */
export const EntityGroupPostmortemsContent = postmortemsPlugin.provide(
  createRoutableExtension({
    name: 'EntityGroupPostmortemsContent',
    component: () =>
      import('./components/GroupPostmortemsContent').then(
        m => m.GroupPostmortemsContent,
      ),
    mountPoint: entityGroupPostmortemsRouteRef,
  }),
);

/**
 * The "Action items" entity tab: on a group or user the items they own,
 * on other entities the items of their postmortems.
 *
 * @public
 */
export const EntityActionItemsContent = postmortemsPlugin.provide(
  createRoutableExtension({
    name: 'EntityActionItemsContent',
    component: () =>
      import('./components/EntityActionItemsContent').then(
        m => m.EntityActionItemsContent,
      ),
    mountPoint: entityActionItemsRouteRef,
  }),
);

/**
 * The entity overview card: last incident, incidents in the last 90 days,
 * open and overdue action items.
 *
 * @public
 */
export const EntityPostmortemsCard = postmortemsPlugin.provide(
  createComponentExtension({
    name: 'EntityPostmortemsCard',
    component: {
      lazy: () =>
        import('./components/EntityPostmortemsCard').then(
          m => m.EntityPostmortemsCard,
        ),
    },
  }),
);

/**
 * Props of {@link HomePageReadingSessionCard}.
 *
 * @public
 */
export type HomePageReadingSessionCardProps = {
  /** The group whose session to show; defaults to `group:default/sre`. */
  ownerGroup?: string;
};

/**
 * The home page card of a group's postmortem reading session this month,
 * for legacy home pages (`CustomHomepageGrid` or a plain grid). Its name
 * on a `CustomHomepageGrid` config is `HomePageReadingSessionCard`.
 *
 * @public
 */
export const HomePageReadingSessionCard = postmortemsPlugin.provide(
  createCardExtension<HomePageReadingSessionCardProps>({
    name: READING_SESSION_WIDGET_NAME,
    title: READING_SESSION_WIDGET_TITLE,
    description: READING_SESSION_WIDGET_DESCRIPTION,
    layout: readingSessionWidgetLayout,
    settings: readingSessionWidgetSettings(),
    components: () =>
      import('./components/ReadingSessionCard').then(m => ({
        Content: m.ReadingSessionCard,
      })),
  }),
);
