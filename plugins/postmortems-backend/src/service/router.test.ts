import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  MISSING,
  startBackend,
  validPostmortem,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

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
      ['malformed JSON', '{"title": ', 'body', 'malformed_body', undefined],
      [
        'times that go backwards',
        { ...validPostmortem, mitigatedAt: '2026-10-01T00:00:00Z' },
        'mitigatedAt',
        'not_before',
        { field: 'detectedAt' },
      ],
      [
        'an unknown template',
        { ...validPostmortem, template: 'nope' },
        'template',
        'unknown_template',
        { template: 'nope' },
      ],
      [
        'a section of another template',
        { ...validPostmortem, sections: { what: 'x' } },
        'sections.what',
        'unknown_section',
        { template: 'sre-book' },
      ],
      [
        'an oversized title',
        { ...validPostmortem, title: 'x'.repeat(201) },
        'title',
        'too_big',
        { maximum: 200 },
      ],
    ])(
      'POST /postmortems with %s gives the field error a code the UI translates',
      async (_what, body, field, code, params) => {
        const response = await api.post('/postmortems', body);
        expect(response.status).toBe(400);
        expect(response.body.error.fields).toContainEqual({
          field,
          message: expect.any(String),
          code,
          ...(params ? { params } : {}),
        });
      },
    );

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

  it('refuses every read with 403 when the read permission is denied, but not /health', async () => {
    const denied = await startBackend(AuthorizeResult.ALLOW, {
      read: AuthorizeResult.DENY,
    });
    for (const path of [
      '/postmortems',
      `/postmortems/${MISSING}`,
      '/action-items',
      '/reading-sessions',
      '/reading-sessions/current',
      '/templates',
    ]) {
      const response = await denied.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(response.body.error.message).toContain('postmortem.read');
    }
    expect((await denied.get('/health')).status).toBe(200);
  });
});
