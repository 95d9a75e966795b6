import {
  DatabaseService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  actionItemCreatePermission,
  sreBookTemplate,
} from '@postmortems/backstage-plugin-postmortems-common';
import express from 'express';
import request from 'supertest';
import {
  HANAKO,
  startBackend,
  validPostmortem,
} from '../../__testUtils__/backend';
import { createTestDatabases } from '../../__testUtils__/databases';
import { createDatabaseStores } from '../../database/createDatabaseStores';
import { createRouter } from '../router';

jest.setTimeout(120_000);

const plain = (title: string) => ({
  name: `${title}.md`,
  content: `---\nentityRefs: [component:default/x]\nseverity: sev3\ndetection: other\nstartedAt: 2026-10-01T00:00:00Z\n---\n# ${title}\n`,
});

const databases = createTestDatabases();

/** Allows everything but creating action items. */
const actionItemsDenied: PermissionsService = {
  authorize: async requests =>
    requests.map(({ permission }) => ({
      result:
        permission.name === actionItemCreatePermission.name
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
};

describe('Markdown import limits, request shape and permissions', () => {
  let api: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    api = await startBackend();
  });

  function expectField(res: request.Response, field: string, message: RegExp) {
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field,
          message: expect.stringMatching(message),
        }),
      ]),
    );
  }

  it('takes at most 100 files of at most 256 KB each, and says so in a 400', async () => {
    const files = Array.from({ length: 101 }, (_, i) => plain(`t${i}`));
    expectField(
      await api.post('/postmortems/import', { files }),
      'files',
      /at most 100 files/,
    );
    const big = {
      name: 'big.md',
      content: `# Big\n## Summary\n${'あ'.repeat(90_000)}`, // 270 KB in UTF-8
    };
    expectField(
      await api.post('/postmortems/import', { files: [plain('ok'), big] }),
      'files.1.content',
      /at most 256 KB/,
    );
    // 100 files of nearly 256 KB pass the body limit and the file limits.
    const near = 'a'.repeat(255 * 1024);
    const many = await api.post('/postmortems/import', {
      dryRun: true,
      files: Array.from({ length: 100 }, (_, i) => ({
        name: `${i}.md`,
        content: `${plain(`t${i}`).content}\n## Summary\n${near}`,
      })),
    });
    expect(many.status).toBe(200);
    expect(many.body.items).toHaveLength(100);
    // Each 255 KB summary is larger than a section may be.
    expect(many.body.items[0]).toMatchObject({
      result: 'rejected',
      errors: [expect.objectContaining({ field: 'sections.summary' })],
    });
    expect((await api.get('/postmortems')).body.totalCount).toBe(0);
  });

  it('answers a body over 30 MB with a 400 naming the body; other routes keep 1 MB', async () => {
    const huge = await api.post(
      '/postmortems/import',
      JSON.stringify({
        files: [{ name: 'a.md', content: 'a'.repeat(31 * 1024 * 1024) }],
      }),
    );
    expect(huge.status).toBe(400);
    expectField(huge, 'body', /larger than 30 MB/);
    const create = await api.post(
      '/postmortems',
      JSON.stringify({
        ...validPostmortem,
        title: 'a'.repeat(1024 * 1024 + 1),
      }),
    );
    expectField(create, 'body', /larger than 1 MB/);
  });

  it('rejects a malformed request with a 400 naming the field', async () => {
    expectField(await api.post('/postmortems/import', {}), 'files', /./);
    expectField(
      await api.post('/postmortems/import', { files: [] }),
      'files',
      /at least one file/,
    );
    expectField(
      await api.post('/postmortems/import', { files: 'a.md' }),
      'files',
      /./,
    );
    expectField(
      await api.post('/postmortems/import', {
        files: [{ name: '', content: '' }],
      }),
      'files.0.name',
      /must not be empty/,
    );
    expectField(
      await api.post('/postmortems/import', { files: [plain('a')], colour: 1 }),
      'colour',
      /unknown field/,
    );
    expectField(
      await api.post('/postmortems/import', {
        files: [plain('a')],
        defaults: { severity: 'sev9' },
      }),
      'defaults.severity',
      /./,
    );
    expectField(
      await api.post('/postmortems/import', {
        files: [plain('a')],
        dryRun: 'yes',
      }),
      'dryRun',
      /./,
    );
    expect((await api.get('/postmortems')).body.totalCount).toBe(0);
  });

  it('needs postmortem.create to import and the read permission to export', async () => {
    const denied = await startBackend(AuthorizeResult.DENY);
    const res = await denied.post('/postmortems/import', {
      files: [plain('a')],
    });
    expect(res.status).toBe(403);
    const unread = await startBackend(AuthorizeResult.ALLOW, {
      read: AuthorizeResult.DENY,
    });
    expect((await unread.get('/postmortems/export.zip')).status).toBe(403);
    const { id } = (await unread.post('/postmortems', validPostmortem)).body;
    expect((await unread.get(`/postmortems/${id}/export.md`)).status).toBe(403);
  });

  it('needs postmortem.actionItem.create only when a file has action items', async () => {
    const knex = await databases.init('SQLITE_3');
    const stores = await createDatabaseStores({
      database: { getClient: async () => knex } as unknown as DatabaseService,
    });
    const router = await createRouter({
      auditor: mockServices.auditor.mock(),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(HANAKO),
      }),
      logger: mockServices.logger.mock(),
      permissions: actionItemsDenied,
      stores,
      templates: [sreBookTemplate],
      timezone: 'UTC',
    });
    const app = express().use(router).use(mockErrorHandler());
    const withItem = {
      name: 'item.md',
      content: `${plain('With item').content}## Action items\n- [ ] x\n`,
    };
    const denied = await request(app)
      .post('/postmortems/import')
      .send({ files: [plain('No items'), withItem] });
    expect(denied.status).toBe(403);
    expect((await request(app).get('/postmortems')).body.totalCount).toBe(0);
    const allowed = await request(app)
      .post('/postmortems/import')
      .send({ files: [plain('No items')] });
    expect(allowed.body.items[0].result).toBe('imported');
    await knex.destroy();
  });
});
