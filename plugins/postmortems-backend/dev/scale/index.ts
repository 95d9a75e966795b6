/*
 * The scale benchmark (issue 14): seeds a throwaway database through SQL
 * (1,000 and 100,000 postmortems, ≈10 action items each), starts the real
 * example backend on it, sends the requests the pages send over HTTP with
 * a guest token, and prints p50/p99 per request next to the catalog's own
 * entity lookup, the growth from the smallest size, and the backend's RSS.
 * Figures only; nothing here passes or fails on timing.
 *
 *   yarn workspace @postmortems/backstage-plugin-postmortems-backend bench:scale \
 *     [--databases=postgres,mysql,sqlite] [--sizes=1000,100000] \
 *     [--rounds=200] [--warmup=20]
 *
 * PostgreSQL: 127.0.0.1:5432, user postgres; MySQL/MariaDB: 127.0.0.1:3306,
 * root without a password; SQLite: a temp directory. Default sizes: 1000 and
 * 100000, on SQLite 1000 and 10000. Everything started is removed at the
 * end, also on failure or Ctrl-C.
 */

import os from 'node:os';
import { ms, table } from '../benchmark/measure';
import {
  Backend,
  createDatabase,
  guestToken,
  ScaleDatabase,
  startBackend,
} from './backend';
import { Measured, measureRequests } from './measure';
import { CATALOG_LOOKUP, pageRequests } from './requests';
import { seed, Seeded } from './seed';

interface Options {
  databases: string[];
  sizes?: number[];
  rounds: number;
  warmup: number;
}

function readOptions(argv: string[]): Options {
  const args = Object.fromEntries(
    argv
      .filter(a => a.startsWith('--'))
      .map(a => a.slice(2).split('=') as [string, string | undefined]),
  );
  const int = (value: string, name: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  return {
    databases: (args.databases ?? 'postgres,mysql,sqlite')
      .split(',')
      .map(s => s.trim().toLowerCase()),
    sizes: args.sizes?.split(',').map(s => int(s, 'sizes', 1)),
    rounds: int(args.rounds ?? '200', 'rounds', 1),
    warmup: int(args.warmup ?? '20', 'warmup', 0),
  };
}

const cleanups = new Set<() => Promise<void>>();
async function cleanUp() {
  for (const cleanup of [...cleanups].reverse()) {
    await cleanup().catch(e => process.stderr.write(`cleanup: ${e}\n`));
    cleanups.delete(cleanup);
  }
}

interface Result {
  label: string;
  size: number;
  seeded: Seeded;
  measured: Measured;
}

async function run(
  id: string,
  size: number,
  options: Options,
): Promise<Result> {
  let database: ScaleDatabase | undefined;
  let backend: Backend | undefined;
  const dropDatabase = async () => database?.drop();
  const stopBackend = async () => backend?.stop();
  cleanups.add(dropDatabase);
  try {
    database = await createDatabase(id);
    const log = (m: string) =>
      process.stderr.write(`[${database!.label}, ${size}] ${m}\n`);
    log('seeding …');
    const seeded = await seed(database.knex, size, log);
    log(
      `seeded ${seeded.postmortems} postmortems, ${
        seeded.actionItems
      } action items in ${seeded.seconds.toFixed(0)} s`,
    );
    const requests = await pageRequests(database.knex, seeded);
    cleanups.add(stopBackend);
    backend = await startBackend(database, log);
    log(`measuring ${options.warmup} + ${options.rounds} rounds …`);
    const measured = await measureRequests(requests, {
      token: guestToken,
      pid: backend.pid,
      waitUntilUp: backend.waitUntilUp,
      rounds: options.rounds,
      warmup: options.warmup,
    });
    return { label: database.label, size, seeded, measured };
  } finally {
    await stopBackend();
    cleanups.delete(stopBackend);
    await dropDatabase();
    cleanups.delete(dropDatabase);
  }
}

function ratio(value: number): string {
  return Number.isFinite(value)
    ? `${value.toFixed(value < 10 ? 2 : 1)} ×`
    : '-';
}

function report(result: Result, smallest?: Result) {
  const { timings, rssIdleMb, rssPeakSuggestionsMb } = result.measured;
  const yardstick = timings.find(t => t.name === CATALOG_LOOKUP)!.p50;
  const s = result.seeded;
  console.log(
    `\n### ${result.label}, ${result.size.toLocaleString(
      'en-US',
    )} postmortems\n`,
  );
  console.log(
    `${s.postmortems} postmortems, ${s.actionItems} action items, ${s.readingSessions} reading sessions, ` +
      `seeded in ${s.seconds.toFixed(
        0,
      )} s (of which the insights rollups ${s.rollupSeconds.toFixed(0)} s); ${
        timings[0].runs
      } rounds measured.\n`,
  );
  const header = ['request', 'p50 ms', 'p99 ms', 'p50 ÷ catalog', 'p99 ÷ p50'];
  if (smallest) header.push(`growth ${smallest.size} → ${result.size}`);
  header.push('answer');
  console.log(
    table(
      header,
      timings.map(t => {
        const row = [
          t.name,
          ms(t.p50),
          ms(t.p99),
          ratio(t.p50 / yardstick),
          ratio(t.p99 / t.p50),
        ];
        if (smallest) {
          const before = smallest.measured.timings.find(b => b.name === t.name);
          row.push(before ? ratio(t.p50 / before.p50) : '-');
        }
        row.push(t.note);
        return row;
      }),
    ),
  );
  console.log(
    `\nBackend RSS (process tree): idle ${rssIdleMb.toFixed(0)} MB, ` +
      `peak while suggestions run ${rssPeakSuggestionsMb.toFixed(0)} MB.${
        result.measured.restarts
          ? ` Samples skipped for dev-mode restarts: ${result.measured.restarts}.`
          : ''
      }${
        result.measured.tokenRenewals
          ? ` Samples skipped for a refused token (renewed): ${result.measured.tokenRenewals}.`
          : ''
      }`,
  );
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  console.log(
    `# postmortems scale benchmark: Node ${process.version}, ${
      os.cpus().length
    } × ` +
      `${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(
        os.totalmem() /
        2 ** 30
      ).toFixed(1)} GiB, ` +
      `${options.warmup} warm-up + ${options.rounds} measured rounds`,
  );
  for (const id of options.databases) {
    const sizes =
      options.sizes ?? (id === 'sqlite' ? [1000, 10000] : [1000, 100000]);
    let smallest: Result | undefined;
    for (const size of sizes) {
      const result = await run(id, size, options);
      report(result, smallest);
      smallest ??= result;
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: cleaning up …\n`);
    cleanUp().finally(() => process.exit(130));
  });
}

main().catch(async error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  await cleanUp();
  process.exitCode = 1;
});
