import { Knex } from 'knex';
import { engineOf } from '../../conversions';
import { Row } from '../../rows';
import { readFacts } from './facts';
import {
  KeyValue,
  ROLLUP_KEYS,
  ROLLUP_TABLES,
  RollupTable,
  Tally,
  ZoneDays,
  tallyPostmortem,
} from './tally';

/*
 * Keeping the rollups of insights in step with the postmortems, their
 * action items and the sessions that read them. The rollups count the
 * postmortems up to `built_upto` (ids in code-point order) of
 * `insights_rollup_state`, all of them once `complete`. A write counts
 * itself in when its postmortem is counted: it takes the postmortem's row
 * lock, then a share lock on the state, reads the postmortem's facts,
 * writes, reads them again and adds the difference. The build counts a
 * batch at a time under the state's exclusive lock, so a write and a batch
 * never interleave: a batch sees each write before it or the write sees
 * the batch's new `built_upto`. The state's one row exists from the
 * migration on: a write's share lock needs a row to lock.
 */

const STATE_ID = 'rollups';
/** Rows per multi-row INSERT. */
const INSERT_BATCH = 400;

/** What `insights_rollup_state` says. */
export interface RollupState {
  timezone: string;
  builtUpto: string;
  complete: boolean;
  /** `insights_overdue` counts the open items due before this day. */
  overdueBefore: string;
}

export async function readRollupState(
  db: Knex | Knex.Transaction,
  lock?: 'share' | 'update',
): Promise<RollupState | undefined> {
  const query = db('insights_rollup_state').where({ id: STATE_ID });
  if (lock === 'share') query.forShare();
  if (lock === 'update') query.forUpdate();
  const row: Row | undefined = await query.first();
  return row
    ? {
        timezone: row.timezone,
        builtUpto: row.built_upto,
        complete: Boolean(row.complete),
        overdueBefore: row.overdue_before,
      }
    : undefined;
}

/** Whether the rollups count this postmortem in this zone. */
function counts(state: RollupState | undefined, zone: string, id: string) {
  return (
    state !== undefined &&
    state.timezone === zone &&
    (state.complete || id <= state.builtUpto)
  );
}

function compareKeys(a: KeyValue[], b: KeyValue[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/**
 * Adds a tally to the rollups (an upsert per table). A count that drops to
 * 0 stays as a row: deleting it would take more locks for nothing.
 */
export async function applyTally(tx: Knex.Transaction, tally: Tally) {
  const mysql = engineOf(tx) === 'mysql';
  for (const table of ROLLUP_TABLES) {
    const columns = ['scope', ...ROLLUP_KEYS[table]];
    const rows: Row[] = [];
    // In key order, so that two writes lock the rows they share in the
    // same order; MySQL/MariaDB's gap locks can still deadlock two inserts
    // of new keys, whose victim the store runs again (StoreContext.write).
    const sorted = [...tally.rows(table)].sort((a, b) =>
      compareKeys(a.key, b.key),
    );
    for (const { key, n } of sorted) {
      const row: Row = Object.fromEntries(columns.map((c, i) => [c, key[i]]));
      rows.push({ ...row, n });
    }
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx(table)
        .insert(rows.slice(i, i + INSERT_BATCH))
        .onConflict(columns)
        .merge({
          n: mysql
            ? tx.raw('?? + VALUES(??)', ['n', 'n'])
            : tx.raw('??.?? + ??', [table, 'n', 'excluded.n']),
        });
    }
  }
}

/**
 * Runs a write of these postmortems in its transaction and counts its
 * difference into the rollups. `created`: the postmortem does not exist
 * yet, so there is nothing to take away. `locked`: the caller holds the
 * postmortems' row locks already (`lockPostmortemRow`).
 */
export async function trackInsights<T>(
  tx: Knex.Transaction,
  timezone: string,
  ids: Array<string | null | undefined>,
  write: () => Promise<T>,
  options: { created?: boolean; locked?: boolean } = {},
): Promise<T> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))].sort();
  if (wanted.length === 0) {
    return write();
  }
  if (!options.created && !options.locked) {
    for (const id of wanted) {
      await tx('postmortems').where({ id }).forUpdate().first('id');
    }
  }
  const state = await readRollupState(tx, 'share');
  const tracked = wanted.filter(id => counts(state, timezone, id));
  if (tracked.length === 0) {
    return write();
  }
  const days = new ZoneDays(timezone);
  const tally = new Tally();
  if (!options.created) {
    for (const facts of (
      await readFacts(tx, tracked, { locking: true })
    ).values()) {
      tallyPostmortem(tally, facts, days, {
        overdueBefore: state!.overdueBefore,
        weight: -1,
      });
    }
  }
  const result = await write();
  for (const facts of (
    await readFacts(tx, tracked, { locking: true })
  ).values()) {
    tallyPostmortem(tally, facts, days, {
      overdueBefore: state!.overdueBefore,
    });
  }
  await applyTally(tx, tally);
  await bumpVersions(tx, changedScopes(tally));
  return result;
}

