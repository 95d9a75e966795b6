import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  HANAKO,
  startBackend,
  validPostmortem,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

type Backend = Awaited<ReturnType<typeof startBackend>>;

/**
 * The audit events recorded so far: what each said when it was created,
 * and how it ended (`success` or `fail`, with the meta and error given).
 */
async function eventsOf({ auditor }: Backend) {
  const calls = auditor.createEvent.mock.calls;
  const results = auditor.createEvent.mock.results;
  return Promise.all(
    calls.map(async ([options], i) => {
      const event = await results[i].value;
      const succeeded = event.success.mock.calls;
      const failed = event.fail.mock.calls;
      return {
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        meta: options.meta,
        asked: options.request?.headers.authorization,
        outcome:
          (succeeded.length === 1 && failed.length === 0 && 'succeeded') ||
          (failed.length === 1 && succeeded.length === 0 && 'failed') ||
          'unfinished',
        endMeta: succeeded[0]?.[0]?.meta ?? failed[0]?.[0]?.meta,
        error: failed[0]?.[0]?.error,
      };
    }),
  );
}

describe('audit events', () => {
  it('records every write: which, on what, by whom (the request), and its outcome', async () => {
    const api = await startBackend();
    const pm = (await api.post('/postmortems', validPostmortem)).body;
    expect(
      (await api.patch(`/postmortems/${pm.id}`, { version: 1, title: 'x' }))
        .status,
    ).toBe(200);
    const item = (
      await api.post(`/postmortems/${pm.id}/action-items`, {
        title: 'Alert on the queue length',
      })
    ).body;
    expect(
      (
        await api.patch(`/action-items/${item.id}`, {
          version: 1,
          status: 'done',
        })
      ).status,
    ).toBe(200);
    expect((await api.delete(`/action-items/${item.id}`)).status).toBe(204);
    const session = (
      await api.post('/reading-sessions', {
        ownerGroup: 'group:default/sre',
        scheduledAt: '2027-01-14T16:00:00+09:00',
      })
    ).body;
    expect(
      (
        await api.patch(`/reading-sessions/${session.id}`, {
          version: 1,
          postmortemId: pm.id,
        })
      ).status,
    ).toBe(200);
    const series = (
      await api.post('/reading-sessions/series', {
        ownerGroup: 'group:default/platform',
        rule: {
          weekday: 'thursday',
          week: 1,
          time: '16:00',
          timezone: 'Asia/Tokyo',
        },
        months: 2,
        startMonth: '2027-01',
      })
    ).body;
    expect(series.items).toHaveLength(2);
    const imported = await api.post('/postmortems/import', {
      files: [{ name: 'good.md', content: '# Good\n## Summary\nfine\n' }],
      defaults: {
        entityRefs: ['component:default/x'],
        severity: 'sev3',
        detection: 'other',
        startedAt: '2026-10-03T00:00:00Z',
      },
    });
    expect(imported.status).toBe(200);
    expect((await api.delete(`/postmortems/${pm.id}`)).status).toBe(204);
    expect((await api.post(`/postmortems/${pm.id}/restore`)).status).toBe(200);
    // Reads are not audited.
    expect((await api.get(`/postmortems/${pm.id}`)).status).toBe(200);
    expect((await api.get('/action-items')).status).toBe(200);

    const events = await eventsOf(api);
    expect(
      events.map(({ eventId, meta, endMeta, outcome }) => ({
        eventId,
        meta,
        endMeta,
        outcome,
      })),
    ).toEqual([
      {
        eventId: 'postmortem-mutate',
        meta: { actionType: 'create' },
        endMeta: { actionType: 'create', postmortemId: pm.id },
        outcome: 'succeeded',
      },
      ...['update'].map(actionType => ({
        eventId: 'postmortem-mutate',
        meta: { actionType, postmortemId: pm.id },
        endMeta: { actionType, postmortemId: pm.id },
        outcome: 'succeeded',
      })),
      {
        eventId: 'action-item-mutate',
        meta: { actionType: 'create', postmortemId: pm.id },
        endMeta: {
          actionType: 'create',
          postmortemId: pm.id,
          actionItemId: item.id,
        },
        outcome: 'succeeded',
      },
      ...['update', 'delete'].map(actionType => ({
        eventId: 'action-item-mutate',
        meta: { actionType, actionItemId: item.id },
        endMeta: { actionType, actionItemId: item.id },
        outcome: 'succeeded',
      })),
      {
        eventId: 'reading-session-mutate',
        meta: { actionType: 'create' },
        endMeta: { actionType: 'create', readingSessionId: session.id },
        outcome: 'succeeded',
      },
      {
        eventId: 'reading-session-mutate',
        meta: { actionType: 'update', readingSessionId: session.id },
        endMeta: { actionType: 'update', readingSessionId: session.id },
        outcome: 'succeeded',
      },
      {
        eventId: 'reading-session-mutate',
        meta: { actionType: 'create-series' },
        endMeta: {
          actionType: 'create-series',
          seriesId: series.seriesId,
          readingSessionIds: series.items.map((s: { id: string }) => s.id),
        },
        outcome: 'succeeded',
      },
      {
        eventId: 'postmortem-mutate',
        meta: { actionType: 'import' },
        endMeta: {
          actionType: 'import',
          dryRun: false,
          imported: [imported.body.items[0].postmortem.id],
        },
        outcome: 'succeeded',
      },
      ...['delete', 'restore'].map(actionType => ({
        eventId: 'postmortem-mutate',
        meta: { actionType, postmortemId: pm.id },
        endMeta: { actionType, postmortemId: pm.id },
        outcome: 'succeeded',
      })),
    ]);
    // Each is a write's (medium), and carries the request, from which the
    // auditor tells who asked.
    for (const event of events) {
      expect(event.severityLevel).toBe('medium');
      expect(event.asked).toBeDefined();
    }
    expect(String(events[0].asked)).toContain(HANAKO);
  });

  it('records a refused write and a bad one as failed, with the error, and nothing written', async () => {
    const refused = await startBackend(AuthorizeResult.DENY);
    expect((await refused.post('/postmortems', validPostmortem)).status).toBe(
      403,
    );
    const [denied] = await eventsOf(refused);
    expect(denied).toMatchObject({
      eventId: 'postmortem-mutate',
      meta: { actionType: 'create' },
      outcome: 'failed',
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
    expect((await refused.get('/postmortems')).body.items).toEqual([]);

    const api = await startBackend();
    const bad = await api.post('/postmortems', {
      ...validPostmortem,
      severity: 'sev9',
    });
    expect(bad.status).toBe(400);
    const missing = await api.patch(
      '/postmortems/00000000-0000-4000-8000-000000000000',
      { version: 1, title: 'x' },
    );
    expect(missing.status).toBe(404);
    expect(await eventsOf(api)).toMatchObject([
      {
        eventId: 'postmortem-mutate',
        outcome: 'failed',
        error: expect.objectContaining({ name: 'InputError' }),
      },
      {
        eventId: 'postmortem-mutate',
        meta: {
          actionType: 'update',
          postmortemId: '00000000-0000-4000-8000-000000000000',
        },
        outcome: 'failed',
        error: expect.objectContaining({ name: 'NotFoundError' }),
      },
    ]);
    expect((await api.get('/postmortems')).body.items).toEqual([]);
  });
});
