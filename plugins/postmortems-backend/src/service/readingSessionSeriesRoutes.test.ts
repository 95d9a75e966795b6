import { TestDatabaseId } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReadingSessionSeriesRule } from '@postmortems/backstage-plugin-postmortems-common';
import ICAL from 'ical.js';
import { startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { createPostmortem, startRouter } from '../__testUtils__/router';
import { occurrenceOf } from './readingSessionSeriesRoutes';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const SRE = 'group:default/sre';
const MISSING = '00000000-0000-4000-8000-000000000000';
const APP = 'https://backstage.example.com';

const firstThursday: ReadingSessionSeriesRule = {
  weekday: 'thursday',
  week: 1,
  time: '16:00',
  timezone: 'Asia/Tokyo',
};

/** The VEVENTs of an iCalendar text, parsed by ical.js. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  return {
    calendar,
    events: calendar
      .getAllSubcomponents('vevent')
      .map(vevent => ({ vevent, event: new ICAL.Event(vevent) })),
  };
}

describe.each(databases.eachSupportedId())(
  'reading session series on %p',
  databaseId => {
    it('creates one session a month at the wall-clock time, skipping the months that have one', async () => {
      const api = await setup('Asia/Tokyo', databaseId);
      const march = await api.post('/reading-sessions', {
        ownerGroup: SRE,
        scheduledAt: '2027-03-18T13:00:00+09:00',
      });
      expect(march.status).toBe(201);
      // A cancelled one makes room.
      const may = await api.post('/reading-sessions', {
        ownerGroup: SRE,
        scheduledAt: '2027-05-20T13:00:00+09:00',
        status: 'cancelled',
      });
      expect(may.status).toBe(201);

      const created = await api.post('/reading-sessions/series', {
        ownerGroup: 'Group:SRE',
        rule: firstThursday,
        months: 12,
        startMonth: '2027-01',
        durationMinutes: 45,
        facilitator: 'hanako.yamada',
        participants: ['kenta.ito'],
      });
      expect(created.status).toBe(201);
      expect(created.body.skippedMonths).toEqual(['2027-03']);
      const { seriesId, items } = created.body;
      expect(seriesId).toMatch(/^[0-9a-f-]{36}$/);
      expect(items).toHaveLength(11);
      // 16:00 in Tokyo is 07:00 UTC, on the first Thursday of each month.
      expect(items.map((s: { scheduledAt: string }) => s.scheduledAt)).toEqual([
        '2027-01-07T07:00:00.000Z',
        '2027-02-04T07:00:00.000Z',
        '2027-04-01T07:00:00.000Z',
        '2027-05-06T07:00:00.000Z',
        '2027-06-03T07:00:00.000Z',
        '2027-07-01T07:00:00.000Z',
        '2027-08-05T07:00:00.000Z',
        '2027-09-02T07:00:00.000Z',
        '2027-10-07T07:00:00.000Z',
        '2027-11-04T07:00:00.000Z',
        '2027-12-02T07:00:00.000Z',
      ]);
      for (const item of items) {
        expect(item).toMatchObject({
          ownerGroup: SRE,
          seriesId,
          durationMinutes: 45,
          facilitator: 'user:default/hanako.yamada',
          participants: ['user:default/kenta.ito'],
          status: 'planned',
          version: 1,
          createdBy: 'user:default/hanako.yamada',
        });
      }

      const listed = await api.get(
        `/reading-sessions?seriesId=${seriesId}&limit=100`,
      );
      expect(listed.body.totalCount).toBe(11);
      expect(
        (await api.get(`/reading-sessions?ownerGroup=${SRE}`)).body.totalCount,
      ).toBe(13);
      expect(
        (await api.get(`/reading-sessions/${march.body.id}`)).body.seriesId,
      ).toBeUndefined();
      expect(
        (await api.get('/reading-sessions?seriesId=nope')).body.error.fields,
      ).toEqual([expect.objectContaining({ field: 'seriesId' })]);

      // Each occurrence is a normal session: picked months ahead, moved
      // within its month, cancelled.
      const pick = await createPostmortem(api, 'キュー滞留');
      const june = items[4];
      const picked = await api.patch(`/reading-sessions/${june.id}`, {
        version: 1,
        postmortemId: pick.id,
        scheduledAt: '2027-06-10T16:00:00+09:00',
      });
      expect(picked.status).toBe(200);
      expect(picked.body).toMatchObject({
        seriesId,
        postmortemId: pick.id,
        scheduledAt: '2027-06-10T07:00:00.000Z',
        version: 2,
      });
      expect(
        (
          await api.patch(`/reading-sessions/${items[5].id}`, {
            version: 1,
            status: 'cancelled',
          })
        ).body,
      ).toMatchObject({ status: 'cancelled', seriesId });
      // One a month still holds against a series' occurrence.
      expect(
        (
          await api.post('/reading-sessions', {
            ownerGroup: SRE,
            scheduledAt: '2027-08-20T13:00:00+09:00',
          })
        ).status,
      ).toBe(409);
    });

    it('stores all occurrences or none', async () => {
      const api = await setup('Asia/Tokyo', databaseId);
      const good = {
        ownerGroup: SRE,
        scheduledAt: '2027-01-07T07:00:00.000Z',
        seriesId: MISSING,
      };
      // The second cannot be stored (no owner group): the first is not kept.
      const outcome = await api.stores.readingSessions
        .createReadingSessions(
          [good, { ...good, ownerGroup: undefined as unknown as string }],
          'user:default/hanako.yamada',
        )
        .then(
          created => ({ created }),
          error => ({ error }),
        );
      // (The driver's error class may come from another realm than jest's
      // Error, so it is recognised by its message.)
      expect(outcome).toEqual({
        error: expect.objectContaining({
          message: expect.stringMatching(/owner_group/),
        }),
      });
      const rows = await api.knex('reading_sessions').select('id');
      expect(rows).toEqual([]);
    });
  },
);

/** The router on a fresh database of `databaseId`, in `timezone`. */
function setup(timezone = 'Asia/Tokyo', databaseId?: TestDatabaseId) {
  return startRouter({
    databases,
    databaseId,
    timezone,
    appBaseUrl: `${APP}/`,
  });
}

describe('reading session series', () => {
  it('keeps the wall-clock time across a change of daylight saving time, on the last weekday', async () => {
    const api = await setup('Europe/Berlin');
    const created = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: {
        weekday: 'thursday',
        week: 'last',
        time: '16:00',
        timezone: 'Europe/Berlin',
      },
      months: 3,
      startMonth: '2027-02',
    });
    expect(created.status).toBe(201);
    // Summer time begins on 28 March 2027: the April one is an hour earlier
    // in UTC.
    expect(
      created.body.items.map((s: { scheduledAt: string }) => s.scheduledAt),
    ).toEqual([
      '2027-02-25T15:00:00.000Z',
      '2027-03-25T15:00:00.000Z',
      '2027-04-29T14:00:00.000Z',
    ]);
    // The last Sunday of March 2027 is the day itself: 02:30 does not exist
    // and becomes 03:30 summer time.
    expect(
      occurrenceOf('2027-03', {
        weekday: 'sunday',
        week: 'last',
        time: '02:30',
        timezone: 'Europe/Berlin',
      })
        .toUTC()
        .toISO(),
    ).toBe('2027-03-28T01:30:00.000Z');
    expect(
      occurrenceOf('2027-10', {
        weekday: 'sunday',
        week: 'last',
        time: '10:00',
        timezone: 'Europe/Berlin',
      })
        .toUTC()
        .toISO(),
    ).toBe('2027-10-31T09:00:00.000Z');
    // A month whose last weekday is its last day; the 4th and the last
    // Thursday differ when a month has five.
    expect(
      occurrenceOf('2026-12', { ...firstThursday, week: 'last' }).toISO(),
    ).toBe('2026-12-31T16:00:00.000+09:00');
    expect(occurrenceOf('2026-12', { ...firstThursday, week: 4 }).toISO()).toBe(
      '2026-12-24T16:00:00.000+09:00',
    );
    expect(
      occurrenceOf('2027-01', {
        ...firstThursday,
        weekday: 'friday',
        week: 1,
      }).toISO(),
    ).toBe('2027-01-01T16:00:00.000+09:00');
  });

  it('starts this month when its day is ahead, else the next month without a session', async () => {
    const api = await setup('Asia/Tokyo');
    // 10 December: the last Thursday (31st) is ahead.
    const december = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: { ...firstThursday, week: 'last' },
      months: 2,
    });
    expect(december.status).toBe(201);
    expect(
      december.body.items.map((s: { scheduledAt: string }) => s.scheduledAt),
    ).toEqual(['2026-12-31T07:00:00.000Z', '2027-01-28T07:00:00.000Z']);

    // The first Thursday (3rd) has passed, and January and February
    // already have one: March.
    await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2027-02-10T13:00:00+09:00',
    });
    const later = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: firstThursday,
      months: 2,
    });
    expect(later.status).toBe(201);
    expect(later.body.skippedMonths).toEqual([]);
    expect(
      later.body.items.map((s: { scheduledAt: string }) => s.scheduledAt),
    ).toEqual(['2027-03-04T07:00:00.000Z', '2027-04-01T07:00:00.000Z']);

    // Every month taken: nothing created, all named.
    const none = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: firstThursday,
      months: 2,
      startMonth: '2027-03',
    });
    expect(none.status).toBe(201);
    expect(none.body).toMatchObject({
      items: [],
      skippedMonths: ['2027-03', '2027-04'],
    });
  });

  it.each([
    [
      { rule: { ...firstThursday, timezone: 'Mars/Olympus_Mons' } },
      'rule.timezone',
    ],
    [{ rule: { ...firstThursday, weekday: 'funday' } }, 'rule.weekday'],
    [{ rule: { ...firstThursday, week: 5 } }, 'rule.week'],
    [{ rule: { ...firstThursday, week: '1' } }, 'rule.week'],
    [{ rule: { ...firstThursday, time: '24:00' } }, 'rule.time'],
    [{ rule: { ...firstThursday, time: '4pm' } }, 'rule.time'],
    [{ rule: { ...firstThursday, every: 'month' } }, 'rule.every'],
    [{ rule: undefined }, 'rule'],
    [{ months: 0 }, 'months'],
    [{ months: 25 }, 'months'],
    [{ months: 1.5 }, 'months'],
    [{ startMonth: '2027-13' }, 'startMonth'],
    [{ startMonth: '2027-1' }, 'startMonth'],
    [{ ownerGroup: 'user:default/hanako.yamada' }, 'ownerGroup'],
    [{ durationMinutes: 1 }, 'durationMinutes'],
    [{ facilitator: 'group:default/sre' }, 'facilitator'],
  ])(
    'refuses %j with a 400 naming %s, storing nothing',
    async (change, field) => {
      const api = await setup('Asia/Tokyo');
      const response = await api.post('/reading-sessions/series', {
        ownerGroup: SRE,
        rule: firstThursday,
        months: 12,
        ...change,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([
        expect.objectContaining({ field }),
      ]);
      expect(
        (await api.get(`/reading-sessions?ownerGroup=${SRE}`)).body.totalCount,
      ).toBe(0);
    },
  );

  it('needs the create permission', async () => {
    const api = await startBackend(AuthorizeResult.DENY);
    const response = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: firstThursday,
      months: 12,
    });
    expect(response.status).toBe(403);
    expect((await api.get('/reading-sessions')).body.totalCount).toBe(0);
  });

  it('gives the next planned session after this month, whether this month has one or not', async () => {
    const api = await setup('Asia/Tokyo');
    const current = () =>
      api.get(`/reading-sessions/current?ownerGroup=${SRE}`);
    expect((await current()).body).toEqual({
      session: null,
      timezone: 'Asia/Tokyo',
    });
    const series = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: firstThursday,
      months: 12,
    });
    const [january, february] = series.body.items;
    // Nothing this month (December): the next is January's.
    expect((await current()).body).toEqual({
      session: null,
      timezone: 'Asia/Tokyo',
      next: january,
    });
    // This month's is planned: it, and January's after it.
    const december = await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-12-17T16:00:00+09:00',
    });
    expect((await current()).body).toEqual({
      session: december.body,
      timezone: 'Asia/Tokyo',
      next: january,
    });
    // Held: the next is January's; January cancelled: February's.
    const held = await api.patch(`/reading-sessions/${december.body.id}`, {
      version: 1,
      status: 'held',
    });
    await api.patch(`/reading-sessions/${january.id}`, {
      version: 1,
      status: 'cancelled',
    });
    expect((await current()).body).toEqual({
      session: held.body,
      timezone: 'Asia/Tokyo',
      next: february,
    });
  });

  it('does not suggest a postmortem picked for a session six months ahead in a series', async () => {
    const api = await setup('Asia/Tokyo');
    const later = await createPostmortem(api, 'DNS の設定ミス');
    const other = await createPostmortem(api, 'キュー滞留');
    const suggested = async () =>
      (
        await api.get(`/reading-sessions/suggestions?ownerGroup=${SRE}`)
      ).body.items.map((s: { postmortem: { id: string } }) => s.postmortem.id);
    expect((await suggested()).sort()).toEqual([later.id, other.id].sort());

    const series = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: firstThursday,
      months: 12,
    });
    const june = series.body.items[5];
    expect(june.scheduledAt).toBe('2027-06-03T07:00:00.000Z');
    await api.patch(`/reading-sessions/${june.id}`, {
      version: 1,
      postmortemId: later.id,
    });
    expect(await suggested()).toEqual([other.id]);
  });
});

