import { Row } from '../rows';
import {
  InsightsQueryContext,
  itemsOfScope,
  itemsTable,
  rangeOf,
} from './scope';
import { Fragment, bucketOf, isMiddle, join, raw, rowsOf, sql } from './sql';

const DAY_MS = 86_400_000;

/*
 * The aggregates of the scope's action items: the items of its live
 * postmortems, whenever these started, read twice (what moved within the
 * range; what is open or due). An item is closed when `is_open` is false;
 * `completed_at` is set then, and only then.
 */

/**
 * The items created or closed within the range, read once (a CTE, which
 * PostgreSQL and MySQL 8 materialize once, SQLite when told; MariaDB
 * 10.11 reads it for each use), in two groupings:
 *
 * - `kind = 'moves'`: how many items were created in month `opened` and
 *   closed in month `closed` (the index in the range, -1 outside it);
 * - `kind = 'closings'`: per owner (NULL: unassigned), the items closed
 *   within the range and the exact median, in whole days of 24 h (rounded
 *   down), from creation to completion; with the sum and count of the
 *   scope's middle one or two (`middle_days`, `middle_count`), numbered over every owner's items, whose
 *   average is the median of the whole scope. The scope's numbering is a
 *   level of its own: MariaDB 10.11 numbers `ROW_NUMBER() OVER (ORDER BY …)`
 *   in the order of the owners' partitions when `COUNT(*) OVER ()` sits
 *   beside them.
 *
 * The closings come first: their columns' types decide those of the union
 * on PostgreSQL, where a column of NULLs alone would be text.
 */
export function movesAndClosings(context: InsightsQueryContext) {
  const { calendar, engine } = context;
  const [start, end] = rangeOf(calendar);
  const starts = calendar.monthStarts.slice(1, -1);
  const inRange = (column: string) =>
    sql`${raw(column)} >= ${start} AND ${raw(column)} < ${end}`;
  const monthOf = (column: string) =>
    sql`CASE WHEN ${inRange(column)} THEN ${bucketOf(
      column,
      starts,
    )} ELSE -1 END`;
  return rowsOf<Row>(
    context.db,
    sql`WITH moved AS ${engine.materialized} (
        SELECT a.owner AS owner,
          ${monthOf('a.created_at')} AS opened,
          ${monthOf('a.completed_at')} AS closed,
          ${engine.unitsBetween(
            'a.created_at',
            'a.completed_at',
            DAY_MS,
          )} AS to_close
        FROM ${itemsTable(context)}
        WHERE ${itemsOfScope(context)}
          AND ((${inRange('a.created_at')}) OR (${inRange('a.completed_at')}))
      )
      SELECT 'closings' AS kind, -1 AS opened, -1 AS closed, owner,
        COUNT(*) AS n,
        AVG(CASE WHEN ${isMiddle(
          'owner_row',
          'owner_count',
        )} THEN to_close END) AS median_to_close,
        SUM(CASE WHEN ${isMiddle(
          'scope_row',
          'scope_count',
        )} THEN to_close ELSE 0 END) AS middle_days,
        SUM(CASE WHEN ${isMiddle(
          'scope_row',
          'scope_count',
        )} THEN 1 ELSE 0 END) AS middle_count
      FROM (
        SELECT owner, to_close, scope_row, scope_count,
          ROW_NUMBER() OVER (PARTITION BY owner ORDER BY to_close) AS owner_row,
          COUNT(*) OVER (PARTITION BY owner) AS owner_count
        FROM (
          SELECT owner, to_close,
            ROW_NUMBER() OVER (ORDER BY to_close) AS scope_row,
            COUNT(*) OVER () AS scope_count
          FROM moved
          WHERE closed >= 0
        ) scoped
      ) numbered
      GROUP BY owner
      UNION ALL
      SELECT 'moves', opened, closed, NULL, COUNT(*), NULL, NULL, NULL
      FROM moved
      GROUP BY opened, closed`,
  );
}

/**
 * When the due day in `a.due_key` ends in the zone, through the stretches
 * of one offset that the range's due days fall in (a zone without daylight
 * saving has one).
 */
function dueDayEnd(context: InsightsQueryContext): Fragment {
  const { duePeriods } = context.calendar;
  const endIn = (i: number) =>
    context.engine.dueDayEnd('a.due_key', duePeriods[i]);
  if (duePeriods.length === 1) {
    return endIn(0);
  }
  return join(
    [
      raw('CASE'),
      ...duePeriods
        .slice(1)
        .map(
          (period, i) =>
            sql`WHEN a.due_key < ${period.firstDay} THEN ${endIn(i)}`,
        ),
      sql`ELSE ${endIn(duePeriods.length - 1)} END`,
    ],
    ' ',
  );
}

/**
 * Per owner: the items open today, of them the overdue ones and their ages
 * in whole days of the zone (created on or after the day 30 days ago: 0–30,
 * and so on), and the items due within the range before today, of them
 * those closed by the end of their due day in the zone.
 */
export function openAndDueByOwner(context: InsightsQueryContext) {
  const { calendar } = context;
  const { today, ageStarts } = calendar;
  const [days30, days90, days180] = ageStarts;
  const due = sql`a.due_key >= ${calendar.firstDay} AND a.due_key <= ${calendar.lastDay} AND a.due_key < ${today}`;
  const open = sql`a.is_open = ${true}`;
  return rowsOf<Row>(
    context.db,
    sql`SELECT a.owner AS owner,
        SUM(CASE WHEN ${open} THEN 1 ELSE 0 END) AS open_count,
        SUM(CASE WHEN ${open} AND a.due_key < ${today} THEN 1 ELSE 0 END) AS overdue,
        SUM(CASE WHEN ${open} AND a.created_at >= ${days30} THEN 1 ELSE 0 END) AS age_0_30,
        SUM(CASE WHEN ${open} AND a.created_at < ${days30} AND a.created_at >= ${days90} THEN 1 ELSE 0 END) AS age_31_90,
        SUM(CASE WHEN ${open} AND a.created_at < ${days90} AND a.created_at >= ${days180} THEN 1 ELSE 0 END) AS age_91_180,
        SUM(CASE WHEN ${open} AND a.created_at < ${days180} THEN 1 ELSE 0 END) AS age_over_180,
        SUM(CASE WHEN ${due} THEN 1 ELSE 0 END) AS due_count,
        SUM(CASE WHEN ${due} THEN
          CASE WHEN a.completed_at < ${dueDayEnd(context)} THEN 1 ELSE 0 END
          ELSE 0 END) AS due_met
      FROM ${itemsTable(context)}
      WHERE ${itemsOfScope(context)} AND (${open} OR (${due}))
      GROUP BY ${context.engine.groupKey('a.owner')}`,
  );
}

/**
 * The ten entities whose live postmortems have the most overdue items
 * today (ties by ref); an item of a postmortem about two entities counts
 * for both.
 */
export function entitiesByOverdueItems(context: InsightsQueryContext) {
  const { today } = context.calendar;
  return rowsOf<Row>(
    context.db,
    sql`SELECT e.entity_ref AS entity_ref, COUNT(*) AS n
      FROM postmortem_entities e
      JOIN action_items a ON a.postmortem_id = e.postmortem_id
      WHERE e.deleted_at IS NULL AND a.is_open = ${true} AND a.due_key < ${today}
      GROUP BY e.entity_ref
      ORDER BY n DESC, ${context.engine.binaryOrder('e.entity_ref')}
      LIMIT 10`,
  );
}
