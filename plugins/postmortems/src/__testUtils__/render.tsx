import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { ApiRef, RouteRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { postmortemsApiRef, PostmortemsApi } from '../api';
import { rootRouteRef } from '../routes';
import { mockPostmortemsApi } from './fixtures';

/**
 * Renders a screen in a test app with the postmortems API, a catalog, an
 * alert API that records its alerts, and the routes the screens link to
 * (entity pages, the standalone page).
 */
export function renderScreen(
  element: JSX.Element,
  options: {
    api?: PostmortemsApi;
    mountPath?: string;
    initialRouteEntries?: string[];
    catalogApi?: ReturnType<typeof catalogApiMock>;
    mountedRoutes?: Record<string, RouteRef>;
    /** The signed-in user, when the screen depends on who it is. */
    identityApi?: ReturnType<typeof mockApis.identity>;
    /** More APIs, such as those of a Japanese UI (`japaneseApis()`). */
    apis?: readonly (readonly [ApiRef<any>, unknown])[];
  } = {},
) {
  const api = options.api ?? mockPostmortemsApi();
  // Collects what the screen posts, for tests that check its messages.
  const alertApi = mockApis.alert();
  const rendered = renderInTestApp(element, {
    apis: [
      [postmortemsApiRef, api],
      [catalogApiRef, options.catalogApi ?? catalogApiMock()],
      alertApi,
      ...(options.identityApi ? [options.identityApi] : []),
      ...(options.apis ?? []),
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/postmortems': convertLegacyRouteRef(rootRouteRef),
      ...options.mountedRoutes,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
  return { api, alertApi, rendered };
}
