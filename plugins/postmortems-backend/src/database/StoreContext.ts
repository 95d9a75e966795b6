import { Knex } from 'knex';
import { DateTime } from 'luxon';

/** A deadlock's victim (MySQL/MariaDB 1213, PostgreSQL 40P01). */
function isDeadlock(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown };
  return (
    e?.code === 'ER_LOCK_DEADLOCK' || e?.errno === 1213 || e?.code === '40P01'
  );
}

/**
 * What the per-resource parts of the store share: the database, the clock
 * and the calendar day that decides what is overdue.
 */
export class StoreContext {
  constructor(
    readonly db: Knex,
    readonly clock: () => Date,
    readonly timezone: string,
  ) {}

  /**
   * Runs a write in a transaction, again (up to three more times) when the
   * database ended it as a deadlock's victim: concurrent writes that count
   * into the same rows of insights' rollups can deadlock on MySQL/MariaDB's
   * gap locks, and the victim's transaction was rolled back whole.
   */
  async write<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(fn);
      } catch (error) {
        if (attempt >= 3 || !isDeadlock(error)) throw error;
      }
    }
  }

  /** Today's date in the configured time zone, as `YYYY-MM-DD`. */
  today(): string {
    return DateTime.fromJSDate(this.clock(), { zone: this.timezone }).toFormat(
      'yyyy-MM-dd',
    );
  }
}
