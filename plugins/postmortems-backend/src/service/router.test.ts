import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { postmortemsPlugin } from '../plugin';

jest.setTimeout(60_000);

const HANAKO = 'user:default/hanako.yamada';
const MISSING = '00000000-0000-4000-8000-000000000000';

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

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      postmortemsPlugin,
      config,
      mockServices.database.factory(),
      mockServices.permissions.factory({ result: permission }),
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
  };
}

const validPostmortem = {
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

describe('postmortems router', () => {
  it('answers /health without credentials and 401 elsewhere', async () => {
    const { server, get } = await startBackend();

    const health = await request(server).get('/api/postmortems/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });

    for (const path of ['/postmortems', '/action-items', '/templates']) {
      const anonymous = await request(server)
        .get(`/api/postmortems${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    }
    const anonymousWrite = await request(server)
      .post('/api/postmortems/postmortems')
      .set('Authorization', mockCredentials.none.header())
      .send(validPostmortem);
    expect(anonymousWrite.status).toBe(401);

    const templates = await get('/templates');
    expect(templates.status).toBe(200);
    expect(templates.body.items.map((t: { id: string }) => t.id)).toEqual([
      'sre-book',
      'short',
    ]);
  });

  it('creates (201), reads (200), lists and searches postmortems, normalising refs and times', async () => {
    const api = await startBackend();
    const created = await api.post('/postmortems', validPostmortem);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRefs: ['component:default/seikyu-kanri-robo'],
      authors: [HANAKO],
      startedAt: '2026-10-01T01:00:00.000Z',
      status: 'draft',
      template: 'sre-book',
      createdBy: HANAKO,
      updatedBy: HANAKO,
      version: 1,
      actionItemCounts: { open: 0, overdue: 0, done: 0, total: 0 },
    });

    const one = await api.get(`/postmortems/${created.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created.body);
    const upper = await api.get(
      `/postmortems/${created.body.id.toUpperCase()}`,
    );
    expect(upper.status).toBe(200);

    const list = await api.get(
      `/postmortems?entityRef=component:default/seikyu-kanri-robo&entityRef=component:default/other&q=${encodeURIComponent(
        '滞留',
      )}`,
    );
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [created.body], totalCount: 1 });
    const none = await api.get(`/postmortems?q=${encodeURIComponent('障害')}`);
    expect(none.body).toEqual({ items: [], totalCount: 0 });

    expect((await api.get(`/postmortems/${MISSING}`)).status).toBe(404);
  });

  it('records who made a change when it is a service, by its subject', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .post('/api/postmortems/postmortems')
      .set('Authorization', mockCredentials.service.header())
      .send(validPostmortem);
    expect(response.status).toBe(201);
    expect(response.body.createdBy).toBe(
      mockCredentials.service().principal.subject,
    );
  });

  describe('rejects bad input with a 400 naming the field, and changes nothing', () => {
    let api: Awaited<ReturnType<typeof startBackend>>;
    let id: string;
    let actionItemId: string;

    beforeAll(async () => {
      api = await startBackend();
      id = (await api.post('/postmortems', validPostmortem)).body.id;
      actionItemId = (
        await api.post(`/postmortems/${id}/action-items`, { title: '監視' })
      ).body.id;
    });

    /**
     * A 400 whose message says it and whose `error.fields` names the field
     * as data: `message` matches one `<field>: <message>` of them.
     */
    function expectFieldError(
      response: { status: number; body: any },
      message: RegExp,
    ) {
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
      const fields: Array<{ field: string; message: string }> =
        response.body.error.fields;
      expect(fields.some(f => message.test(`${f.field}: ${f.message}`))).toBe(
        true,
      );
    }

    async function expectUnchanged() {
      const list = await api.get('/postmortems');
      expect(list.body.totalCount).toBe(1);
      const one = await api.get(`/postmortems/${id}`);
      expect(one.body.version).toBe(1);
      expect(one.body.title).toBe(validPostmortem.title);
      const revisions = await api.get(`/postmortems/${id}/revisions`);
      expect(revisions.body.totalCount).toBe(1);
      const item = await api.get(`/action-items/${actionItemId}`);
      expect(item.body).toMatchObject({ version: 1, title: '監視' });
    }

    it.each([
      ['malformed JSON', '{"title": ', /body: malformed JSON/],
      [
        'a timestamp without offset',
        { ...validPostmortem, startedAt: '2026-10-01T10:00:00' },
        /startedAt: must be an ISO 8601 timestamp with offset/,
      ],
      [
        'a day that does not exist',
        { ...validPostmortem, startedAt: '2026-02-30T10:00:00Z' },
        /startedAt: must be an ISO 8601 timestamp with offset/,
      ],
      [
        'an unknown enum value',
        { ...validPostmortem, severity: 'sev0' },
        /severity: /,
      ],
      [
        'an unknown field',
        { ...validPostmortem, owner: 'group:default/sre' },
        /owner: unknown field/,
      ],
      [
        'times that go backwards',
        { ...validPostmortem, mitigatedAt: '2026-10-01T00:00:00Z' },
        /mitigatedAt: must not be before detectedAt/,
      ],
      [
        'an oversized title',
        { ...validPostmortem, title: 'x'.repeat(201) },
        /title: must be at most 200 characters/,
      ],
      [
        'a ref without kind',
        { ...validPostmortem, entityRefs: ['seikyu-kanri-robo'] },
        /entityRefs.0: must be an entity ref/,
      ],
      [
        'a section of another template',
        { ...validPostmortem, sections: { what: 'x' } },
        /sections.what: not a section of template "sre-book"/,
      ],
      [
        'an unknown template',
        { ...validPostmortem, template: 'nope' },
        /template: unknown template "nope"/,
      ],
      ['no body', undefined, /title: /],
    ])('POST /postmortems with %s', async (_what, body, message) => {
      const response = await api.post('/postmortems', body);
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toMatch(/^Invalid request: /);
      expectFieldError(response, message);
      await expectUnchanged();
    });

    it.each([
      [
        'a time before a stored one',
        { version: 1, startedAt: '2026-10-01T12:00:00+09:00' },
        /detectedAt: must not be before startedAt/,
      ],
      [
        'a cleared required time',
        { version: 1, startedAt: null },
        /startedAt: /,
      ],
      ['no version', { title: 'x' }, /version: /],
      [
        'a template the sections do not fit',
        { version: 1, template: 'short' },
        /sections.summary: not a section of template "short"/,
      ],
      [
        'an empty title',
        { version: 1, title: '   ' },
        /title: must not be empty/,
      ],
    ])('PATCH /postmortems/:id with %s', async (_what, body, message) => {
      const response = await api.patch(`/postmortems/${id}`, body);
      expect(response.status).toBe(400);
      expectFieldError(response, message);
      await expectUnchanged();
    });

    it.each([
      ['/postmortems?limit=0', /limit: must be an integer from 1 to 100/],
      ['/postmortems?limit=101', /limit: must be an integer from 1 to 100/],
      ['/postmortems?cursor=abc', /cursor: not a cursor from a previous page/],
      ['/postmortems?status=closed', /status: /],
      ['/postmortems?from=yesterday', /from: must be an ISO 8601 timestamp/],
      [
        '/postmortems?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        /to: must not be before from/,
      ],
      ['/postmortems?entityRef[a]=b', /entityRef/],
      ['/postmortems?sort=title', /sort: unknown field/],
      ['/postmortems/not-a-uuid', /id: must be a UUID/],
      ['/action-items?overdue=yes', /overdue: must be true or false/],
      ['/action-items?owner=sre', /owner.0: must be an entity ref/],
      ['/action-items?status=open&status=later', /status.1: /],
    ])('GET %s', async (path, message) => {
      const response = await api.get(path);
      expect(response.status).toBe(400);
      expectFieldError(response, message);
    });

    it.each([
      [
        'a non-http link',
        { version: 1, externalUrl: 'ftp://files.example.com/x' },
        /externalUrl: must be an http or https URL/,
      ],
      ['a bad due date', { version: 1, dueDate: '2026-13-01' }, /dueDate: /],
      [
        'an owner without kind',
        { version: 1, owner: 'sre' },
        /owner: must be an entity ref/,
      ],
      [
        'an owner of another kind',
        { version: 1, owner: 'component:default/x' },
        /owner: must be a user or group ref/,
      ],
      [
        'an unknown reading session',
        { version: 1, readingSessionId: MISSING },
        /readingSessionId: no reading session/,
      ],
      ['an unknown status', { version: 1, status: 'closed' }, /status: /],
    ])('PATCH /action-items/:id with %s', async (_what, body, message) => {
      const response = await api.patch(`/action-items/${actionItemId}`, body);
      expect(response.status).toBe(400);
      expectFieldError(response, message);
      await expectUnchanged();
    });

    it('DELETE with a bad id', async () => {
      expect((await api.delete('/postmortems/1')).status).toBe(400);
      expect((await api.delete('/action-items/1')).status).toBe(400);
      await expectUnchanged();
    });
  });

  it('refuses every write with 403 when the permission is denied, and still reads', async () => {
    const allowed = await startBackend();
    expect((await allowed.get('/postmortems')).status).toBe(200);

    const denied = await startBackend(AuthorizeResult.DENY);
    const create = await denied.post('/postmortems', validPostmortem);
    expect(create.status).toBe(403);
    expect(create.body.error.name).toBe('NotAllowedError');
    expect((await denied.get('/postmortems')).body.totalCount).toBe(0);
    expect(
      (await denied.patch(`/postmortems/${MISSING}`, { version: 1 })).status,
    ).toBe(403);
    expect((await denied.delete(`/postmortems/${MISSING}`)).status).toBe(403);
    expect((await denied.post(`/postmortems/${MISSING}/restore`)).status).toBe(
      403,
    );
    expect(
      (
        await denied.post(`/postmortems/${MISSING}/action-items`, {
          title: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (await denied.patch(`/action-items/${MISSING}`, { version: 1 })).status,
    ).toBe(403);
    expect((await denied.delete(`/action-items/${MISSING}`)).status).toBe(403);
    expect(
      (
        await denied.post('/reading-sessions', {
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-11-25T06:00:00Z',
        })
      ).status,
    ).toBe(403);
    expect(
      (await denied.patch(`/reading-sessions/${MISSING}`, { version: 1 }))
        .status,
    ).toBe(403);
  });

  it('changes with the right version (200), refuses a stale one (409), deletes (204) and restores', async () => {
    const api = await startBackend();
    const { id } = (await api.post('/postmortems', validPostmortem)).body;

    const updated = await api.patch(`/postmortems/${id}`, {
      version: 1,
      status: 'published',
      resolvedAt: '2026-10-01T13:00:00+09:00',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      status: 'published',
      resolvedAt: '2026-10-01T04:00:00.000Z',
    });

    const stale = await api.patch(`/postmortems/${id}`, {
      version: 1,
      title: 'stale',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.name).toBe('ConflictError');
    expect((await api.get(`/postmortems/${id}`)).body.title).toBe(
      validPostmortem.title,
    );

    const cleared = await api.patch(`/postmortems/${id}`, {
      version: 2,
      resolvedAt: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.resolvedAt).toBeUndefined();

    const revisions = await api.get(`/postmortems/${id}/revisions`);
    expect(revisions.status).toBe(200);
    expect(
      revisions.body.items.map((r: any) => [
        r.version,
        r.action,
        r.changedFields,
      ]),
    ).toEqual([
      [1, 'created', expect.arrayContaining(['title', 'startedAt'])],
      [2, 'updated', ['status', 'resolvedAt']],
      [3, 'updated', ['resolvedAt']],
    ]);

    expect(
      (await api.patch(`/postmortems/${MISSING}`, { version: 1 })).status,
    ).toBe(404);
    expect((await api.delete(`/postmortems/${MISSING}`)).status).toBe(404);

    const deleted = await api.delete(`/postmortems/${id}`);
    expect(deleted.status).toBe(204);
    expect((await api.get(`/postmortems/${id}`)).status).toBe(404);
    expect((await api.get(`/postmortems/${id}/revisions`)).status).toBe(404);
    expect((await api.get('/postmortems')).body.totalCount).toBe(0);
    expect((await api.delete(`/postmortems/${id}`)).status).toBe(404);

    const bin = await api.get('/postmortems?deleted=true');
    expect(bin.status).toBe(200);
    expect(bin.body).toMatchObject({
      totalCount: 1,
      items: [{ id, version: 4, deletedBy: HANAKO }],
    });
    expect(bin.body.items[0].deletedAt).toEqual(expect.any(String));
    expect((await api.get('/postmortems?deleted=false')).body.totalCount).toBe(
      0,
    );
    const badFlag = await api.get('/postmortems?deleted=yes');
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.error.message).toContain(
      'deleted: must be true or false',
    );

    const restored = await api.post(`/postmortems/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(5);
    expect((await api.get(`/postmortems/${id}`)).status).toBe(200);
    expect((await api.post(`/postmortems/${id}/restore`)).status).toBe(409);
    expect((await api.get('/postmortems?deleted=true')).body.totalCount).toBe(
      0,
    );
  });

  it('keeps action items: 201, list per postmortem and across, 200, 409, 204', async () => {
    const api = await startBackend();
    const pm = (await api.post('/postmortems', validPostmortem)).body;

    const created = await api.post(`/postmortems/${pm.id}/action-items`, {
      title: 'オートスケール上限の見直し',
      owner: 'Group:sre',
      dueDate: '2020-01-31',
      priority: 'high',
      kind: 'mitigate',
      externalUrl: 'https://github.com/example/billing/issues/1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      postmortemId: pm.id,
      owner: 'group:default/sre',
      status: 'open',
      overdue: true,
      entityRefs: ['component:default/seikyu-kanri-robo'],
      postmortemTitle: pm.title,
      createdBy: HANAKO,
      version: 1,
    });
    expect(
      (await api.post(`/postmortems/${MISSING}/action-items`, { title: 'x' }))
        .status,
    ).toBe(404);

    const perPostmortem = await api.get(`/postmortems/${pm.id}/action-items`);
    expect(perPostmortem.body).toEqual({
      items: [created.body],
      totalCount: 1,
    });
    expect((await api.get(`/postmortems/${MISSING}/action-items`)).status).toBe(
      404,
    );
    const across = await api.get(
      '/action-items?owner=group:default/sre&owner=user:default/someone&status=open&status=in_progress&overdue=true&entityRef=component:default/seikyu-kanri-robo',
    );
    expect(across.body.items.map((i: any) => i.id)).toEqual([created.body.id]);
    expect((await api.get('/action-items?overdue=false')).body.totalCount).toBe(
      0,
    );
    expect(
      (await api.get(`/postmortems/${pm.id}`)).body.actionItemCounts,
    ).toEqual({ open: 1, overdue: 1, done: 0, total: 1 });

    const done = await api.patch(`/action-items/${created.body.id}`, {
      version: 1,
      status: 'done',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ version: 2, overdue: false });
    expect(done.body.completedAt).toEqual(expect.any(String));
    const stale = await api.patch(`/action-items/${created.body.id}`, {
      version: 1,
      status: 'open',
    });
    expect(stale.status).toBe(409);
    expect(
      (await api.get(`/action-items/${created.body.id}`)).body.status,
    ).toBe('done');
    expect(
      (await api.patch(`/action-items/${MISSING}`, { version: 1 })).status,
    ).toBe(404);

    expect((await api.delete(`/action-items/${created.body.id}`)).status).toBe(
      204,
    );
    expect((await api.get(`/action-items/${created.body.id}`)).status).toBe(
      404,
    );
    expect((await api.delete(`/action-items/${created.body.id}`)).status).toBe(
      404,
    );
  });
});
