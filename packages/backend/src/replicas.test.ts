/*
 * Two replicas of the example backend on one PostgreSQL database: a
 * notification sent through replica A reaches a browser whose signals
 * connection is open on replica B. The events backend carries the signal:
 * A's events service posts it to the event bus (stored in PostgreSQL, with
 * LISTEN/NOTIFY), and B's signals backend, subscribed to the bus, pushes it
 * down B's WebSocket. Without the events backend, the signal would stay in
 * A's process and B's browser would see nothing until a reload.
 */

import { defaultServiceFactories } from '@backstage/backend-defaults';
import eventsPlugin from '@backstage/plugin-events-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

// The event bus spans processes only on PostgreSQL (on SQLite and MySQL the
// events backend keeps it in memory), so this runs on PostgreSQL alone.
const databases = TestDatabases.create({
  ids: ['POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
});

// startTestBackend replaces the events service with an in-memory mock; each
// replica gets the real one, which talks to the events backend over HTTP.
const eventsServiceFactory = defaultServiceFactories.find(
  factory => factory.service.id === 'events.service',
);

type Replica = Awaited<ReturnType<typeof startReplica>>;

async function startReplica(knex: Awaited<ReturnType<typeof databases.init>>) {
  const connection = knex.client.config.connection;
  if (!eventsServiceFactory) {
    throw new Error('@backstage/backend-defaults has no events service');
  }
  const backend = await startTestBackend({
    features: [
      eventsServiceFactory,
      // Both replicas use the same database, each plugin in its own schema,
      // as two instances of one deployment would.
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          // Short long-polls, so that the replicas stop quickly at the end.
          events: { notifyTimeoutMs: 1_000 },
          backend: {
            database: {
              client: 'pg',
              connection,
              pluginDivisionMode: 'schema',
            },
          },
        },
      }),
      eventsPlugin,
      signalsPlugin,
      notificationsPlugin,
    ],
  });
  const { port } = backend.server.address() as { port: number };
  return { backend, baseUrl: `http://localhost:${port}` };
}

type SignalMessage = { channel: string; message: Record<string, unknown> };

/**
 * Opens the signals WebSocket as a signed-in user, the way the frontend's
 * signal client does, and subscribes to the notifications channel.
 */
async function connectSignals(replica: Replica) {
  const url = `${replica.baseUrl.replace(/^http/, 'ws')}/api/signals`;
  const received: SignalMessage[] = [];
  // The signals backend hooks into WebSocket upgrades on the first request
  // that asks for one; like the frontend's client, retry until it is open.
  for (let attempt = 0; ; attempt++) {
    const ws = new WebSocket(url, mockCredentials.user.token());
    const opened = await new Promise<boolean>(resolve => {
      const timeout = setTimeout(() => resolve(false), 1_000);
      ws.addEventListener(
        'open',
        () => {
          clearTimeout(timeout);
          resolve(true);
        },
        { once: true },
      );
      ws.addEventListener('error', () => resolve(false), { once: true });
      ws.addEventListener('close', () => resolve(false), { once: true });
    });
    if (opened) {
      ws.addEventListener('message', event => {
        received.push(JSON.parse(String(event.data)));
      });
      ws.send(
        JSON.stringify({ action: 'subscribe', channel: 'notifications' }),
      );
      return { ws, received };
    }
    ws.close();
    if (attempt === 10) {
      throw new Error(`Could not open ${url}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function sendNotification(replica: Replica, title: string) {
  const response = await fetch(
    `${replica.baseUrl}/api/notifications/notifications`,
    {
      method: 'POST',
      headers: {
        Authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:postmortems'),
          targetPluginId: 'notifications',
        }),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        recipients: {
          type: 'entity',
          entityRef: mockCredentials.user().principal.userEntityRef,
        },
        payload: {
          title,
          link: '/postmortems/pm-1?actionItem=ai-1',
          topic: 'overdue-digest',
        },
      }),
    },
  );
  expect(response.status).toBe(200);
  const [notification] = (await response.json()) as Array<{ id: string }>;
  return notification;
}

// Skipped where no PostgreSQL is configured, unless CI requires it
// (POSTMORTEMS_TEST_REQUIRED_DATABASES, as in the plugins' database tests).
const postgres = databases.eachSupportedId();
if (
  postgres.length === 0 &&
  /postgres/i.test(process.env.POSTMORTEMS_TEST_REQUIRED_DATABASES ?? '')
) {
  throw new Error(
    'The replicas test must run on PostgreSQL; set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  );
}
const describeOnPostgres = postgres.length > 0 ? describe : describe.skip;

describeOnPostgres('signals across replicas', () => {
  it.each(postgres.length > 0 ? postgres : [['POSTGRES_15' as const]])(
    'a notification sent on replica A reaches a browser connected to replica B, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const a = await startReplica(knex);
      const b = await startReplica(knex);
      const { ws, received } = await connectSignals(b);

      try {
        // B's signals backend subscribes to the bus as it starts, and polls
        // it; send until the subscription is in place, then expect the
        // signal of that notification on B.
        let delivered: SignalMessage | undefined;
        let notification: { id: string } | undefined;
        for (let attempt = 0; !delivered && attempt < 20; attempt++) {
          notification = await sendNotification(a, `Overdue ${attempt}`);
          const id = notification.id;
          const deadline = Date.now() + 2_000;
          while (!delivered && Date.now() < deadline) {
            delivered = received.find(m => m.message.notification_id === id);
            await new Promise(resolve => setTimeout(resolve, 50));
          }
        }

        expect(delivered).toEqual({
          channel: 'notifications',
          message: {
            action: 'new_notification',
            notification_id: notification!.id,
          },
        });

        // The notification itself is stored once, in the shared database:
        // B serves it to the browser that the signal told to fetch it.
        const fetched = await fetch(
          `${b.baseUrl}/api/notifications/notifications/${notification!.id}`,
          { headers: { Authorization: mockCredentials.user.header() } },
        );
        expect(fetched.status).toBe(200);
        expect(await fetched.json()).toMatchObject({
          id: notification!.id,
          origin: 'plugin:postmortems',
          payload: {
            title: expect.stringMatching(/^Overdue /),
            link: '/postmortems/pm-1?actionItem=ai-1',
            topic: 'overdue-digest',
          },
        });
      } finally {
        ws.close();
        await b.backend.stop();
        await a.backend.stop();
      }
    },
  );
});
