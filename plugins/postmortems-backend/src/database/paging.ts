/*
 * Keyset paging, shared by every list: an opaque cursor holding the sort key
 * of the last item, the rows after it, and the page with its total count.
 */

import {
  invalidRequest,
  Page,
  TOTAL_COUNT_CAP,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { compact, toNumber } from './conversions';
import { Row } from './rows';

/** The page size when a list asks for none. */
export const DEFAULT_LIMIT = 20;

function notACursor() {
  return invalidRequest({
    field: 'cursor',
    code: 'cursor',
    message: 'not a cursor from a previous page',
  });
}

/** An opaque page cursor: the sort key of the last item, base64url JSON. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort key inside a cursor, checked to have exactly the expected string
 * fields; anything else is the client's mistake, so a 400.
 */
export function decodeCursor<K extends string>(
  cursor: string,
  fields: readonly K[],
): Record<K, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === fields.length &&
    fields.every(
      f =>
        typeof (value as Record<string, unknown>)[f] === 'string' &&
        ((value as Record<string, string>)[f].length ?? 0) <= 100,
    );
  if (!valid) {
    throw notACursor();
  }
  return value as Record<K, string>;
}

/** The timestamp inside a cursor; anything else is the client's mistake. */
export function cursorDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw notACursor();
  }
  return date;
}

/**
 * Keyset paging, newest first: the rows after the cursor's `(at, id)` in the
 * order `column DESC, idColumn DESC`. The leading `column <= at` is the
 * range an index on `(column, id)` starts from on every engine; the OR
 * alone is read as a filter over the whole index.
 */
export function whereOlderThan(
  query: Knex.QueryBuilder,
  column: string,
  idColumn: string,
  after: { at: Date; id: string },
): Knex.QueryBuilder {
  return query
    .where(column, '<=', after.at)
    .where(q =>
      q.where(column, '<', after.at).orWhere(idColumn, '<', after.id),
    );
}

/**
 * How many rows `all` selects, counting no further than one past the cap:
 * `SELECT COUNT(*) FROM (SELECT 1 … LIMIT cap + 1)`, which every engine
 * stops reading once the cap is passed.
 */
export async function boundedCount(
  db: Knex,
  all: Knex.QueryBuilder,
  cap = TOTAL_COUNT_CAP,
): Promise<{ totalCount: number; totalCountCapped?: true }> {
  const matching = all
    .clearSelect()
    .clearOrder()
    .select(db.raw('1 AS one'))
    .limit(cap + 1)
    .as('matching');
  const [row]: Row[] = await db.count({ count: '*' }).from(matching);
  const n = toNumber(row.count);
  return n > cap
    ? { totalCount: cap, totalCountCapped: true }
    : { totalCount: n };
}

/**
 * A page of a list: `rows` is the sorted query from the cursor on, `all`
 * the whole filtered list to count (up to the cap, see `boundedCount`).
 * One row more than `limit` is read to know whether a next page exists;
 * its cursor is the sort key of the last item.
 */
export async function fetchPage<T>(options: {
  db: Knex;
  rows: Knex.QueryBuilder;
  all: Knex.QueryBuilder;
  limit: number;
  toItems: (rows: Row[]) => T[] | Promise<T[]>;
  cursorOf: (last: T) => Record<string, string>;
}): Promise<Page<T>> {
  const { limit } = options;
  const [rows, count] = await Promise.all([
    options.rows.limit(limit + 1),
    boundedCount(options.db, options.all),
  ]);
  const items = await options.toItems(rows.slice(0, limit));
  return compact({
    items,
    ...count,
    nextCursor:
      rows.length > limit
        ? encodeCursor(options.cursorOf(items[items.length - 1]))
        : undefined,
  });
}
