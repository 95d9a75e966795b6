import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { sreBookTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import express from 'express';
import request from 'supertest';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { createRouter } from '../service/router';

/**
 * The router on a fresh database of `databaseId`, with a clock the test
 * moves (`setNow`, from 2026-12-10T03:00Z) and the `sre-book` template;
 * requests are made as hanako.yamada, every permission allowed; the
 * auditor is a mock.
 */
export async function startRouter(options: {
  databases: TestDatabases;
  databaseId?: TestDatabaseId;
  timezone: string;
  appBaseUrl?: string;
}) {
  const { databases, databaseId = 'SQLITE_3', timezone, appBaseUrl } = options;
  const knex = await databases.init(databaseId);
  let now = new Date('2026-12-10T03:00:00Z');
  const database = {
    getClient: async () => knex,
  } as unknown as DatabaseService;
  const stores = await createDatabaseStores({
    database,
    timezone,
    clock: () => now,
  });
  const auditor = mockServices.auditor.mock();
  const router = await createRouter({
    auditor,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/hanako.yamada'),
    }),
    logger: mockServices.logger.mock(),
    permissions: mockServices.permissions(),
    stores,
    templates: [sreBookTemplate],
    timezone,
    clock: () => now,
    appBaseUrl,
  });
  const app = express().use(router).use(mockErrorHandler());
  return {
    stores,
    knex,
    /** The auditor's mock: the audit events the requests recorded. */
    auditor,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    get: (path: string) => request(app).get(path),
    post: (path: string, body: object) => request(app).post(path).send(body),
    patch: (path: string, body: object) => request(app).patch(path).send(body),
  };
}

/** What {@link startRouter} gives. */
export type RouterUnderTest = Awaited<ReturnType<typeof startRouter>>;

/** A published sev2 postmortem of 請求管理ロボ, created through the API. */
export async function createPostmortem(api: RouterUnderTest, title: string) {
  const response = await api.post('/postmortems', {
    title,
    entityRefs: ['component:default/seikyu-kanri-robo'],
    status: 'published',
    severity: 'sev2',
    detection: 'customer_report',
    startedAt: '2026-06-01T00:00:00Z',
    sections: { summary: `${title}のサマリ` },
  });
  expect(response.status).toBe(201);
  return response.body;
}
