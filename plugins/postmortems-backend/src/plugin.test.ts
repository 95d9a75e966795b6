import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  PostmortemsDataConnection,
  postmortemsExtensionPoint,
} from '@postmortems/backstage-plugin-postmortems-node';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import { postmortemsPlugin } from './plugin';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AUTHOR = 'user:default/hanako.yamada';

/** A module that plugs a data provider in, as an importer would. */
function providerModule(
  connect: (connection: PostmortemsDataConnection) => Promise<void>,
) {
  return createBackendModule({
    pluginId: 'postmortems',
    moduleId: 'test-data',
    register(reg) {
      reg.registerInit({
        deps: { postmortems: postmortemsExtensionPoint },
        async init({ postmortems }) {
          postmortems.addDataProvider({
            getProviderName: () => 'test-data',
            connect,
          });
        },
      });
    },
  });
}

describe('postmortemsExtensionPoint', () => {
  it('connects a data provider to the migrated stores before the API answers, on the clock it asks for', async () => {
    const knex = await databases.init('SQLITE_3');
    const writtenAt = new Date('2025-11-03T01:00:00.000Z');
    const connected: string[] = [];

    const { server } = await startTestBackend({
      features: [
        postmortemsPlugin,
        mockServices.database.factory({ knex }),
        providerModule(async connection => {
          const { postmortems, actionItems } = connection.stores({
            clock: () => writtenAt,
          });
          const created = await postmortems.createPostmortem(
            {
              title: '非同期ジョブのキュー滞留',
              entityRefs: ['component:default/seikyu-kanri-robo'],
              status: 'published',
              severity: 'sev2',
              detection: 'customer_report',
              startedAt: '2025-11-03T00:00:00.000Z',
              template: 'sre-book',
              sections: {},
              timeline: [],
              tags: [],
              authors: [],
            },
            AUTHOR,
          );
          await actionItems.createActionItem(
            created.id,
            { title: 'キューの滞留をアラートにする' },
            AUTHOR,
          );
          connected.push(created.id);
        }),
      ],
    });

    expect(connected).toHaveLength(1);
    const list = await request(server)
      .get('/api/postmortems/postmortems')
      .set('Authorization', mockCredentials.user.header(AUTHOR));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: connected[0],
        createdAt: writtenAt.toISOString(),
        createdBy: AUTHOR,
        actionItemCounts: expect.objectContaining({ open: 1, total: 1 }),
      }),
    ]);
  });

  it('fails the startup when a provider fails, instead of serving half the data', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startTestBackend({
        features: [
          postmortemsPlugin,
          mockServices.database.factory({ knex }),
          providerModule(async () => {
            throw new Error('the import source is unreachable');
          }),
        ],
      }),
    ).rejects.toThrow(/the import source is unreachable/);
  });
});
