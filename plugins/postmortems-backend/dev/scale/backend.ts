import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

/*
 * The databases the benchmark creates and drops, and the real example
 * backend (`packages/backend`, started as `yarn start:backend` does) on
 * them, on a port of its own.
 */

const ROOT = path.resolve(__dirname, '../../../..');
export const PORT = 7099;
export const BASE_URL = `http://localhost:${PORT}`;

/** A throwaway database set: the plugin's database, seeded before start. */
export interface ScaleDatabase {
  id: string;
  label: string;
  /** The postmortems plugin's database, for seeding. */
  knex: Knex;
  /** The `backend.database` config and env of the backend. */
  config: object;
  env: Record<string, string>;
  drop(): Promise<void>;
}

const PG = 'postgresql://postgres@127.0.0.1:5432';
const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

/** Creates the empty database the postmortems plugin will use. */
export async function createDatabase(id: string): Promise<ScaleDatabase> {
  const prefix = `pmscale_${Date.now().toString(36)}_`;
  const name = `${prefix}postmortems`;
  if (id === 'postgres') {
    const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
    await admin.raw(`CREATE DATABASE ${name} ENCODING 'UTF8'`);
    const knex = knexFactory({ client: 'pg', connection: `${PG}/${name}` });
    const { rows } = await knex.raw('SHOW server_version');
    return {
      id,
      label: `PostgreSQL ${rows[0].server_version.split(' ')[0]}`,
      knex,
      config: { client: 'pg', connection: PG, prefix },
      env: {},
      async drop() {
        await knex.destroy();
        const { rows: dbs } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${prefix}%`],
        );
        for (const { datname } of dbs) {
          await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        }
        await admin.destroy();
      },
    };
  }
  if (id === 'mysql') {
    const admin = knexFactory({ client: 'mysql2', connection: MYSQL });
    await admin.raw(
      `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const knex = knexFactory({
      client: 'mysql2',
      connection: { ...MYSQL, database: name, charset: 'utf8mb4' },
    });
    const [[{ version }]] = await knex.raw('SELECT VERSION() AS version');
    return {
      id,
      label: String(version).includes('MariaDB')
        ? `MariaDB ${String(version).split('-')[0]}`
        : `MySQL ${version}`,
      knex,
      config: {
        client: 'mysql2',
        // An object: Backstage's parser of MySQL connection strings wants
        // a password, and root has none here.
        connection: { host: MYSQL.host, port: MYSQL.port, user: MYSQL.user },
        prefix,
      },
      env: {},
      async drop() {
        await knex.destroy();
        const [dbs] = await admin.raw('SHOW DATABASES LIKE ?', [`${prefix}%`]);
        for (const row of dbs) {
          await admin.raw(
            `DROP DATABASE IF EXISTS \`${Object.values(row)[0]}\``,
          );
        }
        await admin.destroy();
      },
    };
  }
  if (id === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortems-scale-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'postmortems.sqlite') },
      useNullAsDefault: true,
    });
    const [{ version }] = await knex.raw('SELECT sqlite_version() AS version');
    return {
      id,
      label: `SQLite ${version} (temp directory)`,
      knex,
      config: {},
      env: { POSTMORTEMS_SQLITE_DIR: dir },
      async drop() {
        await knex.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`unknown database ${id}: use postgres, mysql or sqlite`);
}

/** The started backend. */
export interface Backend {
  pid: number;
  /** Waits for the health check again (after a dev-mode restart). */
  waitUntilUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `packages/backend` with a config override (port, database) and
 * waits until the postmortems API is healthy and the catalog has the
 * example entities.
 */
export async function startBackend(
  database: ScaleDatabase,
  log: (message: string) => void,
): Promise<Backend> {
  const overrideDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'postmortems-scale-config-'),
  );
  const override = path.join(overrideDir, 'app-config.scale.yaml');
  const backend: Record<string, unknown> = {
    baseUrl: BASE_URL,
    listen: { port: PORT },
  };
  if (Object.keys(database.config).length) backend.database = database.config;
  // The search collators would read every postmortem and action item
  // during the measurement: pushed out of the way of the run.
  const search = {
    collators: {
      postmortems: {
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 5 },
          initialDelay: { hours: 24 },
        },
        actionItems: { enabled: false },
      },
    },
  };
  // JSON is YAML.
  fs.writeFileSync(override, JSON.stringify({ backend, search }, null, 2));
  const logFile = path.join(overrideDir, 'backend.log');
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    'bash',
    [
      path.join(ROOT, 'scripts/run.sh'),
      'yarn',
      'workspace',
      'backend',
      'start',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      override,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...database.env },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    fs.closeSync(out);
    // Kept for a look after the run; the next run overwrites it.
    fs.copyFileSync(
      logFile,
      path.join(os.tmpdir(), 'postmortems-scale-backend.log'),
    );
    fs.rmSync(overrideDir, { recursive: true, force: true });
  };
  try {
    log(`starting the backend (log: ${logFile}) …`);
    await waitFor(
      async () => (await fetch(`${BASE_URL}/api/postmortems/health`)).ok,
      child,
    );
    const token = await guestToken();
    await waitFor(async () => {
      const res = await fetch(
        `${BASE_URL}/api/catalog/entities/by-name/component/default/seikyu-kanri-robo`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      return res.ok;
    }, child);
    const waitUntilUp = () =>
      waitFor(
        async () => (await fetch(`${BASE_URL}/api/postmortems/health`)).ok,
        child,
      );
    return { pid: child.pid!, waitUntilUp, stop };
  } catch (error) {
    process.stderr.write(fs.readFileSync(logFile, 'utf8').slice(-4000));
    await stop();
    throw error;
  }
}

async function waitFor(check: () => Promise<boolean>, child: ChildProcess) {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the backend exited');
    if (await check().catch(() => false)) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error('the backend did not become ready in 10 minutes');
}

/** A guest token, as packages/app/e2e-tests/fixtures.ts gets it. */
export async function guestToken(): Promise<string> {
  const response = await fetch(
    `${BASE_URL}/api/auth/guest/refresh?env=development`,
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  if (!response.ok) throw new Error(`guest sign-in: HTTP ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

/** The resident memory of a process and all its descendants, in MB. */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended
    }
  }
  let kb = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}
