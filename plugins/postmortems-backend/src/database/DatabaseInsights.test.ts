import {
  Insights,
  insightsSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  ActionItemInput,
  PostmortemInput,
  PostmortemsStores,
} from '@postmortems/backstage-plugin-postmortems-node';
import { random } from '../__testUtils__/random';
import {
  ALICE,
  BOB,
  NOW,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';
import { DatabaseInsights } from './DatabaseInsights';
import {
  buildInsightsRollups,
  resetInsightsRollups,
} from './insights/rollups/maintain';
import { StoreContext } from './StoreContext';

jest.setTimeout(180_000);

const ROBO = 'component:default/seikyu-kanri-robo';
const WORKER = 'component:default/billing-batch-worker';
const GATEWAY = 'component:default/payment-gateway';
const CUSTOMER_PORTAL = 'component:default/customer-portal';
const SRE = 'group:default/sre';

const MINUTE = 60_000;
const DAY = 86_400_000;

const at = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

/** An incident starting at `startedAt`, detected and resolved minutes later. */
function incident(
  entityRefs: string[],
  startedAt: string,
  times: { detect?: number; resolve?: number },
  overrides: Partial<PostmortemInput> = {},
): PostmortemInput {
  return postmortem({
    title: `Incident at ${startedAt}`,
    entityRefs,
    startedAt,
    detectedAt: times.detect === undefined ? null : at(startedAt, times.detect),
    mitigatedAt: null,
    resolvedAt:
      times.resolve === undefined ? null : at(startedAt, times.resolve),
    ...overrides,
  });
}

/** Whole days (of 24 h) between two instants, as the medians count them. */
const days = (from: string, to: string) =>
  Math.floor((Date.parse(to) - Date.parse(from)) / DAY);

const zeros = { sev1: 0, sev2: 0, sev3: 0, sev4: 0 };
const noDetections = {
  customer_report: 0,
  monitoring_alert: 0,
  internal_discovery: 0,
  other: 0,
};

describe.each(databases.eachSupportedId())(
  'DatabaseInsights on %p',
  databaseId => {
    const { stores, setNow, db } = useTestStores(databaseId);

    /**
     * An action item created at `created`, and closed (done unless told)
     * at `closed`; the clock is back at NOW afterwards.
     */
    async function item(
      postmortemId: string,
      created: string,
      input: Omit<ActionItemInput, 'title'>,
      closed?: { at: string; status?: 'done' | 'wont_do' },
    ) {
      setNow(new Date(created));
      const created_ = await stores.actionItems.createActionItem(
        postmortemId,
        { title: `Item created ${created}`, ...input },
        ALICE,
      );
      if (closed) {
        setNow(new Date(closed.at));
        await stores.actionItems.updateActionItem(
          created_.id,
          1,
          { status: closed.status ?? 'done' },
          ALICE,
        );
      }
      setNow(NOW);
      return created_;
    }

    /**
     * The data set whose insights the tests work out by hand. Today is
     * 2026-11-20 in Tokyo; the range is 2026-09 to 2026-11 (Tokyo months:
     * September starts 2026-08-31T15:00Z).
     */
    async function seed(s: PostmortemsStores = stores) {
      const create = (input: PostmortemInput) =>
        s.postmortems.createPostmortem(input, ALICE);
      const p1 = await create(
        incident(
          [ROBO],
          '2026-09-10T00:00:00.000Z',
          {
            detect: 30,
            resolve: 120,
          },
          { severity: 'sev1', detection: 'customer_report' },
        ),
      );
      const p2 = await create(
        incident(
          [ROBO, WORKER],
          '2026-10-05T00:00:00.000Z',
          {
            detect: 10,
            resolve: 60,
          },
          { severity: 'sev2', detection: 'monitoring_alert' },
        ),
      );
      // November in Tokyo (00:30 on the 1st), October in UTC.
      const p3 = await create(
        incident(
          [WORKER],
          '2026-10-31T15:30:00.000Z',
          { detect: 20 },
          {
            severity: 'sev3',
            detection: 'customer_report',
          },
        ),
      );
      const p4 = await create(
        incident(
          [ROBO],
          '2026-11-02T00:00:00.000Z',
          {
            detect: 40,
            resolve: 100,
          },
          { severity: 'sev2', detection: 'internal_discovery' },
        ),
      );
      // Before the range: its items count, its incident does not.
      const p5 = await create(
        incident(
          [GATEWAY],
          '2026-08-15T00:00:00.000Z',
          {},
          {
            severity: 'sev4',
            detection: 'other',
          },
        ),
      );
      const p6 = await create(
        incident(
          [ROBO],
          '2026-11-10T00:00:00.000Z',
          { detect: 5 },
          {
            severity: 'sev1',
          },
        ),
      );
      // A draft counts like any other.
      const p7 = await create(
        incident(
          [ROBO],
          '2026-09-20T00:00:00.000Z',
          { resolve: 300 },
          {
            severity: 'sev3',
            detection: 'customer_report',
            status: 'draft',
          },
        ),
      );

      const sep11 = '2026-09-11T00:00:00.000Z';
      // Closed 23:00 on its due day in Tokyo.
      await item(
        p1.id,
        sep11,
        { owner: ALICE, dueDate: '2026-09-30' },
        {
          at: '2026-09-30T14:00:00.000Z',
        },
      );
      // Closed at 00:30 on the day after its due day in Tokyo (still the
      // due day in UTC).
      await item(
        p1.id,
        sep11,
        { owner: BOB, dueDate: '2026-10-15' },
        {
          at: '2026-10-15T15:30:00.000Z',
        },
      );
      await item(p1.id, sep11, { owner: ALICE, dueDate: '2026-11-01' });
      const oct6 = '2026-10-06T00:00:00.000Z';
      await item(p2.id, oct6, {
        owner: SRE,
        dueDate: '2026-12-15',
        status: 'in_progress',
      });
      await item(
        p2.id,
        oct6,
        {},
        {
          at: '2026-10-20T00:00:00.000Z',
          status: 'wont_do',
        },
      );
      // Exactly 30 days old today in Tokyo, and one second older: 31 days.
      await item(p2.id, '2026-10-20T15:00:00.000Z', { owner: SRE });
      await item(p2.id, '2026-10-20T14:59:59.000Z', { owner: SRE });
      await item(
        p3.id,
        '2026-11-01T00:00:00.000Z',
        {
          owner: BOB,
          dueDate: '2026-11-05',
        },
        { at: '2026-11-05T10:00:00.000Z' },
      );
      const nov3 = '2026-11-03T00:00:00.000Z';
      await item(p4.id, nov3, { owner: ALICE, dueDate: '2026-11-25' });
      await item(p4.id, nov3, { owner: ALICE, dueDate: '2026-11-10' });
      await item(p5.id, '2026-03-01T00:00:00.000Z', {
        owner: BOB,
        dueDate: '2026-04-01',
      });
      await item(
        p5.id,
        '2026-08-16T00:00:00.000Z',
        {
          owner: BOB,
          dueDate: '2026-09-15',
        },
        { at: '2026-09-14T00:00:00.000Z' },
      );
      await item(p6.id, nov3, { owner: ALICE, dueDate: '2026-11-04' });
      await item(p7.id, '2026-07-01T00:00:00.000Z', {});
      await s.postmortems.deletePostmortem(p6.id, ALICE);

      await s.readingSessions.createReadingSession(
        {
          ownerGroup: SRE,
          scheduledAt: '2026-11-12T06:00:00.000Z',
          postmortemId: p1.id,
          status: 'held',
        },
        ALICE,
      );
      await s.readingSessions.createReadingSession(
        {
          ownerGroup: SRE,
          scheduledAt: '2026-11-26T06:00:00.000Z',
          postmortemId: p4.id,
        },
        ALICE,
      );
      await s.readingSessions.createReadingSession(
        {
          ownerGroup: SRE,
          scheduledAt: '2026-10-15T06:00:00.000Z',
          postmortemId: p5.id,
          status: 'held',
        },
        ALICE,
      );
    }

    const range = { from: '2026-09', to: '2026-11' };

    /** Where insights are asked: a zone and today. */
    interface Where {
      timezone: string;
      now: Date;
    }

    /**
     * A scope's insights from the grouped statements over the postmortems
     * and items, and the same from the rollups (built in the zone, or kept
     * in step by the writes since a build): both must agree, always.
     */
    async function insightsOf(
      entityRefs: string[],
      where: Where = { timezone: 'Asia/Tokyo', now: NOW },
      request = range,
    ): Promise<Insights> {
      const context = new StoreContext(db(), () => where.now, where.timezone);
      const asked = { entityRefs, ...request };
      const insights = await new DatabaseInsights(context, {
        ignoreRollups: true,
      }).getInsights(asked);
      // The shape the API documents, exactly.
      expect(insightsSchema.parse(insights)).toEqual(insights);
      // Built on NOW's day; asked on other days, the overdue are counted
      // forward or back from it.
      await buildInsightsRollups(db(), where.timezone, { clock: () => NOW });
      expect(await new DatabaseInsights(context).getInsights(asked)).toEqual(
        insights,
      );
      return insights;
    }

    /** Insights asked in another zone, or on another day. */
    const insightsIn = (timezone: string, now = NOW): Where => ({
      timezone,
      now,
    });

    // The items closed within the range, from creation to completion.
    const closing = {
      alice: days('2026-09-11T00:00:00.000Z', '2026-09-30T14:00:00.000Z'),
      bob: days('2026-09-11T00:00:00.000Z', '2026-10-15T15:30:00.000Z'),
      unassigned: 14,
      worker: days('2026-11-01T00:00:00.000Z', '2026-11-05T10:00:00.000Z'),
      gateway: days('2026-08-16T00:00:00.000Z', '2026-09-14T00:00:00.000Z'),
    };

    it("computes a service's insights: every aggregate of the data set", async () => {
      await seed();
      expect(await insightsOf([ROBO])).toEqual({
        range: { ...range, timezone: 'Asia/Tokyo' },
        entityRefs: [ROBO],
        incidents: [
          { month: '2026-09', total: 2, ...zeros, sev1: 1, sev3: 1 },
          { month: '2026-10', total: 1, ...zeros, sev2: 1 },
          { month: '2026-11', total: 1, ...zeros, sev2: 1 },
        ],
        detection: [
          {
            month: '2026-09',
            ...noDetections,
            customer_report: 2,
            customerShare: 1,
          },
          {
            month: '2026-10',
            ...noDetections,
            monitoring_alert: 1,
            customerShare: 0,
          },
          {
            month: '2026-11',
            ...noDetections,
            internal_discovery: 1,
            customerShare: 0,
          },
        ],
        durations: [
          // One time to detect (odd); two to resolve (even).
          {
            quarter: '2026-Q3',
            incidents: 2,
            medianMinutesToDetect: 30,
            medianMinutesToResolve: 210,
          },
          {
            quarter: '2026-Q4',
            incidents: 2,
            medianMinutesToDetect: 25,
            medianMinutesToResolve: 80,
          },
        ],
        actionItems: {
          months: [
            { month: '2026-09', opened: 3, closed: 1 },
            { month: '2026-10', opened: 4, closed: 2 },
            { month: '2026-11', opened: 2, closed: 0 },
          ],
          openByAge: {
            days0to30: 3,
            days31to90: 3,
            days91to180: 1,
            over180: 0,
          },
          medianDaysToClose: expect.closeTo(closing.alice, 9),
          dueInRange: 4,
          closedByDueDate: 1,
          closedByDueDateShare: 0.25,
        },
        reading: { postmortems: 4, read: 1, share: 0.25 },
        owners: [
          {
            owner: ALICE,
            open: 3,
            overdue: 2,
            closed: 1,
            medianDaysToClose: expect.closeTo(closing.alice, 9),
          },
          {
            owner: SRE,
            open: 3,
            overdue: 0,
            closed: 0,
            medianDaysToClose: null,
          },
          {
            owner: null,
            open: 1,
            overdue: 0,
            closed: 1,
            medianDaysToClose: expect.closeTo(closing.unassigned, 9),
          },
          {
            owner: BOB,
            open: 0,
            overdue: 0,
            closed: 1,
            medianDaysToClose: expect.closeTo(closing.bob, 9),
          },
        ],
        topEntities: { byIncidents: [], byOverdueItems: [] },
      });
    });

    it("computes a team's insights over its entities, each postmortem once", async () => {
      await seed();
      const team = await insightsOf([ROBO, WORKER, ROBO]);
      expect(team.entityRefs).toEqual([ROBO, WORKER]);
      expect(team.incidents).toEqual([
        { month: '2026-09', total: 2, ...zeros, sev1: 1, sev3: 1 },
        { month: '2026-10', total: 1, ...zeros, sev2: 1 },
        { month: '2026-11', total: 2, ...zeros, sev2: 1, sev3: 1 },
      ]);
      expect(team.detection[2]).toEqual({
        month: '2026-11',
        ...noDetections,
        customer_report: 1,
        internal_discovery: 1,
        customerShare: 0.5,
      });
      // Three times to detect (odd): 10, 20, 40; two to resolve: 60, 100.
      expect(team.durations[1]).toEqual({
        quarter: '2026-Q4',
        incidents: 3,
        medianMinutesToDetect: 20,
        medianMinutesToResolve: 80,
      });
      expect(team.actionItems).toEqual({
        months: [
          { month: '2026-09', opened: 3, closed: 1 },
          { month: '2026-10', opened: 4, closed: 2 },
          { month: '2026-11', opened: 3, closed: 1 },
        ],
        openByAge: { days0to30: 3, days31to90: 3, days91to180: 1, over180: 0 },
        // Four closed (even): the mean of the middle two.
        medianDaysToClose: expect.closeTo(
          (closing.unassigned + closing.alice) / 2,
          9,
        ),
        dueInRange: 5,
        closedByDueDate: 2,
        closedByDueDateShare: 0.4,
      });
      expect(team.reading).toEqual({ postmortems: 5, read: 1, share: 0.2 });
      expect(team.owners.map(o => o.owner)).toEqual([ALICE, SRE, null, BOB]);
      expect(team.owners[3]).toEqual({
        owner: BOB,
        open: 0,
        overdue: 0,
        closed: 2,
        medianDaysToClose: expect.closeTo(
          (closing.bob + closing.worker) / 2,
          9,
        ),
      });
      expect(team.topEntities).toEqual({ byIncidents: [], byOverdueItems: [] });
    });

    it("computes the portal's insights, with the entities on top", async () => {
      await seed();
      const portal = await insightsOf([]);
      expect(portal.entityRefs).toEqual([]);
      expect(portal.incidents.map(m => m.total)).toEqual([2, 1, 2]);
      expect(portal.actionItems).toEqual({
        months: [
          { month: '2026-09', opened: 3, closed: 2 },
          { month: '2026-10', opened: 4, closed: 2 },
          { month: '2026-11', opened: 3, closed: 1 },
        ],
        openByAge: { days0to30: 3, days31to90: 3, days91to180: 1, over180: 1 },
        // Five closed (odd): 4.4, 14, 19.6, 29, 34.6 days.
        medianDaysToClose: expect.closeTo(closing.alice, 9),
        dueInRange: 6,
        closedByDueDate: 3,
        closedByDueDateShare: 0.5,
      });
      // The held session of the postmortem before the range does not count.
      expect(portal.reading).toEqual({ postmortems: 5, read: 1, share: 0.2 });
      expect(portal.owners).toEqual([
        expect.objectContaining({ owner: ALICE, open: 3, overdue: 2 }),
        expect.objectContaining({ owner: SRE, open: 3, overdue: 0 }),
        {
          owner: BOB,
          open: 1,
          overdue: 1,
          closed: 3,
          medianDaysToClose: expect.closeTo(closing.gateway, 9),
        },
        expect.objectContaining({ owner: null, open: 1, overdue: 0 }),
      ]);
      // The deleted postmortem's overdue item is not counted.
      expect(portal.topEntities).toEqual({
        byIncidents: [
          { entityRef: ROBO, count: 4 },
          { entityRef: WORKER, count: 2 },
        ],
        byOverdueItems: [
          { entityRef: ROBO, count: 2 },
          { entityRef: GATEWAY, count: 1 },
        ],
      });
    });

    it('buckets by the months of the zone: 2026-10-31T15:30Z is November in Tokyo, October in UTC', async () => {
      await seed();
      const tokyo = await insightsOf([WORKER]);
      expect(tokyo.incidents.map(m => [m.month, m.total])).toEqual([
        ['2026-09', 0],
        ['2026-10', 1],
        ['2026-11', 1],
      ]);
      const utc = await insightsOf([WORKER], insightsIn('UTC'));
      expect(utc.range.timezone).toBe('UTC');
      expect(utc.incidents.map(m => [m.month, m.total])).toEqual([
        ['2026-09', 0],
        ['2026-10', 2],
        ['2026-11', 0],
      ]);
      // Closed at 00:30 in Tokyo the day after it was due, 15:30 on the due
      // day in UTC.
      const robo = await insightsOf([ROBO], insightsIn('UTC'));
      expect(robo.actionItems.closedByDueDate).toBe(2);
    });

    it('follows daylight saving time: month starts and due days in New York', async () => {
      const ny = insightsIn(
        'America/New_York',
        new Date('2026-12-10T12:00:00Z'),
      );
      const create = (startedAt: string) =>
        stores.postmortems.createPostmortem(
          incident([CUSTOMER_PORTAL], startedAt, {}),
          ALICE,
        );
      const october = await create('2026-10-10T00:00:00.000Z');
      await create('2026-11-01T03:30:00.000Z'); // 23:30 EDT, October 31
      await create('2026-11-01T04:30:00.000Z'); // 00:30 EDT, November 1
      await create('2026-12-01T04:30:00.000Z'); // 23:30 EST, November 30
      await create('2026-12-01T05:30:00.000Z'); // 00:30 EST, December 1
      const created = '2026-10-11T00:00:00.000Z';
      const closedAt = async (dueDate: string, closed: string) =>
        item(october.id, created, { dueDate }, { at: closed });
      await closedAt('2026-10-15', '2026-10-16T03:30:00.000Z'); // 23:30 EDT
      await closedAt('2026-10-15', '2026-10-16T04:30:00.000Z'); // 00:30 EDT
      await closedAt('2026-11-05', '2026-11-06T04:30:00.000Z'); // 23:30 EST
      await closedAt('2026-11-05', '2026-11-06T05:30:00.000Z'); // 00:30 EST

      const request = { from: '2026-10', to: '2026-11' };
      const inNewYork = await insightsOf([CUSTOMER_PORTAL], ny, request);
      expect(inNewYork.incidents.map(m => m.total)).toEqual([2, 2]);
      expect(inNewYork.actionItems).toMatchObject({
        dueInRange: 4,
        closedByDueDate: 2,
      });
      const inUtc = await insightsOf(
        [CUSTOMER_PORTAL],
        insightsIn('UTC', new Date('2026-12-10T12:00:00Z')),
        request,
      );
      expect(inUtc.incidents.map(m => m.total)).toEqual([1, 2]);
      expect(inUtc.actionItems.closedByDueDate).toBe(0);
    });

    it('finds the medians JavaScript finds, per quarter, per owner and overall, over many values with ties', async () => {
      const r = random(15);
      const median = (values: number[]) => {
        if (values.length === 0) return null;
        const sorted = [...values].sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        return sorted.length % 2
          ? sorted[mid]
          : (sorted[mid - 1] + sorted[mid]) / 2;
      };
      // Tokyo's 2026-04 to 2026-09: Q2 and Q3.
      const request = { from: '2026-04', to: '2026-09' };
      const rangeStart = Date.parse('2026-03-31T15:00:00Z');
      const span = Date.parse('2026-09-30T15:00:00Z') - rangeStart;
      const toDetect: Record<string, number[]> = { Q2: [], Q3: [] };
      const toResolve: Record<string, number[]> = { Q2: [], Q3: [] };
      const owners = [ALICE, BOB, SRE, null];
      const closings = new Map<string | null, number[]>(
        owners.map(o => [o, []]),
      );
      let last: { id: string } | undefined;
      for (let i = 0; i < 23; i++) {
        const start = rangeStart + r.int(span / MINUTE) * MINUTE;
        // Whole minutes from a few values, so that there are ties.
        const detect = r.next() < 0.2 ? undefined : 5 * r.int(8);
        const resolve = r.next() < 0.3 ? undefined : 60 + 30 * r.int(6);
        const startedAt = new Date(start).toISOString();
        const quarter = startedAt < '2026-06-30T15:00:00.000Z' ? 'Q2' : 'Q3';
        if (detect !== undefined) toDetect[quarter].push(detect);
        if (resolve !== undefined) toResolve[quarter].push(resolve);
        last = await stores.postmortems.createPostmortem(
          incident([ROBO], startedAt, { detect, resolve }),
          ALICE,
        );
      }
      for (let i = 0; i < 41; i++) {
        const owner = r.pick(owners);
        const created = rangeStart + r.int(span / 2 / MINUTE) * MINUTE;
        const hours = r.int(6) * 12;
        const closedAt = new Date(created + hours * 3_600_000).toISOString();
        closings.get(owner)!.push(Math.floor(hours / 24));
        await item(
          last!.id,
          new Date(created).toISOString(),
          { owner },
          {
            at: closedAt,
          },
        );
      }

      const insights = await insightsOf([ROBO], undefined, request);
      expect(insights.durations).toEqual([
        {
          quarter: '2026-Q2',
          incidents: expect.any(Number),
          medianMinutesToDetect: median(toDetect.Q2),
          medianMinutesToResolve: median(toResolve.Q2),
        },
        {
          quarter: '2026-Q3',
          incidents: expect.any(Number),
          medianMinutesToDetect: median(toDetect.Q3),
          medianMinutesToResolve: median(toResolve.Q3),
        },
      ]);
      expect(
        insights.durations[0].incidents + insights.durations[1].incidents,
      ).toBe(23);
      expect(insights.actionItems.medianDaysToClose).toBeCloseTo(
        median([...closings.values()].flat())!,
        9,
      );
      for (const owner of owners) {
        expect(insights.owners.find(o => o.owner === owner)).toEqual({
          owner,
          open: 0,
          overdue: 0,
          closed: closings.get(owner)!.length,
          medianDaysToClose: expect.closeTo(median(closings.get(owner)!)!, 9),
        });
      }
    });

    it('gives zeros and nulls for a scope without postmortems, every month and quarter present', async () => {
      await seed();
      const empty = await insightsOf(['component:default/nothing'], undefined, {
        from: '2026-01',
        to: '2026-12',
      });
      const months = Array.from(
        { length: 12 },
        (_, i) => `2026-${String(i + 1).padStart(2, '0')}`,
      );
      expect(empty).toEqual({
        range: { from: '2026-01', to: '2026-12', timezone: 'Asia/Tokyo' },
        entityRefs: ['component:default/nothing'],
        incidents: months.map(month => ({ month, total: 0, ...zeros })),
        detection: months.map(month => ({
          month,
          ...noDetections,
          customerShare: null,
        })),
        durations: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map(
          quarter => ({
            quarter,
            incidents: 0,
            medianMinutesToDetect: null,
            medianMinutesToResolve: null,
          }),
        ),
        actionItems: {
          months: months.map(month => ({ month, opened: 0, closed: 0 })),
          openByAge: {
            days0to30: 0,
            days31to90: 0,
            days91to180: 0,
            over180: 0,
          },
          medianDaysToClose: null,
          dueInRange: 0,
          closedByDueDate: 0,
          closedByDueDateShare: null,
        },
        reading: { postmortems: 0, read: 0, share: null },
        owners: [],
        topEntities: { byIncidents: [], byOverdueItems: [] },
      });
    });

    it('gives the empty portal, and a range of one month or of five years', async () => {
      const portal = await insightsOf([], undefined, {
        from: '2026-11',
        to: '2026-11',
      });
      expect(portal.incidents).toEqual([
        { month: '2026-11', total: 0, ...zeros },
      ]);
      expect(portal.durations.map(d => d.quarter)).toEqual(['2026-Q4']);
      expect(portal.topEntities).toEqual({
        byIncidents: [],
        byOverdueItems: [],
      });
      const long = await insightsOf([], undefined, {
        from: '2021-12',
        to: '2026-11',
      });
      expect(long.incidents).toHaveLength(60);
      expect(long.durations).toHaveLength(21);
      await expect(
        stores.insights.getInsights({
          entityRefs: [],
          from: '2021-11',
          to: '2026-11',
        }),
      ).rejects.toThrow(/1 to 60 months/);
      await expect(
        stores.insights.getInsights({
          entityRefs: [],
          from: '2026-11',
          to: '2026-10',
        }),
      ).rejects.toThrow(/1 to 60 months/);
    });

    it('gives an answer again until a write changes what its scope counts', async () => {
      await seed();
      await buildInsightsRollups(db(), 'Asia/Tokyo', { clock: () => NOW });
      const context = new StoreContext(db(), () => NOW, 'Asia/Tokyo');
      const insights = new DatabaseInsights(context);
      const fresh = (entityRefs: string[]) =>
        new DatabaseInsights(context, { ignoreRollups: true }).getInsights({
          entityRefs,
          ...range,
        });
      const ask = (entityRefs: string[]) =>
        insights.getInsights({ entityRefs, ...range });
      const robo = await ask([ROBO]);
      const team = await ask([ROBO, WORKER]);
      const portal = await ask([]);
      expect(await ask([ROBO])).toBe(robo);
      expect(await ask([ROBO, WORKER])).toBe(team);
      expect(await ask([])).toBe(portal);
      // Another range is another answer.
      expect(
        await insights.getInsights({
          entityRefs: [ROBO],
          from: '2026-10',
          to: '2026-11',
        }),
      ).not.toBe(robo);

      // A postmortem about the gateway: the portal's answer changes, the
      // others' stay.
      const pm = await stores.postmortems.createPostmortem(
        incident([GATEWAY], '2026-11-02T00:00:00.000Z', { resolve: 30 }),
        ALICE,
      );
      expect(await ask([ROBO])).toBe(robo);
      expect(await ask([ROBO, WORKER])).toBe(team);
      expect(await ask([])).not.toBe(portal);
      expect(await ask([])).toEqual(await fresh([]));

      // An item on it owned by the worker's team changes nothing of the
      // robo's; the postmortem moved to the worker changes the team's.
      await item(pm.id, '2026-11-03T00:00:00.000Z', { owner: BOB });
      expect(await ask([ROBO])).toBe(robo);
      await stores.postmortems.updatePostmortem(
        pm.id,
        pm.version,
        { entityRefs: [WORKER] },
        ALICE,
      );
      expect(await ask([ROBO])).toBe(robo);
      expect(await ask([ROBO, WORKER])).not.toBe(team);
      expect(await ask([ROBO, WORKER])).toEqual(await fresh([ROBO, WORKER]));
      expect(await ask([WORKER])).toEqual(await fresh([WORKER]));

      // A title changes no count: the answers stay.
      const worker = await ask([WORKER]);
      const current = (await stores.postmortems.getPostmortem(pm.id))!;
      await stores.postmortems.updatePostmortem(
        pm.id,
        current.version,
        { title: 'Renamed' },
        ALICE,
      );
      expect(await ask([WORKER])).toBe(worker);

      // Asked on another day (the overdue and the ages move): asked anew.
      const tomorrow = new DatabaseInsights(
        new StoreContext(
          db(),
          () => new Date(NOW.getTime() + DAY),
          'Asia/Tokyo',
        ),
      );
      expect(
        await tomorrow.getInsights({ entityRefs: [WORKER], ...range }),
      ).not.toBe(worker);
    });

    it('keeps the rollups in step with every write after they are built', async () => {
      // Built on the empty tables: from here on only the writes count.
      await buildInsightsRollups(db(), 'Asia/Tokyo', { clock: () => NOW });
      const refs = [ROBO, WORKER, GATEWAY, CUSTOMER_PORTAL];
      // One store asked all along: an answer it keeps must not outlive a
      // write that changes it.
      const context = new StoreContext(db(), () => NOW, 'Asia/Tokyo');
      const asker = new DatabaseInsights(context);
      const keptAgree = async () => {
        for (const entityRefs of [[ROBO], [WORKER, ROBO, GATEWAY], refs, []]) {
          const asked = { entityRefs, ...range };
          expect(await asker.getInsights(asked)).toEqual(
            await new DatabaseInsights(context, {
              ignoreRollups: true,
            }).getInsights(asked),
          );
        }
      };
      await keptAgree();
      await seed();
      await keptAgree();
      const r = random(16);
      const owners = [ALICE, BOB, SRE, undefined];
      const statuses = ['open', 'in_progress', 'done', 'wont_do'] as const;
      const created: Array<{ id: string; version: number }> = [];
      for (let i = 0; i < 12; i++) {
        const started = Date.parse('2026-06-01T00:00:00Z') + r.int(170) * DAY;
        created.push(
          await stores.postmortems.createPostmortem(
            incident(
              refs.filter(() => r.next() < 0.5).concat(r.pick(refs)),
              new Date(started).toISOString(),
              { detect: r.int(90), resolve: 60 + r.int(600) },
              {
                severity: r.pick(['sev1', 'sev2', 'sev3', 'sev4'] as const),
                detection: r.pick([
                  'customer_report',
                  'monitoring_alert',
                  'internal_discovery',
                ] as const),
              },
            ),
            ALICE,
          ),
        );
      }
      await keptAgree();
      const items: Array<{ id: string; version: number }> = [];
      for (let i = 0; i < 40; i++) {
        const on = r.pick(created);
        const day = new Date(
          Date.parse('2026-08-01T00:00:00Z') + r.int(120) * DAY,
        );
        items.push(
          await item(on.id, day.toISOString(), {
            owner: r.pick(owners),
            dueDate:
              r.next() < 0.8 ? day.toISOString().slice(0, 10) : undefined,
          }),
        );
      }
      await keptAgree();
      // Items closed, reopened, moved to another due day, deleted.
      for (let i = 0; i < 30; i++) {
        const k = r.int(items.length);
        const target = items[k];
        if (r.next() < 0.15) {
          await stores.actionItems.deleteActionItem(target.id);
          items.splice(k, 1);
          continue;
        }
        setNow(new Date(Date.parse('2026-09-01T00:00:00Z') + r.int(80) * DAY));
        items[k] = await stores.actionItems.updateActionItem(
          target.id,
          target.version,
          r.next() < 0.7
            ? { status: r.pick(statuses) }
            : { dueDate: '2026-11-03', owner: r.pick(owners) ?? null },
          ALICE,
        );
        setNow(NOW);
      }
      await keptAgree();
      // Postmortems about other entities, started on another day, deleted
      // and restored; sessions held on them.
      for (const [i, pm] of created.entries()) {
        if (i % 3 === 0) {
          created[i] = await stores.postmortems.updatePostmortem(
            pm.id,
            pm.version,
            {
              entityRefs: [r.pick(refs), r.pick(refs)].filter(
                (x, j, all) => all.indexOf(x) === j,
              ),
            },
            ALICE,
          );
        } else if (i % 3 === 1) {
          created[i] = await stores.postmortems.updatePostmortem(
            pm.id,
            pm.version,
            { startedAt: '2026-10-31T15:30:00.000Z', severity: 'sev1' },
            ALICE,
          );
        } else {
          await stores.postmortems.deletePostmortem(pm.id, ALICE);
          if (i % 2 === 0) {
            await stores.postmortems.restorePostmortem(pm.id, ALICE);
          }
        }
      }
      await keptAgree();
      const session = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: SRE,
          scheduledAt: '2026-10-20T06:00:00.000Z',
          postmortemId: created[0].id,
        },
        ALICE,
      );
      const held = await stores.readingSessions.updateReadingSession(
        session.id,
        session.version,
        { status: 'held' },
        ALICE,
      );
      await stores.readingSessions.updateReadingSession(
        held.id,
        held.version,
        { postmortemId: created[1].id },
        ALICE,
      );
      await keptAgree();
      expect(await db()('insights_rollup_state').first()).toMatchObject({
        complete: expect.anything(),
      });
      for (const scope of [[ROBO], [WORKER, ROBO, GATEWAY], refs, []]) {
        for (const request of [range, { from: '2026-05', to: '2027-01' }]) {
          // Each compares the rollups kept in step with the statements.
          await insightsOf(scope, undefined, request);
        }
      }
      // Asked before and after the day the overdue were counted on.
      for (const now of ['2026-10-01T00:00:00Z', '2026-12-24T00:00:00Z']) {
        const portal = await insightsOf(
          [],
          insightsIn('Asia/Tokyo', new Date(now)),
          range,
        );
        expect(portal.topEntities.byOverdueItems.length).toBeGreaterThan(0);
      }
      // Built again from scratch, a few postmortems at a time: the same.
      const kept = await insightsOf(refs);
      await resetInsightsRollups(db());
      await buildInsightsRollups(db(), 'Asia/Tokyo', { batchSize: 2 });
      expect(
        await new DatabaseInsights(
          new StoreContext(db(), () => NOW, 'Asia/Tokyo'),
        ).getInsights({ entityRefs: refs, ...range }),
      ).toEqual(kept);
    });
  },
);
