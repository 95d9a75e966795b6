import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import postmortemsPlugin from '@postmortems/backstage-plugin-postmortems-backend';
import type { AddressInfo } from 'node:net';
import { postmortemsExampleDataModule } from '.';
import { ExamplePostmortem, examplePostmortems } from './postmortems';
import { exampleReadingSessions } from './readingSessions';

/*
 * GET /insights on the example data as the app seeds it, against counts
 * worked out here in plain JavaScript from the example objects: what the
 * charts of a service, a team and the portal show is what the data says.
 */

jest.setTimeout(120_000);

const databases = TestDatabases.create();

// Mid-month, mid-day in Tokyo: the example data is relative to now.
const NOW = new Date('2026-11-18T03:00:00.000Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ROBO = 'component:default/seikyu-kanri-robo';
// What group:default/billing-team owns in examples/entities.yaml.
const BILLING_TEAM = [
  'system:default/billing',
  ROBO,
  'component:default/billing-batch-worker',
  'component:default/customer-portal',
];

/** Tokyo is UTC+9 all year. */
const tokyoDay = (at: Date) =>
  new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 10);
const tokyoMonth = (at: Date) => tokyoDay(at).slice(0, 7);

function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [y, m] = from.split('-').map(Number); ; m++) {
    if (m > 12) {
      y++;
      m = 1;
    }
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month === to) return months;
  }
}

const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const share = (part: number, whole: number) => (whole ? part / whole : null);

/** Refs in code point order, unassigned (null) last. */
function byRef(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The expected answer with its fractions compared to nine decimals: a
 * median in minutes divided here and in the database need not round alike.
 */
function approximately(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return expect.closeTo(value, 9);
  }
  if (Array.isArray(value)) {
    return value.map(approximately);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, approximately(v)]),
    );
  }
  return value;
}

function topTen(counts: Map<string, number>) {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, 10)
    .map(([entityRef, count]) => ({ entityRef, count }));
}

/** The insights of the example data, counted here. */
function countedInsights(entityRefs: string[], from: string, to: string) {
  const examples = examplePostmortems(NOW);
  const sessions = exampleReadingSessions(NOW);
  const inScope = (e: ExamplePostmortem) =>
    entityRefs.length === 0 ||
    e.postmortem.entityRefs.some(ref => entityRefs.includes(ref));
  const months = monthsFrom(from, to);
  const today = tokyoDay(NOW);
  const lastDay = new Date(
    Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0),
  )
    .toISOString()
    .slice(0, 10);
  const started = (e: ExamplePostmortem) => new Date(e.postmortem.startedAt);
  const incidents = examples.filter(
    e => inScope(e) && months.includes(tokyoMonth(started(e))),
  );
  const heldPicks = new Set(
    sessions.filter(s => s.status === 'held').map(s => s.pick),
  );

  // Whole days and minutes, rounded down, as insights count them. The seed
  // closes an item with `completedAt` then, and creates any other
  // closed item closed.
  const itemsOf = (e: ExamplePostmortem) =>
    [
      ...e.actionItems,
      ...sessions.filter(s => s.pick === e.key).flatMap(s => s.actionItems),
    ].map(item => {
      const closed = item.status === 'done' || item.status === 'wont_do';
      return {
        ...item,
        entityRefs: e.postmortem.entityRefs,
        closed,
        completedAt: closed
          ? (item as { completedAt?: Date }).completedAt ?? item.createdAt
          : undefined,
      };
    });
  const items = examples.filter(inScope).flatMap(itemsOf);
  const open = items.filter(i => !i.closed);
  const overdue = (i: (typeof items)[number]) =>
    !i.closed && !!i.dueDate && i.dueDate < today;
  const closedInRange = items.filter(
    i => i.completedAt && months.includes(tokyoMonth(i.completedAt)),
  );
  const daysToClose = (i: (typeof items)[number]) =>
    Math.floor((i.completedAt!.getTime() - i.createdAt.getTime()) / DAY);
  const due = items.filter(
    i =>
      i.dueDate &&
      i.dueDate >= `${from}-01` &&
      i.dueDate <= lastDay &&
      i.dueDate < today,
  );
  const closedByDueDate = due.filter(
    i => i.completedAt && tokyoDay(i.completedAt) <= i.dueDate!,
  ).length;
  const age = (i: (typeof items)[number]) =>
    (Date.parse(today) - Date.parse(tokyoDay(i.createdAt))) / DAY;
  const minutes = (fromIso: string, toIso?: string | null) =>
    toIso
      ? Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60_000)
      : undefined;
  const quarters = [...new Set(months.map(quarterOf))];

  const owners = [...new Set(items.map(i => i.owner ?? null))]
    .map(owner => {
      const own = items.filter(i => (i.owner ?? null) === owner);
      const closed = closedInRange.filter(i => (i.owner ?? null) === owner);
      return {
        owner,
        open: own.filter(i => !i.closed).length,
        overdue: own.filter(overdue).length,
        closed: closed.length,
        medianDaysToClose: median(closed.map(daysToClose)),
      };
    })
    .filter(o => o.open > 0 || o.closed > 0)
    .sort(
      (a, b) =>
        b.open - a.open ||
        b.overdue - a.overdue ||
        b.closed - a.closed ||
        byRef(a.owner, b.owner),
    );

  const countBy = (refsOf: Array<string[]>) => {
    const counts = new Map<string, number>();
    refsOf.flat().forEach(ref => counts.set(ref, (counts.get(ref) ?? 0) + 1));
    return counts;
  };
  const portal = entityRefs.length === 0;

  return {
    range: { from, to, timezone: 'Asia/Tokyo' },
    entityRefs,
    incidents: months.map(month => {
      const of = incidents.filter(e => tokyoMonth(started(e)) === month);
      const severity = (s: string) =>
        of.filter(e => e.postmortem.severity === s).length;
      return {
        month,
        total: of.length,
        sev1: severity('sev1'),
        sev2: severity('sev2'),
        sev3: severity('sev3'),
        sev4: severity('sev4'),
      };
    }),
    detection: months.map(month => {
      const of = incidents.filter(e => tokyoMonth(started(e)) === month);
      const detected = (d: string) =>
        of.filter(e => e.postmortem.detection === d).length;
      return {
        month,
        customer_report: detected('customer_report'),
        monitoring_alert: detected('monitoring_alert'),
        internal_discovery: detected('internal_discovery'),
        other: detected('other'),
        customerShare: share(detected('customer_report'), of.length),
      };
    }),
    durations: quarters.map(quarter => {
      const of = incidents.filter(
        e => quarterOf(tokyoMonth(started(e))) === quarter,
      );
      const times = (pick: (e: ExamplePostmortem) => number | undefined) =>
        of.map(pick).filter((m): m is number => m !== undefined);
      return {
        quarter,
        incidents: of.length,
        medianMinutesToDetect: median(
          times(e => minutes(e.postmortem.startedAt, e.postmortem.detectedAt)),
        ),
        medianMinutesToResolve: median(
          times(e => minutes(e.postmortem.startedAt, e.postmortem.resolvedAt)),
        ),
      };
    }),
    actionItems: {
      months: months.map(month => ({
        month,
        opened: items.filter(i => tokyoMonth(i.createdAt) === month).length,
        closed: closedInRange.filter(i => tokyoMonth(i.completedAt!) === month)
          .length,
      })),
      openByAge: {
        days0to30: open.filter(i => age(i) <= 30).length,
        days31to90: open.filter(i => age(i) > 30 && age(i) <= 90).length,
        days91to180: open.filter(i => age(i) > 90 && age(i) <= 180).length,
        over180: open.filter(i => age(i) > 180).length,
      },
      medianDaysToClose: median(closedInRange.map(daysToClose)),
      dueInRange: due.length,
      closedByDueDate,
      closedByDueDateShare: share(closedByDueDate, due.length),
    },
    reading: {
      postmortems: incidents.length,
      read: incidents.filter(e => heldPicks.has(e.key)).length,
      share: share(
        incidents.filter(e => heldPicks.has(e.key)).length,
        incidents.length,
      ),
    },
    owners: owners.slice(0, 50),
    topEntities: {
      byIncidents: portal
        ? topTen(countBy(incidents.map(e => e.postmortem.entityRefs)))
        : [],
      byOverdueItems: portal
        ? topTen(countBy(items.filter(overdue).map(i => i.entityRefs)))
        : [],
    },
  };
}

