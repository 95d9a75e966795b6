import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { postmortemsPermissions } from '@postmortems/backstage-plugin-postmortems-common';
import {
  PostmortemsChangeListener,
  PostmortemsDataProvider,
  postmortemsExtensionPoint,
} from '@postmortems/backstage-plugin-postmortems-node';
import { DateTime } from 'luxon';
import { registerPostmortemsActions } from './actions/registerPostmortemsActions';
import { createDatabaseStores } from './database/createDatabaseStores';
import { announceChanges } from './service/announceChanges';
import { auditedStores } from './service/audit';
import { schedulePurge } from './service/purge';
import { createRouter } from './service/router';
import { readTemplates } from './service/templates';

/**
 * The postmortems backend plugin: stores postmortems, their action items and
 * reading sessions, and serves them at `/api/postmortems`. Modules plug in
 * through `postmortemsExtensionPoint` of
 * `@postmortems/backstage-plugin-postmortems-node`.
 *
 * @public
 */
export const postmortemsPlugin = createBackendPlugin({
  pluginId: 'postmortems',
  register(env) {
    const dataProviders: PostmortemsDataProvider[] = [];
    const changeListeners: PostmortemsChangeListener[] = [];
    env.registerExtensionPoint(postmortemsExtensionPoint, {
      addDataProvider(...providers) {
        dataProviders.push(...providers.flat());
      },
      addChangeListener(...listeners) {
        changeListeners.push(...listeners.flat());
      },
    });

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init({
        actionsRegistry,
        auditor,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
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
        const stores = await createDatabaseStores({ database, timezone });
        permissionsRegistry.addPermissions(postmortemsPermissions);

        for (const provider of dataProviders) {
          logger.info(`Connecting data provider ${provider.getProviderName()}`);
          // A provider's writes are audited as the API's are.
          await provider.connect({
            stores: options =>
              auditedStores(
                options?.clock ? stores.withClock(options.clock) : stores,
                auditor,
                provider.getProviderName(),
              ),
          });
        }

        // The rollups that insights add up: built once per time zone (and
        // resumed where a stopped build left off), then kept in step by
        // every write. One instance at a time builds.
        await scheduler.scheduleTask({
          id: 'postmortems-insights-rollups',
          frequency: { hours: 1 },
          timeout: { hours: 1 },
          fn: async () => {
            const started = Date.now();
            const counted = await stores.buildInsightsRollups();
            if (counted > 0) {
              logger.info(
                `Insights rollups built in ${timezone}: ${counted} postmortems in ${
                  (Date.now() - started) / 1000
                } s`,
              );
            }
          },
        });

        // Deleted postmortems are kept until a retention, when configured.
        await schedulePurge({
          config,
          scheduler,
          auditor,
          logger,
          purge: deletedBefore => stores.purgeDeletedPostmortems(deletedBefore),
        });

        httpRouter.use(
          await createRouter({
            auditor,
            httpAuth,
            logger,
            permissions,
            // Writes through the API are announced; a provider's are not.
            stores: announceChanges(stores, changeListeners, logger),
            templates,
            timezone,
            appBaseUrl: config.getOptionalString('app.baseUrl'),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        // The same reads for AI assistants, served over MCP by
        // @backstage/plugin-mcp-actions-backend when it is installed.
        registerPostmortemsActions({
          actionsRegistry,
          permissions,
          stores,
          templates,
          timezone,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });
      },
    });
  },
});
