import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  PostmortemsStores,
  postmortemsExtensionPoint,
} from '@postmortems/backstage-plugin-postmortems-node';
import { ChangeNotifications } from './changeNotifications';
import { readNotificationsConfig } from './config';
import { Deliveries, migrateDeliveries } from './deliveries';
import { Directory } from './directory';
import { Outbox } from './outbox';
import {
  ScheduledNotifications,
  SuggestionsSource,
} from './scheduledNotifications';

/**
 * The id of the module's scheduled task, e.g. to trigger it by hand.
 *
 * @public
 */
export const NOTIFICATIONS_TASK_ID = 'postmortems-notifications';

/**
 * Sends the postmortems plugin's reminders and digests through Backstage
 * notifications (`@backstage/plugin-notifications-backend` must be
 * installed): the overdue digest, due-soon reminders, assignments, reading
 * session reminders and picks, "your postmortem was read", and new
 * postmortems on a service. Configured under `postmortems.notifications`.
 *
 * @public
 */
export const postmortemsModuleNotifications = createBackendModule({
  pluginId: 'postmortems',
  moduleId: 'notifications',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        notifications: notificationService,
        postmortems: postmortemsExtensionPoint,
        scheduler: coreServices.scheduler,
      },
      async init({
        auth,
        catalog,
        config: rootConfig,
        database,
        discovery,
        logger,
        notifications,
        postmortems,
        scheduler,
      }) {
        // A wrong setting fails the start, naming its key.
        const config = readNotificationsConfig(rootConfig);
        const knex = await database.getClient();
        await migrateDeliveries(knex);
        const deliveries = new Deliveries(knex);
        const outbox = new Outbox(notifications, deliveries, logger);
        const directory = () => new Directory(catalog, auth);

        // The ranking is the plugin's own, asked for through its API.
        const suggestions: SuggestionsSource = async (ownerGroup, limit) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'postmortems',
          });
          const url = `${await discovery.getBaseUrl(
            'postmortems',
          )}/reading-sessions/suggestions?${new URLSearchParams({
            ownerGroup,
            limit: String(limit),
          })}`;
          const response = await fetch(url, {
            headers: { Authorization: `Bearer ${token}` },
          });
          if (!response.ok) {
            throw new Error(`${url} answered ${response.status}`);
          }
          return (await response.json()).items;
        };

        let stores: PostmortemsStores | undefined;
        const connected = () => {
          if (!stores) throw new Error('The postmortems stores are not ready');
          return stores;
        };
        postmortems.addChangeListener(
          new ChangeNotifications({
            config,
            stores: connected,
            outbox,
            directory,
            logger,
          }),
        );
        postmortems.addDataProvider({
          getProviderName: () => 'notifications',
          async connect(connection) {
            stores = connection.stores();
            const scheduled = new ScheduledNotifications({
              config,
              stores,
              outbox,
              deliveries,
              directory,
              suggestions,
              logger,
            });
            await scheduler.scheduleTask({
              id: NOTIFICATIONS_TASK_ID,
              scope: 'global',
              frequency: { minutes: config.checkEveryMinutes },
              timeout: { minutes: 10 },
              initialDelay: { seconds: 30 },
              fn: async () => {
                const now = new Date();
                const report = await scheduled.run(now);
                if (Object.values(report).some(n => n > 0)) {
                  logger.info(`Sent notifications: ${JSON.stringify(report)}`);
                }
                // A month of records is kept; older ones are never asked for.
                await deliveries.prune(
                  new Date(now.getTime() - 45 * 24 * 3600_000),
                );
              },
            });
          },
        });
      },
    });
  },
});
