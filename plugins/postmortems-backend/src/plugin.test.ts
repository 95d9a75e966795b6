import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  PostmortemInput,
  PostmortemsChange,
  PostmortemsDataConnection,
  postmortemsExtensionPoint,
} from '@postmortems/backstage-plugin-postmortems-node';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import { postmortemsPlugin } from './plugin';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const AUTHOR = 'user:default/hanako.yamada';

/** A postmortem a provider writes, titled and rated as given. */
function providerInput(
  title: string,
  rating: Pick<PostmortemInput, 'severity' | 'detection'> = {
    severity: 'sev3',
    detection: 'monitoring_alert',
  },
): PostmortemInput {
  return {
    title,
    entityRefs: ['component:default/seikyu-kanri-robo'],
    status: 'published',
    ...rating,
    startedAt: '2025-11-03T00:00:00.000Z',
    template: 'sre-book',
    sections: {},
    timeline: [],
    tags: [],
    authors: [],
  };
}

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
            providerInput('非同期ジョブのキュー滞留', {
              severity: 'sev2',
              detection: 'customer_report',
            }),
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

  it("records a provider's writes as audit events, named by the provider", async () => {
    const knex = await databases.init('SQLITE_3');
    const auditor = mockServices.auditor.mock();
    const written: Record<string, string> = {};
    await startTestBackend({
      features: [
        postmortemsPlugin,
        mockServices.database.factory({ knex }),
        auditor.factory,
        providerModule(async connection => {
          const { postmortems, actionItems } = connection.stores();
          const created = await postmortems.createPostmortem(
            providerInput('証明書の期限切れ'),
            AUTHOR,
          );
          written.postmortemId = created.id;
          const item = await actionItems.createActionItem(
            created.id,
            { title: '期限を監視する' },
            AUTHOR,
          );
          written.actionItemId = item.id;
          // A refused write is recorded as failed, and thrown on.
          await expect(
            actionItems.updateActionItem(item.id, 99, { title: 'x' }, AUTHOR),
          ).rejects.toThrow();
        }),
      ],
    });
    const events = await Promise.all(
      auditor.createEvent.mock.calls.map(async ([options], i) => {
        const event = await auditor.createEvent.mock.results[i].value;
        return {
          eventId: options.eventId,
          meta: options.meta,
          succeeded: event.success.mock.calls.map(
            ([done]: [{ meta: object }]) => done.meta,
          ),
          failed: event.fail.mock.calls.length,
        };
      }),
    );
    expect(events).toEqual([
      {
        eventId: 'postmortem-mutate',
        meta: { actionType: 'create', provider: 'test-data' },
        succeeded: [
          {
            actionType: 'create',
            provider: 'test-data',
            postmortemId: written.postmortemId,
          },
        ],
        failed: 0,
      },
      {
        eventId: 'action-item-mutate',
        meta: {
          actionType: 'create',
          provider: 'test-data',
          postmortemId: written.postmortemId,
        },
        succeeded: [
          {
            actionType: 'create',
            provider: 'test-data',
            postmortemId: written.postmortemId,
            actionItemId: written.actionItemId,
          },
        ],
        failed: 0,
      },
      {
        eventId: 'action-item-mutate',
        meta: {
          actionType: 'update',
          provider: 'test-data',
          actionItemId: written.actionItemId,
        },
        succeeded: [],
        failed: 1,
      },
    ]);
  });

  it('purges the postmortems deleted longer ago than the configured retention, as an audit event', async () => {
    const knex = await databases.init('SQLITE_3');
    const auditor = mockServices.auditor.mock();
    const ids: Record<string, string> = {};
    const { server } = await startTestBackend({
      features: [
        postmortemsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            postmortems: { retention: { purgeDeletedAfter: { days: 30 } } },
          },
        }),
        auditor.factory,
        providerModule(async connection => {
          // Deleted 100 days ago, and yesterday.
          for (const [name, daysAgo] of [
            ['old', 100],
            ['recent', 1],
          ] as const) {
            const at = new Date(Date.now() - daysAgo * 86_400_000);
            const { postmortems } = connection.stores({ clock: () => at });
            const created = await postmortems.createPostmortem(
              providerInput(name),
              AUTHOR,
            );
            await postmortems.deletePostmortem(created.id, AUTHOR);
            ids[name] = created.id;
          }
        }),
      ],
    });
    // The task runs as the backend starts.
    const deletedIds = async () =>
      (
        await request(server)
          .get('/api/postmortems/postmortems?deleted=true')
          .set('Authorization', mockCredentials.user.header(AUTHOR))
      ).body.items.map((p: { id: string }) => p.id);
    for (let i = 0; i < 100 && (await deletedIds()).length > 1; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(await deletedIds()).toEqual([ids.recent]);
    const purge = auditor.createEvent.mock.calls.findIndex(
      ([options]) => options.meta?.actionType === 'purge',
    );
    expect(auditor.createEvent.mock.calls[purge][0]).toMatchObject({
      eventId: 'postmortem-mutate',
      meta: { actionType: 'purge', deletedBefore: expect.any(String) },
    });
    const event = await auditor.createEvent.mock.results[purge].value;
    for (let i = 0; i < 100 && event.success.mock.calls.length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    expect(event.success).toHaveBeenCalledWith({
      meta: expect.objectContaining({ postmortemIds: [ids.old] }),
    });
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

  it('announces the writes made through the API to change listeners, with what was there before, and not a provider’s', async () => {
    const knex = await databases.init('SQLITE_3');
    const changes: PostmortemsChange[] = [];
    const listenerModule = createBackendModule({
      pluginId: 'postmortems',
      moduleId: 'test-listener',
      register(reg) {
        reg.registerInit({
          deps: { postmortems: postmortemsExtensionPoint },
          async init({ postmortems }) {
            postmortems.addChangeListener({
              getListenerName: () => 'test-listener',
              onChange: async change => {
                changes.push(change);
              },
            });
            // A failing listener is logged; the write still succeeds.
            postmortems.addChangeListener({
              getListenerName: () => 'failing-listener',
              onChange: async () => {
                throw new Error('the listener is broken');
              },
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        postmortemsPlugin,
        mockServices.database.factory({ knex }),
        listenerModule,
        providerModule(async connection => {
          await connection.stores().readingSessions.createReadingSession(
            {
              ownerGroup: 'group:default/sre',
              scheduledAt: '2026-12-03T07:00:00.000Z',
            },
            AUTHOR,
          );
        }),
      ],
    });
    const auth = mockCredentials.user.header(AUTHOR);
    const created = await request(server)
      .post('/api/postmortems/postmortems')
      .set('Authorization', auth)
      .send({
        title: '証明書の期限切れ',
        entityRefs: ['component:default/seikyu-kanri-robo'],
        severity: 'sev2',
        detection: 'monitoring_alert',
        startedAt: '2026-11-20T00:00:00.000Z',
      });
    expect(created.status).toBe(201);
    const item = await request(server)
      .post(`/api/postmortems/postmortems/${created.body.id}/action-items`)
      .set('Authorization', auth)
      .send({ title: '証明書の期限を監視する' });
    const updated = await request(server)
      .patch(`/api/postmortems/action-items/${item.body.id}`)
      .set('Authorization', auth)
      .send({ version: 1, owner: 'user:default/taro.suzuki' });
    expect(updated.status).toBe(200);

    await new Promise(resolve => setTimeout(resolve, 50));
    expect(changes.map(c => `${c.kind} ${c.action} by ${c.by}`)).toEqual([
      `postmortem created by ${AUTHOR}`,
      `actionItem created by ${AUTHOR}`,
      `actionItem updated by ${AUTHOR}`,
    ]);
    const update = changes[2];
    expect(update.kind === 'actionItem' && update.previous?.owner).toBe(
      undefined,
    );
    expect(update.kind === 'actionItem' && update.actionItem.owner).toBe(
      'user:default/taro.suzuki',
    );
  });
});
