/*
 * The postmortems benchmark: fills a throwaway database per engine through
 * the store, then times the API's common reads and a versioned change over
 * HTTP, the way the frontend calls them. It prints figures only; nothing
 * here passes or fails on timing.
 *
 *   yarn workspace @postmortems/backstage-plugin-postmortems-backend bench \
 *     [--postmortems=5000] [--databases=sqlite,postgres,mysql] \
 *     [--concurrency=4] [--runs=50]
 *
 * SQLite always runs (a temp file); PostgreSQL and MySQL run when
 * BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING and
 * BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING are set: a database of
 * its own is created there and dropped afterwards.
 */

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { BenchmarkTarget, benchmarkTargets } from './databases';
import { Latency, ms, table } from './measure';
import { measureApi, seed, SeedFigures, startApi } from './run';

interface Options {
  postmortems: number;
  databases?: string[];
  concurrency: number;
  runs: number;
}

function readOptions(argv: string[]): Options {
  const args = Object.fromEntries(
    argv
      .filter(a => a.startsWith('--'))
      .map(a => a.slice(2).split('=') as [string, string | undefined]),
  );
  const int = (name: string, fallback: number) => {
    const value = Number(args[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`--${name} must be a positive integer`);
    }
    return value;
  };
  return {
    postmortems: int('postmortems', 5000),
    databases: args.databases?.split(',').map(s => s.trim().toLowerCase()),
    concurrency: int('concurrency', 4),
    runs: int('runs', 50),
  };
}

interface Result {
  label: string;
  seed: SeedFigures;
  latencies: Latency[];
  seconds: number;
}

async function benchmark(
  target: BenchmarkTarget,
  options: Options,
): Promise<Result> {
  const started = performance.now();
  const database = await target.create();
  const log = (message: string) =>
    process.stderr.write(`[${database.label}] ${message}\n`);
  try {
    log(`seeding ${options.postmortems} postmortems …`);
    const seeded = await seed(database.knex, options);
    log(
      `seeded in ${seeded.figures.seconds.toFixed(1)} s; measuring the API …`,
    );
    const api = await startApi(seeded.stores);
    try {
      const latencies = await measureApi(api.baseUrl, seeded, options.runs);
      return {
        label: database.label,
        seed: seeded.figures,
        latencies,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      await api.close();
    }
  } finally {
    await database.drop();
  }
}

function report(result: Result) {
  const s = result.seed;
  console.log(`\n## ${result.label}\n`);
  console.log(
    table(
      ['seeding through the store', 'count', 'rate'],
      [
        [
          'postmortems (with entities, tags, revision)',
          String(s.postmortems),
          `${(s.postmortems / s.postmortemSeconds).toFixed(0)} /s`,
        ],
        [
          'action items',
          String(s.actionItems),
          `${(s.actionItems / s.actionItemSeconds).toFixed(0)} /s`,
        ],
      ],
    ),
  );
  console.log();
  console.log(
    table(
      ['request (HTTP, in process)', 'runs', 'p50 ms', 'p95 ms', 'returned'],
      result.latencies.map(l => [
        l.name,
        String(l.runs),
        ms(l.p50),
        ms(l.p95),
        l.note ?? '',
      ]),
    ),
  );
  console.log(`\n(${result.seconds.toFixed(0)} s in all)`);
}

function summary(results: Result[]) {
  console.log('\n## Summary (p50 / p95 ms)\n');
  console.log(
    table(
      ['', ...results.map(r => r.label)],
      [
        [
          'insert postmortems /s',
          ...results.map(r =>
            (r.seed.postmortems / r.seed.postmortemSeconds).toFixed(0),
          ),
        ],
        [
          'insert action items /s',
          ...results.map(r =>
            (r.seed.actionItems / r.seed.actionItemSeconds).toFixed(0),
          ),
        ],
        ...results[0].latencies.map((l, i) => [
          l.name,
          ...results.map(
            r => `${ms(r.latencies[i].p50)} / ${ms(r.latencies[i].p95)}`,
          ),
        ]),
      ],
    ),
  );
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const targets = benchmarkTargets(process.env, options.databases);
  console.log(
    `# postmortems benchmark: ${options.postmortems} postmortems, ` +
      `concurrency ${options.concurrency}, Node ${process.version}, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}`,
  );
  const results: Result[] = [];
  for (const target of targets) {
    const result = await benchmark(target, options);
    report(result);
    results.push(result);
  }
  if (results.length > 1) {
    summary(results);
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
