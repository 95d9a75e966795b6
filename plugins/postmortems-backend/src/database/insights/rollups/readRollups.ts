import {
  DETECTIONS,
  Insights,
  SEVERITIES,
  quarterOfMonth,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { engineOf, toNumber } from '../../conversions';
import { Row } from '../../rows';
import { InsightsCalendar } from '../calendar';
import {
  compareRefs,
  dueFigures,
  orderOwners,
  readingFigures,
  share,
} from '../owners';
import { engineSql, join, list, raw, rowsOf, sql } from '../sql';
import { readFacts } from './facts';
import { readRollupState } from './maintain';
import {
  KeyValue,
  ROLLUP_KEYS,
  RollupTable,
  Tally,
  ZoneDays,
  pairScopes,
  tallyPostmortem,
} from './tally';

/*
 * Insights from the rollups: per table one grouped statement over the
 * scope's rows within the range (a few hundred rows for the busiest
 * entity), the scope's histograms then read off in JavaScript. A team's
 * scope is several entities, whose sum counts a postmortem about two of
 * them twice: the pair scopes of its entities are taken away (each
 * postmortem about exactly two is then counted once), and the rare
 * postmortem about three or more of them is added back, from its own
 * facts, as often as the pairs took it away too many times.
 */

const TOP = 10;

/** The ages of open items read as counts (the oldest is what is left). */
const AGE_BUCKETS = ['days0to30', 'days31to90', 'days91to180'] as const;

/**
 * A condition on a key column, in SQL and in JavaScript alike; or against
 * the state's day of the overdue counts, in SQL alone.
 */
interface Condition {
  column: string;
  op: '>=' | '<=' | '<';
  value: KeyValue | 'overdue_before';
}

function holds(value: KeyValue, { op, value: bound }: Condition): boolean {
  if (op === '>=') return value >= bound;
  if (op === '<=') return value <= bound;
  return value < bound;
}

/** The histogram of a sorted list of (value, count): its median. */
function medianOf(histogram: Map<number, number>): number | null {
  const entries = [...histogram.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  // The 1-based positions of the middle one or two.
  const low = Math.floor((count + 1) / 2);
  const high = Math.floor(count / 2) + 1;
  let seen = 0;
  let lowValue: number | undefined;
  for (const [value, n] of entries) {
    seen += n;
    if (lowValue === undefined && seen >= low) lowValue = value;
    if (seen >= high) return (lowValue! + value) / 2;
  }
  return lowValue!;
}

function addTo<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** What one insights request reads from the rollups. */
export interface RollupQuery {
  db: Knex;
  timezone: string;
  calendar: InsightsCalendar;
  /** The scope's entities; none: the whole portal. */
  entityRefs: string[];
}

/**
 * A key as read: its values after a '' for the scope, null for a column
 * the read did not group by.
 */
type ReadKey = Array<KeyValue | null>;

/**
 * The grouped rows read, per table (or name of a second read): keys and
 * counts. A key may come twice, once from the database and once from a
 * correction; every use adds them up.
 */
class ReadRows {
  private readonly tables = new Map<
    string,
    Array<{ key: ReadKey; n: number }>
  >();

  add(table: string, key: ReadKey, n: number) {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = [];
      this.tables.set(table, rows);
    }
    rows.push({ key, n });
  }

  rows(table: string): Array<{ key: ReadKey; n: number }> {
    return this.tables.get(table) ?? [];
  }
}

/**
 * Where a team's reads are split in two statements: after the incidents,
 * the durations, the items per month and the closings, about half of the
 * work (the reads are listed in `rollupInsights`).
 */
const TEAM_SPLIT = 4;

/** Key columns that hold whole numbers. */
const NUMBER_KEYS = new Set(['minutes', 'days']);
/** The most key columns of a table after `scope`. */
const MAX_KEYS = 4;

/** What to read of a table: its rows that meet the conditions. */
type TableRead = [
  RollupTable,
  Condition[],
  {
    /** Its name in the answer, for a table read twice. */
    as?: string;
    /**
     * The key columns to group by, in the table's order (default: all);
     * the others are summed over, and read as null.
     */
    groupBy?: readonly string[];
    /** Not to be corrected (see `correctionOf`). */
    corrected?: false;
    /** Only the pair scopes, counted as they are, at least this often. */
    pairsAtLeast?: number;
  }?,
];

/**
 * The rows of each table in the scope that meet its conditions, grouped by
 * its keys, in one statement (a UNION ALL of grouped SELECTs, one per
 * table: one round trip instead of twelve), the keys as text; with the
 * correction added that meets the same conditions.
 */
async function readTables(
  query: RollupQuery,
  reads: TableRead[],
  correctionOf: (rows: ReadRows) => Promise<Tally | undefined>,
): Promise<ReadRows> {
  const { db, entityRefs } = query;
  const pairs = pairScopes(entityRefs);
  const engine = engineOf(db);
  // Written out rather than built with Knex, whose compiling of a dozen
  // SELECTs took longer than running them. The names are our own.
  const name = (column: string) =>
    raw(engine === 'mysql' ? `\`${column}\`` : `"${column}"`);
  const text = { pg: 'varchar', mysql: 'CHAR', sqlite: 'TEXT' }[engine];
  const sum =
    pairs.length === 0
      ? raw('SUM(n)')
      : raw(`SUM(CASE WHEN scope LIKE '#%' THEN -n ELSE n END)`);
  const statements = reads.map(([table, conditions, options]) => {
    const keys = ROLLUP_KEYS[table] as readonly string[];
    const grouped = options?.groupBy ?? keys;
    const columns = Array.from({ length: MAX_KEYS }, (_, i) =>
      i < keys.length && grouped.includes(keys[i])
        ? sql`CAST(${name(keys[i])} AS ${raw(text)}) AS k${raw(String(i))}`
        : raw(`CAST(NULL AS ${text}) AS k${i}`),
    );
    let scopes: string[] = [''];
    if (options?.pairsAtLeast) scopes = pairs;
    else if (entityRefs.length > 0) scopes = [...entityRefs, ...pairs];
    const where = [
      sql`scope IN (${list(scopes)})`,
      ...conditions.map(({ column, op, value }) =>
        value === 'overdue_before'
          ? sql`${name(column)} ${raw(
              op,
            )} (SELECT overdue_before FROM insights_rollup_state)`
          : sql`${name(column)} ${raw(op)} ${value}`,
      ),
    ];
    return sql`SELECT ${raw(`'${options?.as ?? table}'`)} AS t, ${join(
      columns,
      ', ',
    )}, ${options?.pairsAtLeast ? raw('SUM(n)') : sum} AS n
      FROM ${raw(table)}
      WHERE ${join(where, ' AND ')}${
      grouped.length > 0
        ? sql` GROUP BY ${join(grouped.map(name), ', ')}`
        : raw('')
    }${
      options?.pairsAtLeast
        ? sql` HAVING SUM(n) >= ${options.pairsAtLeast}`
        : raw('')
    }`;
  });
  // A UNION ALL of one grouped SELECT per read; a team's (ten scopes for
  // four entities) in two halves side by side, which the database runs
  // on two connections at once.
  const parts =
    pairs.length > 0
      ? [statements.slice(0, TEAM_SPLIT), statements.slice(TEAM_SPLIT)]
      : [statements];
  const rows = (
    await Promise.all(
      parts.map(part =>
        rowsOf<Row>(db, join(part, ' UNION ALL '), {
          prepared: 'postmortems_insights',
        }),
      ),
    )
  ).flat();
  const tally = new ReadRows();
  const tables = new Map(
    reads.map(([table, , options]) => [options?.as ?? table, table]),
  );
  for (const row of rows) {
    const table = row.t as string;
    const keys = ROLLUP_KEYS[tables.get(row.t)!] as readonly string[];
    tally.add(
      table,
      [
        '',
        ...keys.map((key, i) => {
          const value = row[`k${i}`];
          if (value === null || value === undefined) return null;
          return NUMBER_KEYS.has(key) ? Number(value) : value;
        }),
      ],
      toNumber(row.n),
    );
  }
  const corrections = await correctionOf(tally);
  for (const [table, conditions, options] of reads) {
    if (options?.corrected === false) continue;
    const keys = ROLLUP_KEYS[table] as readonly string[];
    const grouped = options?.groupBy ?? keys;
    for (const { key, n } of corrections?.rows(table) ?? []) {
      const values = key.slice(1);
      if (
        conditions.every(condition =>
          holds(values[keys.indexOf(condition.column)], condition),
        )
      ) {
        // As the statement reads it: the columns summed over are null.
        tally.add(
          options?.as ?? table,
          [
            key[0],
            ...values.map((v, i) => (grouped.includes(keys[i]) ? v : null)),
          ],
          n,
        );
      }
    }
  }
  return tally;
}

/**
 * What to add to a team's sum over its entities less their pairs: a live
 * postmortem about `j` of them is counted `j` times by the entities and
 * `j(j - 1)/2` times taken away by the pairs, so `(j - 1)(j - 2)/2` times
 * more for `j ≥ 3`. They are found by their pair scopes (`j(j - 1)/2 ≥ 3`
 * pairs: `insights_pair_members` read with the rest), their facts read
 * here: rare, as few postmortems are about three of a team's entities.
 */
function correctionFor(query: RollupQuery) {
  return async (tally: ReadRows): Promise<Tally | undefined> => {
    const shared = [...tally.rows('insights_pair_members')];
    if (shared.length === 0) return undefined;
    const facts = await readFacts(
      query.db,
      shared.map(({ key }) => key[1] as string),
    );
    const days = new ZoneDays(query.timezone);
    const portalOnly = { all: [''], entities: [], pairs: [] };
    const correction = new Tally();
    for (const { key, n } of shared) {
      const found = facts.get(key[1] as string);
      // n = j(j - 1)/2 pairs of the team's entities.
      const j = Math.round((1 + Math.sqrt(1 + 8 * n)) / 2);
      if (found) {
        tallyPostmortem(correction, found, days, {
          overdueBefore: query.calendar.today,
          weight: ((j - 1) * (j - 2)) / 2,
          scopes: portalOnly,
        });
      }
    }
    return correction;
  };
}

/** The portal's ten entities with the most incidents in the range. */
async function topByIncidents(query: RollupQuery) {
  const { db, calendar } = query;
  const { months } = calendar;
  // MySQL/MariaDB group the range's rows of the month index in a
  // temporary table keyed by the long scope (158 ms at 100,000 postmortems
  // on MariaDB); the primary key (scope, month) gives them in scope order,
  // grouped as they stream (22 ms), though it reads every month.
  const table =
    engineOf(db) === 'mysql'
      ? db.raw('?? FORCE INDEX (PRIMARY)', ['insights_entity_incidents'])
      : 'insights_entity_incidents';
  const rows: Row[] = await db
    .from(table)
    .select('scope')
    .sum({ n: 'n' })
    .where('month', '>=', months[0])
    .where('month', '<=', months[months.length - 1])
    .groupBy('scope')
    .orderByRaw(`SUM(n) DESC, ${engineSql(db).binaryOrder('scope').sql}`)
    .limit(TOP);
  return topOf(rows.map(row => [row.scope as string, toNumber(row.n)]));
}

function topOf(counts: Array<[string, number]>) {
  return counts
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || compareRefs(a[0], b[0]))
    .slice(0, TOP)
    .map(([entityRef, count]) => ({ entityRef, count }));
}

