import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { postmortemsPermissions } from '@postmortems/backstage-plugin-postmortems-common';
import { DateTime } from 'luxon';
import { DatabasePostmortemStore } from './database/DatabasePostmortemStore';
import { createRouter } from './service/router';
import { readTemplates } from './service/templates';

/**
 * The postmortems backend plugin: stores postmortems, their action items and
 * reading sessions, and serves them at `/api/postmortems`.
 *
 * @public
 */
export const postmortemsPlugin = createBackendPlugin({
  pluginId: 'postmortems',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
      }) {
        const timezone =
          config.getOptionalString('postmortems.readingSessions.timezone') ??
          'UTC';
        if (!DateTime.local().setZone(timezone).isValid) {
          throw new Error(
            `postmortems.readingSessions.timezone: "${timezone}" is not an IANA time zone`,
          );
        }
        const templates = readTemplates(config);
        const store = await DatabasePostmortemStore.create({
          database,
          timezone,
        });
        permissionsRegistry.addPermissions(postmortemsPermissions);

        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            permissions,
            store,
            templates,
            timezone,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
