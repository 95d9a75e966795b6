import { InputError } from '@backstage/errors';
import {
  DETECTIONS,
  INSIGHTS_MAX_MONTHS,
  Insights,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import {
  InsightsRequest,
  InsightsStore,
} from '@postmortems/backstage-plugin-postmortems-node';
import { toNumber } from './conversions';
import {
  entitiesByOverdueItems,
  movesAndClosings,
  openAndDueByOwner,
} from './insights/actionItemAggregates';
import { InsightsCalendar, insightsCalendar } from './insights/calendar';
import {
  entitiesByIncidents,
  monthlyIncidents,
  quarterlyDurations,
} from './insights/postmortemAggregates';
import { InsightsQueryContext } from './insights/scope';
import { engineSql } from './insights/sql';
import { Row } from './rows';
import { StoreContext } from './StoreContext';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_OWNERS = 50;
/** Calendars kept: a page asks for the same few ranges again and again. */
const CALENDAR_CACHE_SIZE = 32;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** A quotient, or null when there is nothing to divide. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A median from the database in milliseconds, in `unit` milliseconds. */
function medianIn(value: unknown, unit: number): number | null {
  return value === null || value === undefined ? null : Number(value) / unit;
}

/** The grouped rows by their bucket index. */
function byBucket(rows: Row[]): Map<number, Row> {
  return new Map(rows.map(row => [Number(row.bucket), row]));
}

/** Sums a column over grouped rows (the groups' sums, added up). */
function total(rows: Row[], column: string): number {
  return rows.reduce((sum, row) => sum + toNumber(row[column]), 0);
}

/**
 * Insights of a scope, from a handful of grouped statements run side by
 * side: the incidents per month (with severities, detections and
 * readings), the durations per quarter, the items created and closed
 * within the range (per pair of months, and per owner with the medians),
 * the open and due items per owner, and for the portal the entities on
 * top. The database computes every count, sum and median; what is added
 * up here are its group rows (a month's items over its pairs of months,
 * the scope's totals over its owners, the scope's median from the middle
 * one or two values the database picked). Months and quarters are those
 * of the store's zone, their boundaries bound as instants (see
 * `insights/calendar.ts`).
 */
export class DatabaseInsights implements InsightsStore {
  private readonly calendars = new Map<string, InsightsCalendar>();

  constructor(private readonly ctx: StoreContext) {}

  async getInsights(request: InsightsRequest): Promise<Insights> {
    const { from, to } = request;
    const span =
      MONTH.test(from) && MONTH.test(to)
        ? monthNumber(to) - monthNumber(from) + 1
        : 0;
    if (span < 1 || span > INSIGHTS_MAX_MONTHS) {
      throw new InputError(
        `Insights cover 1 to ${INSIGHTS_MAX_MONTHS} months (YYYY-MM), not ${from} to ${to}`,
      );
    }
    const entityRefs = [...new Set(request.entityRefs)];
    const context: InsightsQueryContext = {
      db: this.ctx.db,
      engine: engineSql(this.ctx.db),
      calendar: this.calendarOf(from, to),
      entityRefs,
    };
    const portal = entityRefs.length === 0;
    const [incidents, durations, movesAndClosed, openAndDue, top] =
      await Promise.all([
        monthlyIncidents(context),
        quarterlyDurations(context),
        movesAndClosings(context),
        openAndDueByOwner(context),
        portal
          ? Promise.all([
              entitiesByIncidents(context),
              entitiesByOverdueItems(context),
            ])
          : Promise.resolve([[], []] as Row[][]),
      ]);

    const { calendar } = context;
    const monthRows = byBucket(incidents);
    const quarterRows = byBucket(durations);
    const moves = movesAndClosed.filter(row => row.kind === 'moves');
    const closings = movesAndClosed.filter(row => row.kind === 'closings');
    // The items per pair of months, added up per month.
    const movedIn = (column: 'opened' | 'closed', month: number) =>
      total(
        moves.filter(row => Number(row[column]) === month),
        'n',
      );
    const count = (row: Row | undefined, column: string) =>
      toNumber(row?.[column]);

    const middleCount = total(closings, 'middle_count');
    const dueInRange = total(openAndDue, 'due_count');
    const closedByDueDate = total(openAndDue, 'due_met');
    const incidentCount = total(incidents, 'total');
    const readCount = total(incidents, 'read_count');

    return {
      range: { from, to, timezone: this.ctx.timezone },
      entityRefs,
      incidents: calendar.months.map((month, i) => {
        const row = monthRows.get(i);
        return {
          month,
          total: count(row, 'total'),
          ...(Object.fromEntries(
            SEVERITIES.map(severity => [severity, count(row, severity)]),
          ) as Record<(typeof SEVERITIES)[number], number>),
        };
      }),
      detection: calendar.months.map((month, i) => {
        const row = monthRows.get(i);
        const counts = Object.fromEntries(
          DETECTIONS.map(detection => [detection, count(row, detection)]),
        ) as Record<(typeof DETECTIONS)[number], number>;
        return {
          month,
          ...counts,
          customerShare: share(counts.customer_report, count(row, 'total')),
        };
      }),
      durations: calendar.quarters.map((quarter, i) => {
        const row = quarterRows.get(i);
        return {
          quarter,
          incidents: count(row, 'incidents'),
          medianMinutesToDetect: medianIn(row?.median_to_detect, MINUTE_MS),
          medianMinutesToResolve: medianIn(row?.median_to_resolve, MINUTE_MS),
        };
      }),
      actionItems: {
        months: calendar.months.map((month, i) => ({
          month,
          opened: movedIn('opened', i),
          closed: movedIn('closed', i),
        })),
        openByAge: {
          days0to30: total(openAndDue, 'age_0_30'),
          days31to90: total(openAndDue, 'age_31_90'),
          days91to180: total(openAndDue, 'age_91_180'),
          over180: total(openAndDue, 'age_over_180'),
        },
        medianDaysToClose:
          middleCount === 0
            ? null
            : total(closings, 'middle_ms') / middleCount / DAY_MS,
        dueInRange,
        closedByDueDate,
        closedByDueDateShare: share(closedByDueDate, dueInRange),
      },
      reading: {
        postmortems: incidentCount,
        read: readCount,
        share: share(readCount, incidentCount),
      },
      owners: ownersOf(openAndDue, closings),
      topEntities: {
        byIncidents: top[0].map(entityCount),
        byOverdueItems: top[1].map(entityCount),
      },
    };
  }

  /** The calendar of a range on today's date, built once per day. */
  private calendarOf(from: string, to: string): InsightsCalendar {
    const today = this.ctx.today();
    const key = `${from}/${to}/${today}`;
    let calendar = this.calendars.get(key);
    if (!calendar) {
      calendar = insightsCalendar(from, to, this.ctx.timezone, today);
      if (this.calendars.size >= CALENDAR_CACHE_SIZE) {
        this.calendars.delete(this.calendars.keys().next().value!);
      }
      this.calendars.set(key, calendar);
    }
    return calendar;
  }
}

function entityCount(row: Row) {
  return { entityRef: row.entity_ref as string, count: toNumber(row.n) };
}

/**
 * The owners' rows of both groupings side by side: those with open items
 * first, most open first, then most overdue, most closed, and by ref
 * (unassigned last); at most 50, none with nothing open and nothing closed.
 */
function ownersOf(openAndDue: Row[], closings: Row[]): Insights['owners'] {
  const owners = new Map<string | null, Insights['owners'][number]>();
  const entry = (owner: string | null) => {
    let found = owners.get(owner);
    if (!found) {
      found = {
        owner,
        open: 0,
        overdue: 0,
        closed: 0,
        medianDaysToClose: null,
      };
      owners.set(owner, found);
    }
    return found;
  };
  for (const row of openAndDue) {
    const owner = entry(row.owner ?? null);
    owner.open = toNumber(row.open_count);
    owner.overdue = toNumber(row.overdue);
  }
  for (const row of closings) {
    const owner = entry(row.owner ?? null);
    owner.closed = toNumber(row.n);
    owner.medianDaysToClose = medianIn(row.median_to_close, DAY_MS);
  }
  const byRef = (a: string | null, b: string | null) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
  };
  return [...owners.values()]
    .filter(owner => owner.open > 0 || owner.closed > 0)
    .sort(
      (a, b) =>
        b.open - a.open ||
        b.overdue - a.overdue ||
        b.closed - a.closed ||
        byRef(a.owner, b.owner),
    )
    .slice(0, MAX_OWNERS);
}
