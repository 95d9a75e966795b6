import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the store tests run on: SQLite always, PostgreSQL and MySQL
 * when their connection strings are set. When
 * POSTMORTEMS_TEST_REQUIRED_DATABASES is set (CI sets "postgres,mysql"), a
 * missing engine fails the run instead of silently testing SQLite alone.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create();
  const ids = databases.eachSupportedId().map(([id]) => id);
  const required = (process.env.POSTMORTEMS_TEST_REQUIRED_DATABASES ?? '')
    .split(',')
    .map(s => s.trim().toLowerCase())
    .filter(Boolean);
  for (const engine of required) {
    if (!ids.some(id => id.toLowerCase().startsWith(engine))) {
      throw new Error(
        `Database tests must run on ${engine} but only ${ids.join(
          ', ',
        )} are configured; set its BACKSTAGE_TEST_DATABASE_*_CONNECTION_STRING`,
      );
    }
  }
  return databases;
}
