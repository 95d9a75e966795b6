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
