import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { sreBookTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { makeActionItem, makePostmortem } from '../__testUtils__/fixtures';
import { PostmortemsClient } from './PostmortemsClient';

const BASE = 'http://localhost:7007/api/postmortems';

describe('PostmortemsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new PostmortemsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists postmortems with repeated and Japanese query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/postmortems`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [makePostmortem()], totalCount: 1 });
      }),
    );

    const page = await client.listPostmortems({
      entityRef: ['component:default/a', 'system:default/b'],
      severity: 'sev1',
      q: '滞留',
      limit: 5,
      cursor: 'abc',
    });

    expect(page.totalCount).toBe(1);
    expect(url?.searchParams.getAll('entityRef')).toEqual([
      'component:default/a',
      'system:default/b',
    ]);
    expect(url?.searchParams.get('q')).toBe('滞留');
    expect(url?.searchParams.get('severity')).toBe('sev1');
    expect(url?.searchParams.get('limit')).toBe('5');
    expect(url?.searchParams.get('cursor')).toBe('abc');
    expect(url?.searchParams.has('status')).toBe(false);
  });

  it('asks for the deleted postmortems only when told to', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(`${BASE}/postmortems`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json({
          items: [
            makePostmortem({
              deletedAt: '2026-11-02T10:00:00+09:00',
              deletedBy: 'user:default/kenta.ito',
            }),
          ],
          totalCount: 1,
        });
      }),
    );

    const page = await client.listPostmortems({ deleted: true, limit: 20 });
    await client.listPostmortems({ deleted: false });

    expect(page.items[0].deletedBy).toBe('user:default/kenta.ito');
    expect(urls[0].searchParams.get('deleted')).toBe('true');
    expect(urls[1].searchParams.has('deleted')).toBe(false);
  });

  it('encodes path segments', async () => {
    let path: string | undefined;
    server.use(
      http.get(`${BASE}/postmortems/:id`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(makePostmortem());
      }),
    );
    await client.getPostmortem('a/b c');
    expect(path).toBe('/api/postmortems/postmortems/a%2Fb%20c');
  });

  it('sends PATCH bodies with their version and throws ResponseError on 409', async () => {
    let body: unknown;
    server.use(
      http.patch(`${BASE}/postmortems/:id`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'version 3 is stale' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        );
      }),
    );

    const error = await client
      .updatePostmortem('p1', { title: 'New', version: 3 })
      .catch(e => e);

    expect(body).toEqual({ title: 'New', version: 3 });
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe('version 3 is stale');
  });

  it('creates, deletes and restores postmortems', async () => {
    const calls: string[] = [];
    server.use(
      http.post(`${BASE}/postmortems`, () => {
        calls.push('create');
        return HttpResponse.json(makePostmortem(), { status: 201 });
      }),
      http.delete(`${BASE}/postmortems/:id`, ({ params }) => {
        calls.push(`delete ${params.id}`);
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(`${BASE}/postmortems/:id/restore`, ({ params }) => {
        calls.push(`restore ${params.id}`);
        return HttpResponse.json(makePostmortem());
      }),
    );
    await client.createPostmortem({
      title: 't',
      entityRefs: ['component:default/a'],
      severity: 'sev3',
      detection: 'other',
      startedAt: '2026-01-01T00:00:00+09:00',
    });
    await expect(client.deletePostmortem('p1')).resolves.toBeUndefined();
    await client.restorePostmortem('p1');
    expect(calls).toEqual(['create', 'delete p1', 'restore p1']);
  });

  it('reads revisions, templates and suggestions from { items }', async () => {
    server.use(
      http.get(`${BASE}/postmortems/:id/revisions`, () =>
        HttpResponse.json({ items: [{ version: 1 }], totalCount: 1 }),
      ),
      http.get(`${BASE}/templates`, () =>
        HttpResponse.json({ items: [sreBookTemplate] }),
      ),
      http.get(`${BASE}/reading-sessions/suggestions`, ({ request }) => {
        const url = new URL(request.url);
        expect(url.searchParams.get('ownerGroup')).toBe('group:default/sre');
        expect(url.searchParams.get('limit')).toBe('3');
        return HttpResponse.json({ items: [{ score: 1, reasons: [] }] });
      }),
    );
    expect(await client.listRevisions('p1')).toHaveLength(1);
    expect((await client.listTemplates())[0].id).toBe('sre-book');
    expect(
      await client.getReadingSessionSuggestions('group:default/sre', {
        limit: 3,
      }),
    ).toHaveLength(1);
  });

  it('lists action items by owner, status and overdue', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/action-items`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [makeActionItem()], totalCount: 1 });
      }),
    );
    await client.listActionItems({
      owner: ['group:default/sre'],
      status: ['open', 'in_progress'],
    });
    expect(url?.searchParams.getAll('status')).toEqual(['open', 'in_progress']);
    expect(url?.searchParams.get('owner')).toBe('group:default/sre');
    expect(url?.searchParams.has('overdue')).toBe(false);

    await client.listActionItems({ overdue: true });
    expect(url?.searchParams.get('overdue')).toBe('true');
  });

  it('creates, updates and deletes action items', async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${BASE}/postmortems/:id/action-items`, async ({ request }) => {
        seen.push(`create ${JSON.stringify(await request.json())}`);
        return HttpResponse.json(makeActionItem(), { status: 201 });
      }),
      http.get(`${BASE}/postmortems/:id/action-items`, () =>
        HttpResponse.json({ items: [makeActionItem()], totalCount: 1 }),
      ),
      http.patch(`${BASE}/action-items/:id`, async ({ request }) => {
        seen.push(`update ${JSON.stringify(await request.json())}`);
        return HttpResponse.json(makeActionItem({ status: 'done' }));
      }),
      http.get(`${BASE}/action-items/:id`, () =>
        HttpResponse.json(makeActionItem()),
      ),
      http.delete(`${BASE}/action-items/:id`, () => {
        seen.push('delete');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await client.createActionItem('p1', { title: 'x' });
    expect((await client.listPostmortemActionItems('p1')).items).toHaveLength(
      1,
    );
    expect(
      (await client.updateActionItem('a1', { status: 'done', version: 1 }))
        .status,
    ).toBe('done');
    expect((await client.getActionItem('a1')).id).toBe('a1');
    await client.deleteActionItem('a1');
    expect(seen).toEqual([
      'create {"title":"x"}',
      'update {"status":"done","version":1}',
      'delete',
    ]);
  });

  it('handles reading sessions, including no current session', async () => {
    server.use(
      http.get(`${BASE}/reading-sessions/current`, () =>
        HttpResponse.json({ session: null }),
      ),
      http.get(`${BASE}/reading-sessions`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
      http.get(`${BASE}/reading-sessions/:id`, () =>
        HttpResponse.json({ id: 's1' }),
      ),
      http.get(`${BASE}/reading-sessions/:id/action-items`, () =>
        HttpResponse.json({ items: [makeActionItem()], totalCount: 1 }),
      ),
      http.post(`${BASE}/reading-sessions`, () =>
        HttpResponse.json({ id: 's1' }, { status: 201 }),
      ),
      http.patch(`${BASE}/reading-sessions/:id`, () =>
        HttpResponse.json({ id: 's1', status: 'held' }),
      ),
    );
    expect(await client.getCurrentReadingSession('group:default/sre')).toEqual({
      session: null,
    });
    expect((await client.getReadingSession('s1')).id).toBe('s1');
    expect(
      (await client.listReadingSessionActionItems('s1')).items,
    ).toHaveLength(1);
    expect((await client.listReadingSessions()).totalCount).toBe(0);
    expect(
      (
        await client.createReadingSession({
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-11-20T17:00:00+09:00',
        })
      ).id,
    ).toBe('s1');
    expect(
      (await client.updateReadingSession('s1', { status: 'held', version: 1 }))
        .status,
    ).toBe('held');
  });

  it('throws a ResponseError carrying the 400 message', async () => {
    server.use(
      http.post(`${BASE}/postmortems`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'title: must not be empty' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      client.createPostmortem({
        title: '',
        entityRefs: [],
        severity: 'sev1',
        detection: 'other',
        startedAt: '',
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { message: 'title: must not be empty' } },
    });
  });
});
