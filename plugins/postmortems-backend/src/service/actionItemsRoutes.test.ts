import {
  HANAKO,
  MISSING,
  startBackend,
  validPostmortem,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

describe('action item routes', () => {
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
    const byPriority = await api.get(
      '/action-items?priority=low&priority=high',
    );
    expect(byPriority.body.items.map((i: any) => i.id)).toEqual([
      created.body.id,
    ]);
    expect(
      (await api.get('/action-items?priority=medium')).body.totalCount,
    ).toBe(0);
    const badPriority = await api.get('/action-items?priority=urgent');
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.error.message).toContain('priority');
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
