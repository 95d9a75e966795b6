import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { postmortemsExtensionPoint } from '@postmortems/backstage-plugin-postmortems-node';
import { examplePostmortems } from './postmortems';
import { exampleReadingSessions } from './readingSessions';

/**
 * Fills an empty postmortems database with the example data on startup, so
 * the example app shows real-looking postmortems, action items and reading
 * sessions. It plugs in as a data provider of the postmortems plugin, which
 * connects it once the database is migrated and before the API answers. A
 * database that has ever held a postmortem (even a deleted one) is left
 * alone.
 */
export const postmortemsExampleDataModule = createBackendModule({
  pluginId: 'postmortems',
  moduleId: 'example-data',
  register(reg) {
    reg.registerInit({
      deps: {
        logger: coreServices.logger,
        postmortems: postmortemsExtensionPoint,
      },
      async init({ logger, postmortems }) {
        postmortems.addDataProvider({
          getProviderName: () => 'example-data',
          connect: async connection => {
            const live = connection.stores().postmortems;
            const [{ totalCount }, deleted] = await Promise.all([
              live.listPostmortems({ limit: 1 }),
              live.listPostmortems({ deleted: true, limit: 1 }),
            ]);
            if (totalCount + deleted.totalCount > 0) {
              return;
            }

            const now = new Date();
            // The stores stamp createdAt/updatedAt with their clock; moving
            // the clock gives the examples believable histories.
            let at = now;
            const stores = connection.stores({ clock: () => at });

            const ids = new Map<string, string>();
            for (const example of examplePostmortems(now)) {
              at = example.createdAt;
              const created = await stores.postmortems.createPostmortem(
                example.postmortem,
                example.createdBy,
              );
              ids.set(example.key, created.id);
              for (const {
                createdAt,
                completedAt,
                ...item
              } of example.actionItems) {
                at = createdAt;
                const opened = await stores.actionItems.createActionItem(
                  created.id,
                  completedAt ? { ...item, status: 'open' } : item,
                  example.createdBy,
                );
                if (completedAt) {
                  at = completedAt;
                  await stores.actionItems.updateActionItem(
                    opened.id,
                    opened.version,
                    { status: item.status },
                    example.createdBy,
                  );
                }
              }
              if (example.update) {
                at = example.update.at;
                await stores.postmortems.updatePostmortem(
                  created.id,
                  1,
                  example.update.patch,
                  example.update.by,
                );
              }
            }

            for (const example of exampleReadingSessions(now)) {
              at = new Date(example.scheduledAt.getTime() - 14 * 86_400_000);
              const session = await stores.readingSessions.createReadingSession(
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
                await stores.actionItems.createActionItem(
                  ids.get(example.pick)!,
                  { ...item, readingSessionId: session.id },
                  example.facilitator,
                );
              }
            }
            logger.info(
              `Seeded ${ids.size} example postmortems and their reading sessions`,
            );
          },
        });
      },
    });
  },
});