/**
 * The scopes whose counts a tally changes: entity refs, and '' for the
 * portal (a pair's counts change with both of its entities').
 */
function changedScopes(tally: Tally): string[] {
  const scopes = new Set<string>();
  for (const table of ROLLUP_TABLES) {
    for (const { key } of tally.rows(table)) {
      const scope = key[0] as string;
      if (!scope.startsWith('#')) scopes.add(scope);
    }
  }
  return [...scopes].sort();
}

/**
 * Adds 1 to the versions of these scopes (`insights_versions`), in order:
 * an answer kept under their old versions is not given again. The
 * portal's row exists from the migration on.
 */
async function bumpVersions(tx: Knex.Transaction, scopes: string[]) {
  if (scopes.length === 0) return;
  const mysql = engineOf(tx) === 'mysql';
  await tx('insights_versions')
    .insert(scopes.map(scope => ({ scope, version: 1 })))
    .onConflict('scope')
    .merge({
      version: mysql
        ? tx.raw('?? + 1', ['version'])
        : tx.raw('??.?? + 1', ['insights_versions', 'version']),
    });
}

/** The versions of these scopes (0 for one never written). */
export async function readVersions(
  db: Knex,
  scopes: string[],
): Promise<number[]> {
  const rows: Row[] = await db('insights_versions')
    .whereIn('scope', scopes)
    .select('scope', 'version');
  const versions = new Map(rows.map(row => [row.scope, Number(row.version)]));
  return scopes.map(scope => versions.get(scope) ?? 0);
}

/** `postmortems.id` compared in code-point order, as JavaScript sorts. */
const BINARY_ID = {
  pg: 'id COLLATE "C"',
  mysql: 'CAST(id AS BINARY)',
  sqlite: 'id',
};

/** Postmortem ids after `after` in code-point order. */
function idsAfter(tx: Knex.Transaction, after: string, limit: number) {
  const id = BINARY_ID[engineOf(tx)];
  return tx('postmortems')
    .whereRaw(`${id} > ?`, [after])
    .orderByRaw(id)
    .limit(limit)
    .pluck('id') as Promise<string[]>;
}

/**
 * Builds the rollups in `timezone` if they are not complete in it: starts
 * over when they were built in another zone (or never), then counts the
 * postmortems a batch at a time. Safe to run beside writes, and by two
 * instances at once (each batch holds the state's lock). How many
 * postmortems it counted.
 */