describe.each(databases.eachSupportedId())(
  'GET /insights on the example data, %p',
  databaseId => {
    let baseUrl: string;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      // Only the clock is pinned; timers run as usual.
      jest.useFakeTimers({
        now: NOW,
        advanceTimers: true,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          postmortemsPlugin,
          postmortemsExampleDataModule,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              postmortems: { readingSessions: { timezone: 'Asia/Tokyo' } },
            },
          }),
        ],
      });
      const { port } = backend.server.address() as AddressInfo;
      baseUrl = `http://localhost:${port}/api/postmortems`;
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop?.();
      jest.useRealTimers();
    });

    async function insights(query: string) {
      const response = await fetch(`${baseUrl}/insights${query}`, {
        headers: {
          Authorization: mockCredentials.user.header('user:default/guest'),
        },
      });
      expect(response.status).toBe(200);
      return response.json();
    }

    const thisMonth = tokyoMonth(NOW);

    it.each([
      ['請求管理ロボ', [ROBO]],
      ["the billing team's entities", BILLING_TEAM],
      ['the portal', []],
    ])(
      'gives the numbers of %s that the example data says',
      async (_, refs) => {
        const scope = refs.map(ref => `entityRef=${encodeURIComponent(ref)}`);
        // The default range (the last twelve months), and two years.
        expect(await insights(`?${scope.join('&')}`)).toEqual(
          approximately(countedInsights(refs, '2025-12', thisMonth)),
        );
        expect(
          await insights(
            `?${[...scope, 'from=2024-12', `to=${thisMonth}`].join('&')}`,
          ),
        ).toEqual(approximately(countedInsights(refs, '2024-12', thisMonth)));
      },
    );

    it('counts something in every part, so that the comparison says something', async () => {
      const portal = countedInsights([], '2024-12', thisMonth);
      expect(portal.reading.read).toBeGreaterThan(0);
      expect(portal.actionItems.dueInRange).toBeGreaterThan(0);
      expect(portal.actionItems.closedByDueDate).toBeGreaterThan(0);
      expect(portal.topEntities.byOverdueItems.length).toBeGreaterThan(1);
      expect(
        Object.values(portal.actionItems.openByAge).filter(n => n > 0).length,
      ).toBeGreaterThan(2);
      const robo = countedInsights([ROBO], '2025-12', thisMonth);
      expect(robo.reading.postmortems).toBe(1);
      expect(robo.owners.length).toBeGreaterThan(1);
    });
  },
);
