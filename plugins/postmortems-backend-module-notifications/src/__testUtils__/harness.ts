import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  PostmortemsStores,
  postmortemsExtensionPoint,
} from '@postmortems/backstage-plugin-postmortems-node';
// The module is tested inside the real plugin: its change listener and data
// provider are only called by it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import postmortemsPlugin from '@postmortems/backstage-plugin-postmortems-backend';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { postmortemsModuleNotifications } from '../module';

/** SQLite always; PostgreSQL and MariaDB/MySQL where CI gives them. */
export const databases = TestDatabases.create();
export const databaseIds: TestDatabaseId[] = databases
  .eachSupportedId()
  .map(([id]) => id);

export const SRE = 'group:default/sre';
export const GUEST = 'user:default/guest';
export const HANAKO = 'user:default/hanako.yamada';
export const TARO = 'user:default/taro.suzuki';
export const SERVICE = 'component:default/seikyu-kanri-robo';

const user = (name: string, title?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: title ? { displayName: title } : {}, memberOf: ['sre'] },
});

/** A small catalog: the SRE team (guest, Hanako) owns 請求管理ロボ. */
export const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sre', namespace: 'default', title: 'SRE' },
    spec: { type: 'team', children: [] },
    relations: [
      { type: 'hasMember', targetRef: GUEST },
      { type: 'hasMember', targetRef: HANAKO },
    ],
  },
  user('guest', 'Guest'),
  user('hanako.yamada', '山田 花子'),
  user('taro.suzuki', '鈴木 太郎'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'seikyu-kanri-robo',
      namespace: 'default',
      title: '請求管理ロボ',
    },
    spec: {
      type: 'service',
      owner: 'group:default/sre',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: SRE }],
  },
];

/** A notification service that keeps what it is asked to send. */
export class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  /** Makes the next sends fail or hang, to play a crash. */
  failWhen?: (options: NotificationSendOptions) => Promise<void> | void;

  async send(options: NotificationSendOptions): Promise<void> {
    await this.failWhen?.(options);
    this.sent.push(options);
  }

  /** `recipient: title` of each send, in order. */
  lines(): string[] {
    return this.sent.map(
      s =>
        `${
          s.recipients.type === 'entity'
            ? [s.recipients.entityRef].flat().join(',')
            : 'broadcast'
        }: ${s.payload.title}`,
    );
  }
}

/**
 * The postmortems plugin with this module, on a real database, a mock
 * catalog and a recording notification service; `stores` are the plugin's
 * own, on the given clock (data written through them is not announced).
 */
export async function startHarness(
  knex: Knex,
  options: {
    clock: () => Date;
    notifications?: JsonObject;
  },
) {
  const recording = new RecordingNotifications();
  let stores: PostmortemsStores | undefined;
  const capture = createBackendModule({
    pluginId: 'postmortems',
    moduleId: 'test-stores',
    register(reg) {
      reg.registerInit({
        deps: { postmortems: postmortemsExtensionPoint },
        async init({ postmortems }) {
          postmortems.addDataProvider({
            getProviderName: () => 'test-stores',
            connect: async connection => {
              stores = connection.stores({ clock: options.clock });
            },
          });
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      postmortemsPlugin,
      postmortemsModuleNotifications,
      capture,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          postmortems: {
            readingSessions: { timezone: 'Asia/Tokyo' },
            notifications: options.notifications ?? {},
          },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => recording,
      }),
    ],
  });
  return { backend, server: backend.server, stores: stores!, recording };
}

/** Waits until `check` passes: for notifications sent after the response. */
export async function eventually(check: () => void, timeoutMs = 5_000) {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  }
}
