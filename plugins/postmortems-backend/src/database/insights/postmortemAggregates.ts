import {
  DETECTIONS,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Row } from '../rows';
import {
  InsightsQueryContext,
  postmortemsInRange,
  postmortemsTable,
  rangeOf,
} from './scope';
import { bucketOf, isMiddle, join, raw, rowsOf, sql } from './sql';

const MINUTE_MS = 60_000;

/*
 * The aggregates of the scope's incidents: the live postmortems that
 * started within the range, bucketed by the month (or quarter) of their
 * start in the zone.
 */

/** How many of a column's rows have each of the values, as columns. */
function countsOf(column: string, values: readonly string[]) {
  return join(
    values.map(
      value =>
        sql`SUM(CASE WHEN ${raw(column)} = ${value} THEN 1 ELSE 0 END) AS ${raw(
          value,
        )}`,
    ),
    ', ',
  );
}

/**
 * Per month (`bucket`, its index in the range): the incidents, by
 * severity, by detection, and how many of them a held reading session
 * picked.
 */
export function monthlyIncidents(context: InsightsQueryContext) {
  const { calendar } = context;
  return rowsOf<Row>(
    context.db,
    sql`SELECT bucket, COUNT(*) AS total,
        ${countsOf('severity', SEVERITIES)},
        ${countsOf('detection', DETECTIONS)},
        SUM(was_read) AS read_count
      FROM (
        SELECT ${bucketOf(
          'p.started_at',
          calendar.monthStarts.slice(1, -1),
        )} AS bucket,
          p.severity, p.detection,
          CASE WHEN p.id IN (
            SELECT rs.postmortem_id FROM reading_sessions rs
            WHERE rs.status = 'held' AND rs.postmortem_id IS NOT NULL
          ) THEN 1 ELSE 0 END AS was_read
        FROM ${postmortemsTable(context)}
        WHERE ${postmortemsInRange(context)}
      ) incidents
      GROUP BY bucket`,
  );
}

/**
 * Per quarter (`bucket`, its index among the quarters the range touches):
 * the incidents and the exact medians, in whole minutes, of the time to
 * detect and to resolve, over the incidents that have the time. Each
 * median is the average of the middle row or two, numbered by a window
 * function per quarter; a missing time sorts last (`CASE … IS NULL`, as
 * the engines put NULL first or last by their own rule) and is not counted.
 */
export function quarterlyDurations(context: InsightsQueryContext) {
  const { calendar, engine } = context;
  const ordered = (column: string) =>
    `PARTITION BY bucket ORDER BY CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END, ${column}`;
  return rowsOf<Row>(
    context.db,
    sql`SELECT bucket, COUNT(*) AS incidents,
        AVG(CASE WHEN ${isMiddle(
          'detect_row',
          'detect_count',
        )} THEN to_detect END) AS median_to_detect,
        AVG(CASE WHEN ${isMiddle(
          'resolve_row',
          'resolve_count',
        )} THEN to_resolve END) AS median_to_resolve
      FROM (
        SELECT bucket, to_detect, to_resolve,
          ROW_NUMBER() OVER (${raw(ordered('to_detect'))}) AS detect_row,
          COUNT(to_detect) OVER (PARTITION BY bucket) AS detect_count,
          ROW_NUMBER() OVER (${raw(ordered('to_resolve'))}) AS resolve_row,
          COUNT(to_resolve) OVER (PARTITION BY bucket) AS resolve_count
        FROM (
          SELECT ${bucketOf('p.started_at', calendar.quarterStarts)} AS bucket,
            ${engine.unitsBetween(
              'p.started_at',
              'p.detected_at',
              MINUTE_MS,
            )} AS to_detect,
            ${engine.unitsBetween(
              'p.started_at',
              'p.resolved_at',
              MINUTE_MS,
            )} AS to_resolve
          FROM ${postmortemsTable(context)}
          WHERE ${postmortemsInRange(context)}
        ) durations
      ) numbered
      GROUP BY bucket`,
  );
}

/**
 * The ten entities with the most incidents in the range (ties by ref), from
 * the lookup rows of live postmortems alone.
 */
export function entitiesByIncidents(context: InsightsQueryContext) {
  const [start, end] = rangeOf(context.calendar);
  return rowsOf<Row>(
    context.db,
    sql`SELECT e.entity_ref AS entity_ref, COUNT(*) AS n
      FROM postmortem_entities e
      WHERE e.deleted_at IS NULL
        AND e.started_at >= ${start} AND e.started_at < ${end}
      GROUP BY e.entity_ref
      ORDER BY n DESC, ${context.engine.binaryOrder('e.entity_ref')}
      LIMIT 10`,
  );
}