/**
 * The portal's ten entities with the most overdue items today:
 * `insights_overdue` counts those due before the state's day, which the
 * build moves on hourly; the items due from that day to today (or back)
 * are added up here, for the few entities that have them. Of the others
 * the ten on top, ties and all, are read from its index.
 */
async function topByOverdue(query: RollupQuery) {
  const { db, calendar, timezone } = query;
  const { today } = calendar;
  const state = await readRollupState(db);
  const snapshotDay =
    state?.timezone === timezone ? state.overdueBefore : today;
  const [from, to, sign] =
    snapshotDay < today ? [snapshotDay, today, 1] : [today, snapshotDay, -1];
  const moved: Row[] =
    from === to
      ? []
      : await db('insights_open_dues')
          .select('scope')
          .sum({ n: 'n' })
          .where('day', '>=', from)
          .where('day', '<', to)
          .where('scope', '<>', '')
          .whereNot('scope', 'like', '#%')
          .groupBy('scope');
  const change = new Map(
    moved.map(row => [row.scope as string, sign * toNumber(row.n)]),
  );
  // The top rows beyond as many as may change, and every tie of the last.
  const top: Row[] = await db('insights_overdue')
    .select('scope', 'n')
    .where('n', '>', 0)
    .orderBy('n', 'desc')
    .limit(TOP + change.size);
  const counts = new Map<string, number>();
  if (top.length > 0) {
    const last = toNumber(top[top.length - 1].n);
    const rows: Row[] = await db('insights_overdue')
      .select('scope', 'n')
      .where('n', '>=', Math.max(last, 1));
    for (const row of rows) counts.set(row.scope, toNumber(row.n));
  }
  const changed = [...change.keys()];
  for (let i = 0; i < changed.length; i += 500) {
    const rows: Row[] = await db('insights_overdue')
      .select('scope', 'n')
      .whereIn('scope', changed.slice(i, i + 500));
    for (const row of rows) counts.set(row.scope, toNumber(row.n));
  }
  for (const [scope, n] of change) {
    counts.set(scope, (counts.get(scope) ?? 0) + n);
  }
  return topOf([...counts.entries()]);
}

