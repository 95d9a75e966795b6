import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The standalone postmortems page; postmortem detail pages live under it
 * at `<page>/<postmortemId>`.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'postmortems' });

/** The "Postmortems" tab of an entity page (legacy system). */
export const entityPostmortemsRouteRef = createRouteRef({
  id: 'postmortems:entity-postmortems',
});

/** The "Postmortems" tab of a group's page (legacy system). */
export const entityGroupPostmortemsRouteRef = createRouteRef({
  id: 'postmortems:entity-group-postmortems',
});

/** The "Action items" tab of an entity page (legacy system). */
export const entityActionItemsRouteRef = createRouteRef({
  id: 'postmortems:entity-action-items',
});
