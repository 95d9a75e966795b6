/*
 * What every write shares: the author columns of a new row, the live
 * postmortem a change hangs on, and the optimistic-concurrency update.
 */

import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { Row } from './rows';

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
 * The row of a postmortem that is not deleted, or a `NotFoundError`; with
 * `lock`, locked for the rest of the transaction (see `lockPostmortemRow`).
 */
export async function livePostmortemRow(
  tx: Knex.Transaction,
  id: string,
  options?: { lock?: boolean },
): Promise<Row> {
  const query = tx('postmortems').where({ id }).whereNull('deleted_at');
  if (options?.lock) {
    query.forUpdate();
  }
  const row = await query.first();
  if (!row) {
    throw new NotFoundError(`Postmortem ${id} not found`);
  }
  return row;
}

/**
 * Locks a postmortem's row for the rest of the transaction. A change to its
 * action items takes it before writing one, so that changes to the items of
 * one postmortem recount its open items one after the other (and do not
 * deadlock: the lock comes before the foreign key's share lock that writing
 * an item takes). SQLite has one writer at a time and no row locks.
 */
export async function lockPostmortemRow(
  tx: Knex.Transaction,
  id: string,
): Promise<void> {
  await tx('postmortems').where({ id }).forUpdate().first('id');
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
