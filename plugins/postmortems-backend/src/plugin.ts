import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './service/router';

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
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ database, httpAuth, httpRouter, logger }) {
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }

        httpRouter.use(await createRouter({ httpAuth, logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
