import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Page } from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { compact, encodeCursor, toNumber } from './conversions';
import { Row } from './rows';

/** The page size when a list asks for none. */
export const DEFAULT_LIMIT = 20;

/**
 * What the per-resource parts of the store share: the database, the clock
 * and the calendar day that decides what is overdue.
 */
export class StoreContext {
  constructor(
    readonly db: Knex,
    readonly clock: () => Date,
    private readonly timezone: string,
  ) {}

  /** Today's date in the configured time zone, as `YYYY-MM-DD`. */
  today(): string {
    return DateTime.fromJSDate(this.clock(), { zone: this.timezone }).toFormat(
      'yyyy-MM-dd',
    );
  }
}

/** The timestamp inside a cursor; anything else is the client's mistake. */
export function cursorDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      'Invalid request: cursor: not a cursor from a previous page',
    );
  }
  return date;
}

/** The columns that say who created a row and when, at its first version. */
export function createdColumns(now: Date, by: string): Row {
  return {
    created_at: now,
    created_by: by,
    updated_at: now,
    updated_by: by,
    version: 1,
  };
}

/**
 * Keyset paging, newest first: the rows after the cursor's `(at, id)` in the
 * order `column DESC, idColumn DESC`.
 */
export function whereOlderThan(
  query: Knex.QueryBuilder,
  column: string,
  idColumn: string,
  after: { at: Date; id: string },
): Knex.QueryBuilder {
  return query.where(q =>
    q
      .where(column, '<', after.at)
      .orWhere(q2 => q2.where(column, after.at).where(idColumn, '<', after.id)),
  );
}

/**
 * A page of a list: `rows` is the sorted query from the cursor on, `all`
 * the whole filtered list to count. One row more than `limit` is read to
 * know whether a next page exists; its cursor is the sort key of the last
 * item.
 */
export async function fetchPage<T>(options: {
  rows: Knex.QueryBuilder;
  all: Knex.QueryBuilder;
  limit: number;
  toItems: (rows: Row[]) => T[] | Promise<T[]>;
  cursorOf: (last: T) => Record<string, string>;
}): Promise<Page<T>> {
  const { limit } = options;
  const [rows, [{ count }]] = await Promise.all([
    options.rows.limit(limit + 1),
    options.all.count({ count: '*' }),
  ]);
  const items = await options.toItems(rows.slice(0, limit));
  return compact({
    items,
    totalCount: toNumber(count),
    nextCursor:
      rows.length > limit
        ? encodeCursor(options.cursorOf(items[items.length - 1]))
        : undefined,
  });
}

/** The row of a postmortem that is not deleted, or a `NotFoundError`. */
export async function livePostmortemRow(
  tx: Knex.Transaction,
  id: string,
): Promise<Row> {
  const row = await tx('postmortems')
    .where({ id })
    .whereNull('deleted_at')
    .first();
  if (!row) {
    throw new NotFoundError(`Postmortem ${id} not found`);
  }
  return row;
}

/**
 * The write of an optimistic-concurrency change: it only happens while the
 * row still has the version the change was based on, so of two requests
 * racing on the same version exactly one updates a row and the other
 * fails. The version check before it only gives the early, common answer.
 * MySQL reports changed rather than matched rows, which is the same here
 * because the version always changes.
 */
export async function conditionalUpdate(
  tx: Knex.Transaction,
  table: string,
  id: string,
  expectedVersion: number,
  columns: Row,
): Promise<void> {
  const updated = await tx(table)
    .where({ id, version: expectedVersion })
    .update({ ...columns, version: expectedVersion + 1 });
  if (updated !== 1) {
    throw new ConflictError(
      `${table} ${id} was changed by someone else since version ${expectedVersion}; reload and try again`,
    );
  }
}
