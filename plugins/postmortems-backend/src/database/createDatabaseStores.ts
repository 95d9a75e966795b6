import { DatabaseService } from '@backstage/backend-plugin-api';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import { DatabaseActionItems } from './DatabaseActionItems';
import { DatabaseInsights } from './DatabaseInsights';
import { DatabasePostmortems } from './DatabasePostmortems';
import { DatabaseReadingSessions } from './DatabaseReadingSessions';
import { buildInsightsRollups } from './insights/rollups/maintain';
import { applyDatabaseMigrations } from './migrations';
import { StoreContext } from './StoreContext';

/** Options of {@link createDatabaseStores}. */
export interface DatabaseStoresOptions {
  database: DatabaseService;
  /** Leave the schema alone (it is migrated already, or by someone else). */
  skipMigrations?: boolean;
  /** The current time, which stamps every write; tests and imports pin it. */
  clock?: () => Date;
  /** The IANA time zone whose calendar day decides what is overdue. */
  timezone?: string;
}

/** The stores, and the same on another clock. */
export interface DatabaseStores extends PostmortemsStores {
  /** The same stores with every write stamped by `clock`. */
  withClock(clock: () => Date): PostmortemsStores;
  /**
   * Builds the rollups of insights in the store's time zone unless they are
   * complete in it (see `insights/rollups/maintain.ts`); how many
   * postmortems it counted. Until then insights are answered from grouped
   * statements over the postmortems and items themselves.
   */
  buildInsightsRollups(): Promise<number>;
  /**
   * Deletes for good the postmortems deleted before this instant (see
   * `DatabasePostmortems.purgeDeletedPostmortems`); their ids.
   */
  purgeDeletedPostmortems(deletedBefore: Date): Promise<string[]>;
}

/** The stores on one context (the database stores, as they are). */
function storesOn(context: StoreContext) {
  return {
    postmortems: new DatabasePostmortems(context),
    actionItems: new DatabaseActionItems(context),
    readingSessions: new DatabaseReadingSessions(context),
    insights: new DatabaseInsights(context),
  };
}

/**
 * The stores on the plugin's Knex database (SQLite, PostgreSQL or
 * MySQL), sharing one connection, clock and time zone; the schema is
 * migrated first unless told otherwise.
 */
export async function createDatabaseStores(
  options: DatabaseStoresOptions,
): Promise<DatabaseStores> {
  const knex = await options.database.getClient();
  if (!options.skipMigrations && !options.database.migrations?.skip) {
    await applyDatabaseMigrations(knex);
  }
  const timezone = options.timezone ?? 'UTC';
  const stores = storesOn(
    new StoreContext(knex, options.clock ?? (() => new Date()), timezone),
  );
  return {
    ...stores,
    withClock: clock => storesOn(new StoreContext(knex, clock, timezone)),
    buildInsightsRollups: () => buildInsightsRollups(knex, timezone),
    purgeDeletedPostmortems: deletedBefore =>
      stores.postmortems.purgeDeletedPostmortems(deletedBefore),
  };
}
