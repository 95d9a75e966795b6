import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { engineOf } from '../conversions';
import { DuePeriod } from './calendar';

/*
 * The SQL of insights is written out, not built with Knex's query builder:
 * it is mostly CASE expressions, window functions and derived tables. A
 * `Fragment` keeps a piece of it together with its bindings, so that the
 * pieces compose without counting question marks.
 */

/** A piece of SQL and its bindings, in order. */
export interface Fragment {
  sql: string;
  bindings: Knex.Value[];
}

/** SQL text as it is: keywords, column names, numbers of our own. */
export function raw(text: string): Fragment {
  return { sql: text, bindings: [] };
}

function isFragment(value: unknown): value is Fragment {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sql' in value &&
    'bindings' in value
  );
}

/**
 * SQL with its values bound: each `${value}` becomes a `?`, each
 * `${fragment}` is put in with its own bindings.
 */
export function sql(
  strings: TemplateStringsArray,
  ...values: Array<Fragment | Knex.Value>
): Fragment {
  let text = strings[0];
  const bindings: Knex.Value[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.sql;
      bindings.push(...value.bindings);
    } else {
      text += '?';
      bindings.push(value);
    }
    text += strings[i + 1];
  });
  return { sql: text, bindings };
}

/** Fragments one after the other, with `separator` between them. */
export function join(fragments: Fragment[], separator: string): Fragment {
  return {
    sql: fragments.map(f => f.sql).join(separator),
    bindings: fragments.flatMap(f => f.bindings),
  };
}

/** `?, ?, ?` for a list of values (of `IN (…)`). */
export function list(values: Knex.Value[]): Fragment {
  return join(
    values.map(value => sql`${value}`),
    ', ',
  );
}

/**
 * Runs a fragment; its rows. `prepared`: on PostgreSQL, run it as a named
 * prepared statement (named after this prefix and a hash of its text), so
 * that each connection plans it once and then reuses the plan: planning a
 * long statement of small index scans can take as long as running it.
 */
export async function rowsOf<T>(
  db: Knex,
  fragment: Fragment,
  options: { prepared?: string } = {},
): Promise<T[]> {
  const query = db.raw(fragment.sql, fragment.bindings);
  if (options.prepared && engineOf(db) === 'pg') {
    const hash = createHash('sha1').update(fragment.sql).digest('hex');
    // node-postgres parses a name once per connection, then binds it.
    query.options({ name: `${options.prepared}_${hash.slice(0, 24)}` });
  }
  const result = await query;
  // better-sqlite3 and mysql2 give the rows (mysql2 with the fields after
  // them), pg a result object.
  if (Array.isArray(result)) {
    return (Array.isArray(result[0]) ? result[0] : result) as T[];
  }
  return result.rows as T[];
}

/**
 * The index of the bucket a timestamp column falls in: 0 before
 * `starts[0]`, 1 before `starts[1]` … and `starts.length` after the last.
 * The rows are those of the range already, so the first bucket needs no
 * lower bound and the last no upper one.
 */
export function bucketOf(column: string, starts: Date[]): Fragment {
  if (starts.length === 0) {
    return raw('0');
  }
  return join(
    [
      raw('CASE'),
      ...starts.map(
        (start, i) =>
          sql`WHEN ${raw(column)} < ${start} THEN ${raw(String(i))}`,
      ),
      raw(`ELSE ${starts.length} END`),
    ],
    ' ',
  );
}

/**
 * Whether row `rowNumber` of `count` (ordered by a value) is a middle one:
 * `2 · rowNumber` is `count`, `count + 1` or `count + 2`, i.e. the one
 * middle row of an odd count, the two of an even count. The average of the
 * value over these rows is the exact median. Written without a division:
 * MySQL's `/` does not divide integers as integers.
 */
export function isMiddle(rowNumber: string, count: string): Fragment {
  return raw(`2 * ${rowNumber} BETWEEN ${count} AND ${count} + 2`);
}