/** Insights of a scope and range from the rollups. */
export async function rollupInsights(
  query: RollupQuery,
): Promise<Omit<Insights, 'range' | 'entityRefs'>> {
  const { calendar } = query;
  const { months, today } = calendar;
  const from = months[0];
  const to = months[months.length - 1];
  const thisMonth = today.slice(0, 7);
  const inRange: Condition[] = [
    { column: 'month', op: '>=', value: from },
    { column: 'month', op: '<=', value: to },
  ];
  const portal = query.entityRefs.length === 0;
  const [tally, top] = await Promise.all([
    readTables(
      query,
      [
        ['insights_incidents', inRange],
        ['insights_durations', inRange],
        ['insights_item_months', inRange],
        ['insights_item_closings', inRange, { groupBy: ['owner', 'days'] }],
        // The open items created in each age bucket but the last (the
        // rest are the open items less these).
        ...AGE_BUCKETS.map(
          (bucket, i): TableRead => [
            'insights_open_days',
            [
              { column: 'day', op: '>=', value: calendar.ageDays[i] },
              ...(i > 0
                ? [
                    {
                      column: 'day',
                      op: '<',
                      value: calendar.ageDays[i - 1],
                    } as Condition,
                  ]
                : []),
            ],
            { as: bucket, groupBy: [] },
          ],
        ),
        ['insights_open_owners', []],
        // The overdue by owner on the state's day, and the open items due
        // from that day to today (added) or from today to it (taken away);
        // a postmortem counted out again is so today.
        ['insights_owner_overdue', []],
        [
          'insights_open_dues',
          [
            { column: 'day', op: '>=', value: 'overdue_before' },
            { column: 'day', op: '<', value: today },
          ],
          { as: 'due_since', corrected: false },
        ],
        [
          'insights_open_dues',
          [
            { column: 'day', op: '>=', value: today },
            { column: 'day', op: '<', value: 'overdue_before' },
          ],
          { as: 'due_after', corrected: false },
        ],
        ...(pairScopes(query.entityRefs).length >= 3
          ? [
              [
                'insights_pair_members',
                [],
                { corrected: false, pairsAtLeast: 3 },
              ] as TableRead,
            ]
          : []),
        [
          'insights_due_months',
          [...inRange, { column: 'month', op: '<', value: thisMonth }],
        ],
        [
          'insights_due_days',
          [
            { column: 'day', op: '>=', value: `${thisMonth}-01` },
            { column: 'day', op: '>=', value: calendar.firstDay },
            { column: 'day', op: '<=', value: calendar.lastDay },
            { column: 'day', op: '<', value: today },
          ],
        ],
      ],
      correctionFor(query),
    ),
    portal
      ? Promise.all([topByIncidents(query), topByOverdue(query)])
      : Promise.resolve([[], []]),
  ]);

  // Incidents per month, by severity, detection and reading.
  const perMonth = new Map(
    months.map(month => [
      month,
      {
        total: 0,
        read: 0,
        severity: new Map<string, number>(),
        detection: new Map<string, number>(),
      },
    ]),
  );
  // Every incident counts once under its severity ('' for none): their
  // sum is the total.
  for (const { key, n } of tally.rows('insights_incidents')) {
    const [, month, dimension, value] = key as string[];
    const entry = perMonth.get(month);
    if (!entry) continue;
    if (dimension === 'severity') {
      entry.total += n;
      addTo(entry.severity, value, n);
    } else if (dimension === 'detection') {
      addTo(entry.detection, value, n);
    } else if (dimension === 'read') {
      entry.read += n;
    }
  }

  // Durations per quarter: the incidents, and the histograms of minutes.
  const perQuarter = new Map(
    calendar.quarters.map(quarter => [
      quarter,
      {
        incidents: 0,
        detect: new Map<number, number>(),
        resolve: new Map<number, number>(),
      },
    ]),
  );
  for (const [month, entry] of perMonth) {
    perQuarter.get(quarterOfMonth(month))!.incidents += entry.total;
  }
  for (const { key, n } of tally.rows('insights_durations')) {
    const [, month, measure, minutes] = key as [string, string, string, number];
    const entry = perQuarter.get(quarterOfMonth(month));
    if (entry)
      addTo(entry[measure as 'detect' | 'resolve'], Number(minutes), n);
  }

  const opened = new Map<string, number>();
  const closed = new Map<string, number>();
  for (const { key, n } of tally.rows('insights_item_months')) {
    const [, month, kind] = key as string[];
    addTo(kind === 'opened' ? opened : closed, month, n);
  }

  // Closings per owner and for the scope: counts and histograms of days.
  const scopeDays = new Map<number, number>();
  const ownerDays = new Map<string, Map<number, number>>();
  const ownerClosed = new Map<string, number>();
  for (const { key, n } of tally.rows('insights_item_closings')) {
    const [, , owner, days] = key as [string, string, string, number];
    addTo(scopeDays, Number(days), n);
    addTo(ownerClosed, owner, n);
    if (!ownerDays.has(owner)) ownerDays.set(owner, new Map());
    addTo(ownerDays.get(owner)!, Number(days), n);
  }

  const ownerOpen = new Map<string, number>();
  for (const { key, n } of tally.rows('insights_open_owners')) {
    addTo(ownerOpen, key[1] as string, n);
  }
  const ownerOverdue = new Map<string, number>();
  // The owner is the first key of one, the second of the other.
  for (const [table, sign, at] of [
    ['insights_owner_overdue', 1, 1],
    ['due_since', 1, 2],
    ['due_after', -1, 2],
  ] as const) {
    for (const { key, n } of tally.rows(table as RollupTable)) {
      addTo(ownerOverdue, key[at] as string, sign * n);
    }
  }
  const openTotal = [...ownerOpen.values()].reduce((a, b) => a + b, 0);
  const [days0to30, days31to90, days91to180] = AGE_BUCKETS.map(bucket =>
    tally.rows(bucket).reduce((sum, { n }) => sum + n, 0),
  );
  const ages = { days0to30, days31to90, days91to180 };

  let dueInRange = 0;
  let closedByDueDate = 0;
  for (const table of ['insights_due_months', 'insights_due_days'] as const) {
    for (const { key, n } of tally.rows(table)) {
      dueInRange += n;
      if (key[2] === '1') closedByDueDate += n;
    }
  }

  const readCount = [...perMonth.values()].reduce((a, e) => a + e.read, 0);
  const incidentCount = [...perMonth.values()].reduce((a, e) => a + e.total, 0);
  const owners = new Set([...ownerOpen.keys(), ...ownerClosed.keys()]);

  return {
    incidents: months.map(month => {
      const entry = perMonth.get(month)!;
      return {
        month,
        total: entry.total,
        ...(Object.fromEntries(
          SEVERITIES.map(s => [s, entry.severity.get(s) ?? 0]),
        ) as Record<(typeof SEVERITIES)[number], number>),
      };
    }),
    detection: months.map(month => {
      const entry = perMonth.get(month)!;
      const counts = Object.fromEntries(
        DETECTIONS.map(d => [d, entry.detection.get(d) ?? 0]),
      ) as Record<(typeof DETECTIONS)[number], number>;
      return {
        month,
        ...counts,
        customerShare: share(counts.customer_report, entry.total),
      };
    }),
    durations: calendar.quarters.map(quarter => {
      const entry = perQuarter.get(quarter)!;
      return {
        quarter,
        incidents: entry.incidents,
        medianMinutesToDetect: medianOf(entry.detect),
        medianMinutesToResolve: medianOf(entry.resolve),
      };
    }),
    actionItems: {
      months: months.map(month => ({
        month,
        opened: opened.get(month) ?? 0,
        closed: closed.get(month) ?? 0,
      })),
      openByAge: {
        ...ages,
        over180:
          openTotal - ages.days0to30 - ages.days31to90 - ages.days91to180,
      },
      medianDaysToClose: medianOf(scopeDays),
      ...dueFigures(dueInRange, closedByDueDate),
    },
    reading: readingFigures(incidentCount, readCount),
    owners: orderOwners(
      [...owners].map(owner => {
        const open = ownerOpen.get(owner) ?? 0;
        return {
          owner: owner === '' ? null : owner,
          open,
          overdue: ownerOverdue.get(owner) ?? 0,
          closed: ownerClosed.get(owner) ?? 0,
          medianDaysToClose: medianOf(ownerDays.get(owner) ?? new Map()),
        };
      }),
    ),
    topEntities: {
      byIncidents: top[0],
      byOverdueItems: top[1],
    },
  };
}
