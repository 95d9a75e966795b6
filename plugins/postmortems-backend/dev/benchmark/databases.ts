import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

/**
 * A database the benchmark fills and throws away afterwards.
 */
export interface BenchmarkDatabase {
  /** e.g. `SQLite (file)`, `PostgreSQL 15.8`. */
  label: string;
  knex: Knex;
  /** Closes the connections and removes the database. */
  drop(): Promise<void>;
}

/** A database that can be created, for the engines the environment names. */
export interface BenchmarkTarget {
  id: string;
  create(): Promise<BenchmarkDatabase>;
}

function throwawayName(): string {
  return `postmortems_bench_${Date.now().toString(36)}_${process.pid}`;
}

function sqlite(): BenchmarkTarget {
  return {
    id: 'sqlite',
    async create() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortems-bench-'));
      const knex = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(dir, 'postmortems.sqlite') },
        useNullAsDefault: true,
      });
      const [{ version }] = await knex.raw(
        'SELECT sqlite_version() AS version',
      );
      return {
        label: `SQLite ${version} (temp file)`,
        knex,
        async drop() {
          await knex.destroy();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgres(connectionString: string): BenchmarkTarget {
  return {
    id: 'postgres',
    async create() {
      const name = throwawayName();
      const admin = knexFactory({ client: 'pg', connection: connectionString });
      await admin.raw(`CREATE DATABASE ${name} ENCODING 'UTF8'`);
      const url = new URL(connectionString);
      url.pathname = `/${name}`;
      const knex = knexFactory({
        client: 'pg',
        connection: url.toString(),
        pool: { min: 0, max: 10 },
      });
      const { rows } = await knex.raw('SHOW server_version');
      return {
        label: `PostgreSQL ${rows[0].server_version.split(' ')[0]}`,
        knex,
        async drop() {
          await knex.destroy();
          await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
          await admin.destroy();
        },
      };
    },
  };
}

function mysql(connectionString: string): BenchmarkTarget {
  return {
    id: 'mysql',
    async create() {
      const name = throwawayName();
      const url = new URL(connectionString);
      const connection = {
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        charset: 'utf8mb4',
      };
      const admin = knexFactory({ client: 'mysql2', connection });
      await admin.raw(
        `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      const knex = knexFactory({
        client: 'mysql2',
        connection: { ...connection, database: name },
        pool: { min: 0, max: 10 },
      });
      const [[{ version }]] = await knex.raw('SELECT VERSION() AS version');
      return {
        label: String(version).includes('MariaDB')
          ? `MariaDB ${String(version).split('-')[0]}`
          : `MySQL ${version}`,
        knex,
        async drop() {
          await knex.destroy();
          await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
          await admin.destroy();
        },
      };
    },
  };
}

/**
 * SQLite always; PostgreSQL and MySQL when the connection strings the store
 * tests use are set (the highest PostgreSQL version when several are).
 * `only` limits the run to some of them, e.g. `sqlite,postgres`.
 */
export function benchmarkTargets(
  env: NodeJS.ProcessEnv,
  only?: string[],
): BenchmarkTarget[] {
  const targets = [sqlite()];
  const postgresKey = Object.keys(env)
    .filter(k =>
      /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
    )
    .sort((a, b) => Number(b.match(/\d+/)![0]) - Number(a.match(/\d+/)![0]))[0];
  if (postgresKey && env[postgresKey]) {
    targets.push(postgres(env[postgresKey]!));
  }
  const mysqlString = env.BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING;
  if (mysqlString) {
    targets.push(mysql(mysqlString));
  }
  return only?.length ? targets.filter(t => only.includes(t.id)) : targets;
}