describe('calendar invites', () => {
  it('gives one VEVENT a session whose SEQUENCE grows with each change, CANCELLED once cancelled', async () => {
    const api = await setup('Asia/Tokyo');
    const pick = await createPostmortem(api, '非同期ジョブのキュー滞留');
    const created = await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2027-01-07T16:00:00+09:00',
      durationMinutes: 45,
    });
    const id = created.body.id;
    const invite = () =>
      api.get(`/reading-sessions/${id}/calendar.ics`).buffer(true);

    const first = await invite();
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="reading-session-${id}.ics"`,
    );
    const parsed = parseCalendar(first.text);
    const { calendar } = parsed;
    let { events } = parsed;
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    let [{ event, vevent }] = events;
    expect(event.uid).toBe(`${id}@postmortems`);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Postmortem reading session');
    expect(event.description).toBe(
      `No pick yet: choose what to read on the session page.\nSession: ${APP}/postmortems/reading-sessions/${id}`,
    );
    expect(vevent.getFirstPropertyValue('url')).toBe(
      `${APP}/postmortems/reading-sessions/${id}`,
    );
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Local time with the TZID, and a VTIMEZONE that makes it 07:00 UTC.
    const dtstart = vevent.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Asia/Tokyo');
    expect(event.startDate.toString()).toBe('2027-01-07T16:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe(
      '2027-01-07T07:00:00.000Z',
    );
    expect(event.endDate.toJSDate().toISOString()).toBe(
      '2027-01-07T07:45:00.000Z',
    );
    expect(vevent.getFirstProperty('dtend')!.getParameter('tzid')).toBe(
      'Asia/Tokyo',
    );
    expect(
      calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid'),
    ).toBe('Asia/Tokyo');
    // The stamps are UTC, as RFC 5545 wants them.
    for (const name of ['dtstamp', 'created', 'last-modified']) {
      const value = vevent.getFirstPropertyValue(name) as ICAL.Time;
      expect([name, value.zone?.tzid]).toEqual([name, 'UTC']);
    }
    expect(
      (vevent.getFirstPropertyValue('created') as ICAL.Time)
        .toJSDate()
        .toISOString(),
    ).toBe(created.body.createdAt);

    await api.patch(`/reading-sessions/${id}`, {
      version: 1,
      postmortemId: pick.id,
    });
    ({ events } = parseCalendar((await invite()).text));
    [{ event, vevent }] = events;
    expect(event.uid).toBe(`${id}@postmortems`);
    expect(event.sequence).toBe(1);
    expect(event.summary).toBe(
      'Postmortem reading session: 非同期ジョブのキュー滞留',
    );
    expect(event.description).toBe(
      [
        'Pick: 非同期ジョブのキュー滞留',
        `Postmortem: ${APP}/postmortems/${pick.id}`,
        `Session: ${APP}/postmortems/reading-sessions/${id}`,
      ].join('\n'),
    );

    await api.patch(`/reading-sessions/${id}`, {
      version: 2,
      status: 'cancelled',
    });
    ({ events } = parseCalendar((await invite()).text));
    [{ event, vevent }] = events;
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.description).toMatch(/^This reading session is cancelled\./);

    // In Japanese.
    ({ events } = parseCalendar(
      (await api.get(`/reading-sessions/${id}/calendar.ics?lang=ja`)).text,
    ));
    expect(events[0].event.summary).toBe(
      'ポストモーテム読書会: 非同期ジョブのキュー滞留',
    );
    expect(events[0].event.description).toMatch(
      /^この読書会は中止になりました。/,
    );

    expect(
      (await api.get(`/reading-sessions/${MISSING}/calendar.ics`)).status,
    ).toBe(404);
    const badLang = await api.get(
      `/reading-sessions/${id}/calendar.ics?lang=de`,
    );
    expect(badLang.status).toBe(400);
    expect(badLang.body.error.fields).toEqual([
      expect.objectContaining({ field: 'lang' }),
    ]);
  });

  it("gives a group's upcoming planned and cancelled sessions, in the configured zone across summer time", async () => {
    const api = await setup('Europe/Berlin');
    await api.post('/reading-sessions', {
      ownerGroup: SRE,
      scheduledAt: '2026-11-19T16:00:00+01:00',
      status: 'held',
    });
    await api.post('/reading-sessions', {
      ownerGroup: 'group:default/billing-team',
      scheduledAt: '2027-01-14T16:00:00+01:00',
    });
    const series = await api.post('/reading-sessions/series', {
      ownerGroup: SRE,
      rule: {
        weekday: 'thursday',
        week: 'last',
        time: '16:00',
        timezone: 'Europe/Berlin',
      },
      months: 6,
      startMonth: '2027-01',
    });
    const [january, february, march, april] = series.body.items;
    await api.patch(`/reading-sessions/${february.id}`, {
      version: 1,
      status: 'cancelled',
    });

    const response = await api
      .get(`/reading-sessions/calendar.ics?ownerGroup=${SRE}`)
      .buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'text/calendar; charset=utf-8',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="reading-sessions-default-sre.ics"',
    );
    const { events } = parseCalendar(response.text);
    expect(events.map(e => e.event.uid)).toEqual(
      series.body.items.map((s: { id: string }) => `${s.id}@postmortems`),
    );
    expect(events.map(e => e.vevent.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CANCELLED',
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
    expect(events[1].event.sequence).toBe(1);
    const starts = events.map(e => ({
      local: e.event.startDate.toString(),
      tzid: e.vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
      utc: e.event.startDate.toJSDate().toISOString(),
    }));
    expect(starts.slice(0, 4)).toEqual([
      {
        local: '2027-01-28T16:00:00',
        tzid: 'Europe/Berlin',
        utc: january.scheduledAt,
      },
      {
        local: '2027-02-25T16:00:00',
        tzid: 'Europe/Berlin',
        utc: february.scheduledAt,
      },
      {
        local: '2027-03-25T16:00:00',
        tzid: 'Europe/Berlin',
        utc: march.scheduledAt,
      },
      {
        local: '2027-04-29T16:00:00',
        tzid: 'Europe/Berlin',
        utc: april.scheduledAt,
      },
    ]);
    expect(april.scheduledAt).toBe('2027-04-29T14:00:00.000Z');

    // From today on: once January's is over it is left out.
    api.setNow('2027-02-01T00:00:00Z');
    expect(
      parseCalendar(
        (await api.get(`/reading-sessions/calendar.ics?ownerGroup=${SRE}`))
          .text,
      ).events.map(e => e.event.uid),
    ).toEqual(
      series.body.items
        .slice(1)
        .map((s: { id: string }) => `${s.id}@postmortems`),
    );

    const bad = await api.get(
      '/reading-sessions/calendar.ics?ownerGroup=user:x',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({ field: 'ownerGroup' }),
    ]);
    expect((await api.get('/reading-sessions/calendar.ics')).status).toBe(400);
  });
});
