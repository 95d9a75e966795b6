import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { DatabasePostmortemStore } from '@postmortems/backstage-plugin-postmortems-backend/alpha';
import { exampleReadingSessions, examplePostmortems } from './postmortems';

/**
 * Fills an empty postmortems database with the example data on startup, so
 * the example app shows real-looking postmortems, action items and reading
 * sessions. A database that has ever held a postmortem (even a deleted one)
 * is left alone.
 */
export const postmortemsExampleDataModule = createBackendModule({
  pluginId: 'postmortems',
  moduleId: 'example-data',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
      },
      async init({ config, database, lifecycle, logger }) {
        // After startup, because the plugin's init runs the migrations.
        lifecycle.addStartupHook(async () => {
          const knex = await database.getClient();
          const [{ count }] = await knex('postmortems').count({ count: '*' });
          if (Number(count) > 0) {
            return;
          }

          const now = new Date();
          // The store stamps createdAt/updatedAt with its clock; moving the
          // clock gives the examples believable histories.
          let at = now;
          const store = await DatabasePostmortemStore.create({
            database,
            skipMigrations: true,
            clock: () => at,
            timezone:
              config.getOptionalString(
                'postmortems.readingSessions.timezone',
              ) ?? 'UTC',
          });

          const ids = new Map<string, string>();
          for (const example of examplePostmortems(now)) {
            at = example.createdAt;
            const created = await store.createPostmortem(
              example.postmortem,
              example.createdBy,
            );
            ids.set(example.key, created.id);
            for (const { createdAt, ...item } of example.actionItems) {
              at = createdAt;
              await store.createActionItem(created.id, item, example.createdBy);
            }
            if (example.update) {
              at = example.update.at;
              await store.updatePostmortem(
                created.id,
                1,
                example.update.patch,
                example.update.by,
              );
            }
          }

          for (const example of exampleReadingSessions(now)) {
            at = new Date(example.scheduledAt.getTime() - 14 * 86_400_000);
            const session = await store.createReadingSession(
              {
                ownerGroup: example.ownerGroup,
                scheduledAt: example.scheduledAt.toISOString(),
                facilitator: example.facilitator,
                postmortemId: ids.get(example.pick),
                status: example.status,
                participants: example.participants,
                notes: example.notes,
              },
              example.facilitator,
            );
            for (const { createdAt, ...item } of example.actionItems) {
              at = createdAt;
              await store.createActionItem(
                ids.get(example.pick)!,
                { ...item, readingSessionId: session.id },
                example.facilitator,
              );
            }
          }
          at = now;
          logger.info(
            `Seeded ${ids.size} example postmortems and their reading sessions`,
          );
        });
      },
    });
  },
});
