import {
  HANAKO,
  MISSING,
  startBackend,
  validPostmortem,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

describe('postmortem routes', () => {
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
});
