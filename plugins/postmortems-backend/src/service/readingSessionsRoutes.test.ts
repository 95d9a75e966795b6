import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { createPostmortem, startRouter } from '../__testUtils__/router';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const SRE = 'group:default/sre';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** The router on a fresh database of `databaseId`, in `timezone`. */
function setup(timezone: string, databaseId?: TestDatabaseId) {
  return startRouter({ databases, databaseId, timezone });
}

describe('reading session routes', () => {
  it('creates (201), lists, reads, changes (200) and refuses a stale change (409)', async () => {
    const api = await setup('Asia/Tokyo');
    const pick = await createPostmortem(api, 'キュー滞留');

    const created = await api.post('/reading-sessions', {
      ownerGroup: 'Group:SRE',
      scheduledAt: '2026-12-17T13:00:00+09:00',
      facilitator: 'hanako.yamada',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerGroup: SRE,
      scheduledAt: '2026-12-17T04:00:00.000Z',
      durationMinutes: 30,
      facilitator: 'user:default/hanako.yamada',
      status: 'planned',
      participants: [],
      version: 1,
      createdBy: 'user:default/hanako.yamada',
    });
    const id = created.body.id;

    expect((await api.get(`/reading-sessions/${id}`)).body).toEqual(
      created.body,
    );
    expect((await api.get(`/reading-sessions/${MISSING}`)).status).toBe(404);
    expect((await api.get(`/reading-sessions?ownerGroup=${SRE}`)).body).toEqual(
      { items: [created.body], totalCount: 1 },
    );
    expect(
      (await api.get('/reading-sessions?ownerGroup=group:default/billing-team'))
        .body.totalCount,
    ).toBe(0);

    const picked = await api.patch(`/reading-sessions/${id}`, {
      version: 1,
      postmortemId: pick.id,
    });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ version: 2, postmortemId: pick.id });

    const held = await api.patch(`/reading-sessions/${id}`, {
      version: 2,
      status: 'held',
      participants: ['hanako.yamada', 'user:default/kenta.ito'],
      notes: '監視アラートの扱いを議論した',
    });
    expect(held.status).toBe(200);
    expect(held.body.participants).toEqual([
      'user:default/hanako.yamada',
      'user:default/kenta.ito',
    ]);
    expect((await api.get(`/postmortems/${pick.id}`)).body.readings).toEqual({
      count: 1,
      lastReadAt: '2026-12-17T04:00:00.000Z',
    });

    const stale = await api.patch(`/reading-sessions/${id}`, {
      version: 2,
      notes: 'stale',
    });
    expect(stale.status).toBe(409);
    expect((await api.get(`/reading-sessions/${id}`)).body.notes).toBe(
      '監視アラートの扱いを議論した',
    );

    const item = await api.post(`/postmortems/${pick.id}/action-items`, {
      title: 'アラートの重要度を見直す',
      readingSessionId: id,
    });
    expect(item.status).toBe(201);
    const raised = await api.get(`/reading-sessions/${id}/action-items`);
    expect(raised.body.items.map((i: any) => i.id)).toEqual([item.body.id]);
    expect(
      (await api.get(`/reading-sessions/${MISSING}/action-items`)).status,
    ).toBe(404);
  });

  it.each([
    [
      { ownerGroup: 'user:default/x', scheduledAt: '2026-12-01T00:00:00Z' },
      /ownerGroup: must be a group ref/,
    ],
    [
      { ownerGroup: SRE, scheduledAt: '12/01/2026' },
      /scheduledAt: must be an ISO 8601 timestamp/,
    ],
    [
      {
        ownerGroup: SRE,
        scheduledAt: '2026-12-01T00:00:00Z',
        durationMinutes: 0,
      },
      /durationMinutes: /,
    ],
    [
      {
        ownerGroup: SRE,
        scheduledAt: '2026-12-01T00:00:00Z',
        postmortemId: MISSING,
      },
      /postmortemId: no postmortem/,
    ],
    [
      { ownerGroup: SRE, scheduledAt: '2026-12-01T00:00:00Z', status: 'done' },
      /status: /,
    ],
  ])(
    'rejects a bad session with a 400 naming the field: %j',
    async (body, message) => {
      const api = await setup('UTC');
      const response = await api.post('/reading-sessions', body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
      expect((await api.get('/reading-sessions')).body.totalCount).toBe(0);
    },
  );

  it('finds the session of this month in the configured time zone', async () => {
    const api = await setup('Asia/Tokyo');
    const pick = await createPostmortem(api, 'キュー滞留');
    const open = await api.post(`/postmortems/${pick.id}/action-items`, {
      title: 'キャパシティの再計算',
      dueDate: '2026-12-01',
    });
    await api.post(`/postmortems/${pick.id}/action-items`, {
      title: '済んだもの',
      status: 'done',
    });
    // 00:30 on 1 December in Tokyo is still 30 November in UTC.
    const december = await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-12-01T00:30:00+09:00',
      postmortemId: pick.id,
    });
    const november = await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-11-30T23:00:00+09:00',
      status: 'held',
    });
    await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-12-20T10:00:00+09:00',
      status: 'cancelled',
    });

    api.setNow('2026-12-10T03:00:00Z');
    const current = await api.get(
      `/reading-sessions/current?ownerGroup=${SRE}`,
    );
    expect(current.status).toBe(200);
    expect(current.body.session.id).toBe(december.body.id);
    expect(current.body.postmortem.id).toBe(pick.id);
    expect(current.body.actionItems.map((i: any) => i.id)).toEqual([
      open.body.id,
    ]);
    expect(current.body.actionItems[0].overdue).toBe(true);

    // 1 December 08:59 in Tokyo: December has begun there.
    api.setNow('2026-11-30T23:59:00Z');
    expect(
      (await api.get(`/reading-sessions/current?ownerGroup=${SRE}`)).body
        .session.id,
    ).toBe(december.body.id);

    // 30 November 23:59 in Tokyo: still November.
    api.setNow('2026-11-30T14:59:00Z');
    const previous = await api.get(
      `/reading-sessions/current?ownerGroup=${SRE}`,
    );
    expect(previous.body.session.id).toBe(november.body.id);
    expect(previous.body.postmortem).toBeUndefined();

    api.setNow('2027-01-05T00:00:00Z');
    expect(
      (await api.get(`/reading-sessions/current?ownerGroup=${SRE}`)).body,
    ).toEqual({ session: null, timezone: 'Asia/Tokyo' });
    expect(
      (await api.get('/reading-sessions/current?ownerGroup=user:default/x'))
        .status,
    ).toBe(400);
    expect((await api.get('/reading-sessions/current')).status).toBe(400);
  });

  it('puts the same session in November when the zone is UTC', async () => {
    const api = await setup('UTC');
    const december = await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-12-01T00:30:00+09:00',
    });
    api.setNow('2026-12-10T03:00:00Z');
    expect(
      (await api.get(`/reading-sessions/current?ownerGroup=${SRE}`)).body,
    ).toEqual({ session: null, timezone: 'UTC' });
    api.setNow('2026-11-10T03:00:00Z');
    expect(
      (await api.get(`/reading-sessions/current?ownerGroup=${SRE}`)).body
        .session.id,
    ).toBe(december.body.id);
  });

  it('leaves out the pick of a planned session earlier this month whose day has passed', async () => {
    const api = await setup('Asia/Tokyo');
    const a = await createPostmortem(api, 'A');
    const b = await createPostmortem(api, 'B');
    // 3 December; now is 10 December, and nobody marked it held.
    await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-12-03T13:00:00+09:00',
      postmortemId: a.id,
    });
    const suggestions = await api.get(
      `/reading-sessions/suggestions?ownerGroup=${SRE}`,
    );
    expect(suggestions.body.items.map((s: any) => s.postmortem.id)).toEqual([
      b.id,
    ]);
  });

  it('suggests published postmortems, leaving out the pick of an upcoming session', async () => {
    const api = await setup('Asia/Tokyo');
    const a = await createPostmortem(api, 'A');
    const b = await createPostmortem(api, 'B');
    const suggestions = await api.get(
      `/reading-sessions/suggestions?ownerGroup=${SRE}&limit=5`,
    );
    expect(suggestions.status).toBe(200);
    expect(
      suggestions.body.items.map((s: any) => s.postmortem.id).sort(),
    ).toEqual([a.id, b.id].sort());
    await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-12-24T13:00:00+09:00',
      postmortemId: a.id,
    });
    const after = await api.get(
      `/reading-sessions/suggestions?ownerGroup=${SRE}`,
    );
    expect(after.body.items.map((s: any) => s.postmortem.id)).toEqual([b.id]);
    expect(
      (
        await api.get(
          `/reading-sessions/suggestions?ownerGroup=${SRE}&limit=21`,
        )
      ).status,
    ).toBe(400);
  });
});

