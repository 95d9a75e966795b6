import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The folder of the plain-JS Knex migrations shipped with the package. */
export const migrationsDir = resolvePackagePath(
  '@postmortems/backstage-plugin-postmortems-backend',
  'migrations',
);

/** The name of the Knex bookkeeping table, kept apart from other plugins'. */
export const migrationsTableName = 'postmortems__knex_migrations';

/** Brings the database to the latest schema. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: migrationsDir,
    tableName: migrationsTableName,
  });
}