/** What differs between the engines in the statements of insights. */
export interface EngineSql {
  /**
   * Whole `unit`s (milliseconds: a minute, a day of 24 h) from one
   * timestamp column to another, rounded down, as the rollups count them:
   * SQLite keeps epoch milliseconds, PostgreSQL has `timestamptz`
   * arithmetic, MySQL `DATETIME(3)` values in the connection's zone (as
   * mysql2 writes them; exact where that zone has no daylight saving, as
   * with UTC).
   */
  unitsBetween(from: string, to: string, unit: number): Fragment;
  /**
   * When the due day in a `YYYY-MM-DD` column ends in the zone, for a day
   * of `period`: its first day's end plus whole days of 24 h.
   */
  dueDayEnd(column: string, period: DuePeriod): Fragment;
  /** A column for ORDER BY in code point order, as JavaScript compares. */
  binaryOrder(column: string): Fragment;
  /**
   * A column as a GROUP BY key that no index is walked for: SQLite would
   * otherwise group the items by walking `(owner, status, due_date)` and
   * read each one from the table, in index order (seconds for a million).
   */
  groupKey(column: string): Fragment;
  /**
   * What makes a CTE read once when it is used twice: PostgreSQL (12+) and
   * MySQL 8 materialize such a CTE anyway, SQLite only when told.
   */
  materialized: Fragment;
  /**
   * `table alias`, read through `index` on MySQL/MariaDB: InnoDB keeps a
   * row whole in its primary key, a postmortem's with its text, and
   * MariaDB looked the scope's postmortems up by id one by one (0.8 s for
   * the busiest entity at 100,000) rather than read the index that covers
   * what insights read.
   */
  tableThrough(table: string, alias: string, index: string): Fragment;
}

const ENGINES: Record<ReturnType<typeof engineOf>, EngineSql> = {
  sqlite: {
    // Integer division truncates; the remainder taken away first rounds down.
    unitsBetween: (from, to, unit) =>
      raw(
        `(((${to} - ${from}) - (((${to} - ${from}) % ${unit}) + ${unit}) % ${unit}) / ${unit})`,
      ),
    dueDayEnd: (column, { firstDay, firstEnd }) =>
      sql`(${firstEnd} + (julianday(${raw(
        column,
      )}) - julianday(${firstDay})) * 86400000)`,
    binaryOrder: column => raw(column),
    groupKey: column => raw(`+${column}`),
    materialized: raw('MATERIALIZED'),
    tableThrough: (table, alias) => raw(`${table} ${alias}`),
  },
  pg: {
    // A double, not the numeric EXTRACT gives: it sorts faster.
    unitsBetween: (from, to, unit) =>
      raw(
        `CAST(FLOOR(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000 / ${unit}) AS double precision)`,
      ),
    // Seconds, not '1 day': adding days to a timestamptz follows the wall
    // clock of the session's zone.
    dueDayEnd: (column, { firstDay, firstEnd }) =>
      sql`(CAST(${firstEnd} AS timestamptz) + (CAST(${raw(
        column,
      )} AS date) - CAST(${firstDay} AS date)) * INTERVAL '86400 seconds')`,
    binaryOrder: column => raw(`${column} COLLATE "C"`),
    groupKey: column => raw(column),
    materialized: raw(''),
    tableThrough: (table, alias) => raw(`${table} ${alias}`),
  },
  mysql: {
    unitsBetween: (from, to, unit) =>
      raw(`FLOOR(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / ${unit * 1000})`),
    dueDayEnd: (column, { firstDay, firstEnd }) =>
      sql`TIMESTAMPADD(SECOND, DATEDIFF(${raw(
        column,
      )}, ${firstDay}) * 86400, CAST(${firstEnd} AS DATETIME(3)))`,
    binaryOrder: column => raw(`CAST(${column} AS BINARY)`),
    groupKey: column => raw(column),
    materialized: raw(''),
    tableThrough: (table, alias, index) =>
      raw(`${table} ${alias} FORCE INDEX (${index})`),
  },
};

/** The engine's statements for a Knex client. */
export function engineSql(db: Knex): EngineSql {
  return ENGINES[engineOf(db)];
}