export async function buildInsightsRollups(
  db: Knex,
  timezone: string,
  options: { batchSize?: number; clock?: () => Date } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const days = new ZoneDays(timezone);
  const today = () =>
    days.dayOf((options.clock ?? (() => new Date()))().getTime());
  await db.transaction(async tx => {
    const state = await readRollupState(tx, 'update');
    if (state?.timezone === timezone) return;
    for (const table of ROLLUP_TABLES) {
      await tx(table).delete();
    }
    const row = {
      timezone,
      built_upto: '',
      complete: false,
      overdue_before: today(),
    };
    if (state) {
      await tx('insights_rollup_state').where({ id: STATE_ID }).update(row);
    } else {
      await tx('insights_rollup_state').insert({ id: STATE_ID, ...row });
    }
  });
  let counted = 0;
  // One batch in its transaction: how many postmortems it counted, or
  // undefined when there are no more.
  const batch = (tx: Knex.Transaction) =>
    countBatch(tx, timezone, days, batchSize);
  for (;;) {
    const n = await db.transaction(batch);
    if (n === undefined) break;
    counted += n;
  }
  await moveOverdueTo(db, timezone, today());
  return counted;
}

/** Counts the next batch of postmortems after `built_upto`, if any. */
async function countBatch(
  tx: Knex.Transaction,
  timezone: string,
  days: ZoneDays,
  batchSize: number,
): Promise<number | undefined> {
  const state = await readRollupState(tx, 'update');
  if (!state || state.timezone !== timezone || state.complete) {
    return undefined;
  }
  const ids = await idsAfter(tx, state.builtUpto, batchSize);
  if (ids.length === 0) {
    await tx('insights_rollup_state')
      .where({ id: STATE_ID })
      .update({ complete: true });
    return undefined;
  }
  const tally = new Tally();
  for (const facts of (await readFacts(tx, ids)).values()) {
    tallyPostmortem(tally, facts, days, {
      overdueBefore: state.overdueBefore,
    });
  }
  await applyTally(tx, tally);
  await tx('insights_rollup_state')
    .where({ id: STATE_ID })
    .update({ built_upto: ids[ids.length - 1] });
  return ids.length;
}

/**
 * Moves the day `insights_overdue` counts before to `day`: adds each
 * entity's open items due from the old day up to the new one (or takes
 * them away, going back), under the state's lock, so that a day's request
 * adds up only the days since. The build does it, hourly.
 */
export async function moveOverdueTo(db: Knex, timezone: string, day: string) {
  await db.transaction(async tx => {
    const state = await readRollupState(tx, 'update');
    if (!state || state.timezone !== timezone || state.overdueBefore === day) {
      return;
    }
    const [from, to, sign] =
      state.overdueBefore < day
        ? [state.overdueBefore, day, 1]
        : [day, state.overdueBefore, -1];
    const rows: Row[] = await tx('insights_open_dues')
      .select('scope', 'owner')
      .sum({ n: 'n' })
      .where('day', '>=', from)
      .where('day', '<', to)
      .groupBy('scope', 'owner');
    const tally = new Tally();
    for (const row of rows) {
      const n = sign * Number(row.n);
      tally.add('insights_owner_overdue', [row.scope, row.owner], n);
      if (row.scope !== '' && !String(row.scope).startsWith('#')) {
        tally.add('insights_overdue', [row.scope], n);
      }
    }
    await applyTally(tx, tally);
    await tx('insights_rollup_state')
      .where({ id: STATE_ID })
      .update({ overdue_before: day });
  });
}

/**
 * Forgets the rollups: no zone, nothing counted (the state of a new
 * install), so that the next build starts over.
 */
export async function resetInsightsRollups(db: Knex) {
  await db.transaction(async tx => {
    await readRollupState(tx, 'update');
    for (const table of ROLLUP_TABLES) {
      await tx(table).delete();
    }
    await tx('insights_rollup_state').where({ id: STATE_ID }).update({
      timezone: '',
      built_upto: '',
      complete: false,
      overdue_before: '',
    });
  });
}

/** Whether the rollups are complete in this zone. */
export async function rollupsReady(db: Knex, timezone: string) {
  const state = await readRollupState(db);
  return state?.timezone === timezone && state.complete;
}

export type { RollupTable };
