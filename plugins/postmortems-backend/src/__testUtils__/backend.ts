import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { postmortemReadPermission } from '@postmortems/backstage-plugin-postmortems-common';
import request from 'supertest';
import { postmortemsPlugin } from '../plugin';

/** The user every request of {@link startBackend} is made as. */
export const HANAKO = 'user:default/hanako.yamada';
/** An id that no postmortem, action item or reading session has. */
export const MISSING = '00000000-0000-4000-8000-000000000000';

const config = mockServices.rootConfig.factory({
  data: {
    postmortems: {
      templates: [
        {
          id: 'short',
          title: { en: 'Short', ja: '簡易版' },
          sections: [
            { key: 'what', title: { en: 'What happened', ja: '何が起きたか' } },
            { key: 'next', title: { en: 'Next steps', ja: '次の一手' } },
          ],
        },
      ],
    },
  },
});

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/**
 * The permissions service answering every write permission `write` and the
 * read permission `read`.
 */
function permissionsAnswering(write: Decision, read: Decision) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => ({
      async authorize(requests) {
        return requests.map(({ permission }) => ({
          result:
            permission.name === postmortemReadPermission.name ? read : write,
        }));
      },
      async authorizeConditional(requests) {
        return requests.map(() => ({ result: write }));
      },
    }),
  });
}

/**
 * The plugin in a test backend on a fresh in-memory database, with a second
 * template "short", every write permission answered `permission` and the
 * read permission `read` (allowed unless given) and a mock auditor; requests
 * to its API are made as {@link HANAKO}, `server` takes any other.
 */
export async function startBackend(
  permission: Decision = AuthorizeResult.ALLOW,
  { read = AuthorizeResult.ALLOW }: { read?: Decision } = {},
) {
  const auditor = mockServices.auditor.mock();
  const { server } = await startTestBackend({
    features: [
      postmortemsPlugin,
      config,
      mockServices.database.factory(),
      permissionsAnswering(permission, read),
      auditor.factory,
    ],
  });
  const as = () => mockCredentials.user.header(HANAKO);
  return {
    get: (path: string) =>
      request(server).get(`/api/postmortems${path}`).set('Authorization', as()),
    post: (path: string, body?: object | string) =>
      request(server)
        .post(`/api/postmortems${path}`)
        .set('Authorization', as())
        .set('Content-Type', 'application/json')
        .send(body as object),
    patch: (path: string, body: object | string) =>
      request(server)
        .patch(`/api/postmortems${path}`)
        .set('Authorization', as())
        .set('Content-Type', 'application/json')
        .send(body as object),
    delete: (path: string) =>
      request(server)
        .delete(`/api/postmortems${path}`)
        .set('Authorization', as()),
    server,
    /** The auditor's mock: the audit events the requests recorded. */
    auditor,
  };
}

/** A valid body of POST /postmortems. */
export const validPostmortem = {
  title: '非同期ジョブのキュー滞留',
  entityRefs: ['Component:Default/Seikyu-Kanri-Robo'],
  severity: 'sev2',
  detection: 'customer_report',
  startedAt: '2026-10-01T10:00:00+09:00',
  detectedAt: '2026-10-01T11:30:00+09:00',
  sections: { summary: 'キューにジョブが滞留し、処理が終わらなかった。' },
  tags: ['batch'],
  authors: ['hanako.yamada'],
};
