import { InputError } from '@backstage/errors';
import {
  DETECTIONS,
  INSIGHTS_MAX_MONTHS,
  Insights,
  SEVERITIES,
  isMonth,
  monthSpan,
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
import {
  dueFigures,
  orderOwners,
  readingFigures,
  share,
} from './insights/owners';
import { readVersions, rollupsReady } from './insights/rollups/maintain';
import { rollupInsights } from './insights/rollups/readRollups';
import { engineSql } from './insights/sql';
import { Row } from './rows';
import { StoreContext } from './StoreContext';

/** Calendars kept: a page asks for the same few ranges again and again. */
const CALENDAR_CACHE_SIZE = 32;

/** Answers from the rollups kept, the least recently asked dropped first. */
const ANSWER_CACHE_SIZE = 256;

/** A median from the database (of whole minutes or days). */
function medianOf(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
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

  /**
   * Answers from the rollups by scope, range, day and the versions of the
   * scope's entities (or the portal's) they were computed at: a write that
   * changes the counts of a scope adds 1 to its version, in the database,
   * so an answer is given again only while it is still right, on this
   * instance or any other. An answer given again is the same object: it is
   * not to be changed.
   */
  private readonly answers = new Map<string, Insights>();

  /** Set once the rollups are seen complete in the store's zone. */
  private rollupsComplete = false;

  constructor(
    private readonly ctx: StoreContext,
    private readonly options: {
      /** Answer from the grouped statements even when the rollups are built (tests). */
      ignoreRollups?: boolean;
    } = {},
  ) {}

  async getInsights(request: InsightsRequest): Promise<Insights> {
    const { from, to } = request;
    const span = isMonth(from) && isMonth(to) ? monthSpan(from, to) : 0;
    if (span < 1 || span > INSIGHTS_MAX_MONTHS) {
      throw new InputError(
        `Insights cover 1 to ${INSIGHTS_MAX_MONTHS} months (YYYY-MM), not ${from} to ${to}`,
      );
    }
    const entityRefs = [...new Set(request.entityRefs)];
    const calendar = this.calendarOf(from, to);
    const range = { from, to, timezone: this.ctx.timezone };
    if (await this.useRollups()) {
      const versions = await readVersions(
        this.ctx.db,
        entityRefs.length > 0 ? entityRefs : [''],
      );
      const key = JSON.stringify([
        from,
        to,
        calendar.today,
        entityRefs,
        versions,
      ]);
      const kept = this.answers.get(key);
      if (kept) {
        // Asked again: the most recent now.
        this.answers.delete(key);
        this.answers.set(key, kept);
        return kept;
      }
      const answer: Insights = {
        range,
        entityRefs,
        ...(await rollupInsights({
          db: this.ctx.db,
          timezone: this.ctx.timezone,
          calendar,
          entityRefs,
        })),
      };
      if (this.answers.size >= ANSWER_CACHE_SIZE) {
        this.answers.delete(this.answers.keys().next().value!);
      }
      this.answers.set(key, answer);
      return answer;
    }
    return {
      range,
      entityRefs,
      ...(await this.fromStatements(calendar, entityRefs)),
    };
  }

  /**
   * Whether the rollups answer: once they are complete in the store's zone
   * (which lasts: only a start in another zone builds them anew).
   */
  private async useRollups(): Promise<boolean> {
    if (this.options.ignoreRollups) return false;
    if (!this.rollupsComplete) {
      this.rollupsComplete = await rollupsReady(this.ctx.db, this.ctx.timezone);
    }
    return this.rollupsComplete;
  }

  /** Insights from grouped statements over the postmortems and items. */
  private async fromStatements(
    calendar: InsightsCalendar,
    entityRefs: string[],
  ): Promise<Omit<Insights, 'range' | 'entityRefs'>> {
    const context: InsightsQueryContext = {
      db: this.ctx.db,
      engine: engineSql(this.ctx.db),
      calendar,
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
          medianMinutesToDetect: medianOf(row?.median_to_detect),
          medianMinutesToResolve: medianOf(row?.median_to_resolve),
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
            : total(closings, 'middle_days') / middleCount,
        ...dueFigures(dueInRange, closedByDueDate),
      },
      reading: readingFigures(incidentCount, readCount),
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

/** The owners' rows of both groupings side by side. */
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
    owner.medianDaysToClose = medianOf(row.median_to_close);
  }
  return orderOwners([...owners.values()]);
}
