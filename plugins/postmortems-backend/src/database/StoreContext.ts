import { Knex } from 'knex';
import { DateTime } from 'luxon';

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

  /** Today's date in the configured time zone, as `YYYY-MM-DD`. */
  today(): string {
    return DateTime.fromJSDate(this.clock(), { zone: this.timezone }).toFormat(
      'yyyy-MM-dd',
    );
  }
}