describe.each(databases.eachSupportedId())(
  'one reading session a month on %p',
  databaseId => {
    const session = (scheduledAt: string, extra: object = {}) => ({
      ownerGroup: SRE,
      scheduledAt,
      ...extra,
    });

    it('refuses a second planned or held session in a month of the configured time zone with a 409 naming the month', async () => {
      const api = await setup('Asia/Tokyo', databaseId);
      const january = await api.post(
        '/reading-sessions',
        session('2027-01-07T17:00:00+09:00'),
      );
      expect(january.status).toBe(201);

      // 31 January 16:00 UTC is already 1 February in Tokyo: another month.
      const second = await api.post(
        '/reading-sessions',
        session('2027-01-28T17:00:00+09:00'),
      );
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(
        /group:default\/sre already has a reading session in 2027-01/,
      );
      // As data too, so that a client tells it from a stale version.
      expect(second.body.error.fields).toEqual([
        expect.objectContaining({
          field: 'scheduledAt',
          code: 'one_per_month',
          params: { month: '2027-01' },
        }),
      ]);
      expect(
        (
          await api.post(
            '/reading-sessions',
            session('2027-01-31T16:00:00Z', { status: 'held' }),
          )
        ).status,
      ).toBe(201);
      // Another group may meet in the same month.
      expect(
        (
          await api.post('/reading-sessions', {
            ownerGroup: 'group:default/billing-team',
            scheduledAt: '2027-01-14T17:00:00+09:00',
          })
        ).status,
      ).toBe(201);
      expect(
        (await api.get(`/reading-sessions?ownerGroup=${SRE}`)).body.totalCount,
      ).toBe(2);
    });

    it('lets a cancelled session make room, and guards rescheduling and un-cancelling', async () => {
      const api = await setup('Asia/Tokyo', databaseId);
      const first = await api.post(
        '/reading-sessions',
        session('2027-01-07T17:00:00+09:00'),
      );
      await api.patch(`/reading-sessions/${first.body.id}`, {
        version: 1,
        status: 'cancelled',
      });
      const replacement = await api.post(
        '/reading-sessions',
        session('2027-01-14T17:00:00+09:00'),
      );
      expect(replacement.status).toBe(201);
      // A cancelled one stays cancelled while January has another.
      const revived = await api.patch(`/reading-sessions/${first.body.id}`, {
        version: 2,
        status: 'planned',
      });
      expect(revived.status).toBe(409);
      expect(revived.body.error.message).toMatch(/2027-01/);

      const february = await api.post(
        '/reading-sessions',
        session('2027-02-04T17:00:00+09:00'),
      );
      const moved = await api.patch(`/reading-sessions/${february.body.id}`, {
        version: 1,
        scheduledAt: '2027-01-21T17:00:00+09:00',
      });
      expect(moved.status).toBe(409);
      expect(
        (await api.get(`/reading-sessions/${february.body.id}`)).body
          .scheduledAt,
      ).toBe('2027-02-04T08:00:00.000Z');
      // Within its own month a session moves freely.
      expect(
        (
          await api.patch(`/reading-sessions/${replacement.body.id}`, {
            version: 1,
            scheduledAt: '2027-01-28T17:00:00+09:00',
          })
        ).status,
      ).toBe(200);
    });
  },
);
