import {
  SchedulerService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { postmortemReadPermission } from '@postmortems/backstage-plugin-postmortems-common';
import searchPlugin from '@backstage/plugin-search-backend';
// The collator reads the real plugin's API, so the test runs the plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import postmortemsPlugin from '@postmortems/backstage-plugin-postmortems-backend';
import searchModuleCjkEngine from '@postmortems/backstage-plugin-search-backend-module-cjk';
import request from 'supertest';
import { searchModulePostmortemsCollator } from './module';

const WRITER = 'user:default/hanako.yamada';
const OUTSIDER = 'user:default/outsider';

/** The read permission is denied to OUTSIDER; everything else is allowed. */
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests, options) {
      const principal = options.credentials.principal as {
        userEntityRef?: string;
      };
      return requests.map(({ permission }) => ({
        result:
          permission.name === postmortemReadPermission.name &&
          principal.userEntityRef === OUTSIDER
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

const queue = {
  title: 'AWS Batch のジョブキュー滞留',
  entityRefs: ['component:default/seikyu-kanri-robo'],
  severity: 'sev2',
  detection: 'customer_report',
  startedAt: '2026-10-01T10:00:00+09:00',
  sections: {
    impact: '請求書の発行が **数時間** 遅れた。',
    summary:
      'キューにジョブが滞留し、[バッチ](https://example.com)が終わらなかった。',
  },
  tags: ['batch'],
};

const deadlock = {
  title: 'Deadlock in the billing database',
  entityRefs: ['component:default/billing-db'],
  severity: 'sev3',
  detection: 'monitoring_alert',
  startedAt: '2026-09-01T10:00:00Z',
  sections: { summary: 'Two transactions deadlocked.' },
};

async function start(config: object = {}) {
  // The search plugin's scheduler, to run its indexing tasks when the test says
  let scheduler: SchedulerService | undefined;
  const searchScheduler = createBackendModule({
    pluginId: 'search',
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { service: coreServices.scheduler },
        async init({ service }) {
          scheduler = service;
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      postmortemsPlugin,
      searchPlugin,
      searchModuleCjkEngine,
      searchModulePostmortemsCollator,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true }, ...config },
      }),
      mockServices.database.factory(),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      searchScheduler,
      permissions,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'seikyu-kanri-robo', title: '請求管理ロボ' },
            spec: {},
          },
        ],
      }),
    ],
  });
  const as = (user: string) => mockCredentials.user.header(user);
  const tasks = scheduler!;
  return {
    server,
    scheduler: tasks,
    async create(body: object) {
      const response = await request(server)
        .post('/api/postmortems/postmortems')
        .set('Authorization', as(WRITER))
        .send(body);
      expect(response.status).toBe(201);
      return response.body;
    },
    async addActionItem(postmortemId: string, body: object) {
      const response = await request(server)
        .post(`/api/postmortems/postmortems/${postmortemId}/action-items`)
        .set('Authorization', as(WRITER))
        .send(body);
      expect(response.status).toBe(201);
      return response.body;
    },
    async index() {
      for (const task of await tasks.getScheduledTasks()) {
        await tasks.triggerTask(task.id);
      }
    },
    async search(term: string, user = WRITER, types = ['postmortem']) {
      const response = await request(server)
        .get('/api/search/query')
        .query({ term, types })
        .set('Authorization', as(user));
      expect(response.status).toBe(200);
      return response.body.results as Array<{
        type: string;
        document: Record<string, unknown>;
        highlight: { preTag: string; postTag: string; fields: any };
      }>;
    },
  };
}

describe('searchModulePostmortemsCollator', () => {
  it('indexes every postmortem as a document a person finds in the portal search, in Japanese and English', async () => {
    const backend = await start();
    const created = await backend.create(queue);
    await backend.create(deadlock);
    await backend.index();

    const [found, ...others] = await backend.search('滞留');
    expect(others).toEqual([]);
    expect(found.type).toBe('postmortem');
    expect(found.document).toEqual({
      title: queue.title,
      text: 'キューにジョブが滞留し、バッチが終わらなかった。\n請求書の発行が 数時間 遅れた。',
      location: `/postmortems/${created.id}`,
      entityRefs: ['component:default/seikyu-kanri-robo'],
      entityTitles: ['請求管理ロボ'],
      severity: 'sev2',
      status: 'draft',
      detection: 'customer_report',
      startedAt: created.startedAt,
      tags: ['batch'],
      openActionItems: 0,
    });
    const { preTag, postTag, fields } = found.highlight;
    expect(fields.text).toContain(`ジョブが${preTag}滞留${postTag}し`);

    expect(
      (await backend.search('deadlock')).map(r => r.document.title),
    ).toEqual([deadlock.title]);
    expect(
      (await backend.search('請求管理ロボ')).map(r => r.document.title),
    ).toEqual([]); // entity titles are facts of the result, not its text
  });

  it('shows nothing to a person the read permission denies', async () => {
    const backend = await start();
    await backend.create(queue);
    await backend.index();
    expect(await backend.search('滞留', OUTSIDER)).toEqual([]);
    expect(await backend.search('滞留')).toHaveLength(1);
  });

  it('indexes action items as their own type when enabled, with a link that opens them', async () => {
    const backend = await start({
      search: {
        collators: {
          postmortems: {
            actionItems: { enabled: true },
            locationTemplate: '/incidents/:id',
          },
        },
      },
    });
    const postmortem = await backend.create(queue);
    const item = await backend.addActionItem(postmortem.id, {
      title: 'キュー滞留のアラートを追加',
      description: 'ジョブ数が *閾値* を超えたら通知する',
      owner: 'group:default/sre',
      dueDate: '2026-12-24',
    });
    await backend.index();

    const [found] = await backend.search('アラート', WRITER, [
      'postmortem-action-item',
    ]);
    expect(found.document).toEqual({
      title: item.title,
      text: 'ジョブ数が 閾値 を超えたら通知する',
      location: `/incidents/${postmortem.id}?actionItem=${item.id}`,
      postmortemId: postmortem.id,
      postmortemTitle: queue.title,
      status: 'open',
      owner: 'group:default/sre',
      dueDate: '2026-12-24',
      overdue: false,
      entityRefs: ['component:default/seikyu-kanri-robo'],
      entityTitles: ['請求管理ロボ'],
    });
    expect(
      (await backend.search('滞留')).map(r => r.document.location),
    ).toEqual([`/incidents/${postmortem.id}`]);
  });

  it('indexes nothing of action items unless enabled', async () => {
    const backend = await start();
    const postmortem = await backend.create(queue);
    await backend.addActionItem(postmortem.id, { title: 'アラートを追加' });
    await backend.index();
    // The search tasks (the backend plugin schedules its own beside them).
    const tasks = (await backend.scheduler.getScheduledTasks())
      .map(t => t.id)
      .filter(id => id.startsWith('search_'));
    expect(tasks).toEqual(['search_index_postmortem']);
  });
});
