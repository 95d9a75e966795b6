/*
 * What the pages' queries need to stay index-bound at 100,000 postmortems
 * and 1,000,000 action items, filled in from the rows already there:
 *
 * - `postmortem_entities` carries its postmortem's `started_at` and
 *   `deleted_at`, so an entity's incident history is read from one index
 *   in page order instead of joining every postmortem about it first.
 * - `action_items` carries `is_open` and `due_key` (the due date, or
 *   9999-12-31 for none), so the open, overdue and team lists walk an
 *   index in due order instead of `NOT IN` on statuses and `COALESCE`.
 * - `postmortems` carries what ranking a reading session's picks needs of
 *   its action items, duration and date (`open_items`, the two earliest
 *   due dates of its open items, `impact_minutes`, `started_month`), so
 *   the ranking's bound is computed in SQL without grouping every action
 *   item.
 */

// @ts-check

const NO_DUE_DATE = '9999-12-31';
const CLOSED_STATUSES = ['done', 'wont_do'];

/** @param {import('knex').Knex} knex */
const isMySQL = knex => String(knex.client.config.client).includes('mysql');

/**
 * The indexes that serve only live rows. PostgreSQL and SQLite get partial
 * indexes (`WHERE deleted_at IS NULL …`): PostgreSQL does not take
 * `deleted_at IS NULL` on a leading column as fixing it, so an index led by
 * `deleted_at` yields no order and a page sorted the whole table instead.
 * MySQL has no partial indexes but does take `IS NULL` as a constant, so
 * there the same columns follow the filtered ones.
 */
const LIVE_INDEXES = [
  {
    name: 'postmortems_live_newest_idx',
    table: 'postmortems',
    columns: ['started_at', 'id'],
    // postmortems_newest_idx (deleted_at, started_at, id) serves MySQL.
    mysql: undefined,
    where: 'deleted_at IS NULL',
  },
  {
    name: 'postmortem_entities_timeline_idx',
    table: 'postmortem_entities',
    columns: ['entity_ref', 'started_at', 'postmortem_id'],
    mysql: ['entity_ref', 'deleted_at', 'started_at', 'postmortem_id'],
    where: 'deleted_at IS NULL',
  },
  {
    // Everything the bound of the reading session picks reads, so that the
    // database computes it from the index alone.
    name: 'postmortems_ranking_idx',
    table: 'postmortems',
    columns: [
      'severity',
      'started_at',
      'impact_minutes',
      'open_items',
      'first_open_due',
      'second_open_due',
      'started_month',
      'id',
    ],
    mysql: [
      'status',
      'deleted_at',
      'severity',
      'started_at',
      'impact_minutes',
      'open_items',
      'first_open_due',
      'second_open_due',
      'started_month',
    ],
    where: "deleted_at IS NULL AND status = 'published'",
  },
];

/** @param {import('knex').Knex} knex */
async function createLiveIndexes(knex) {
  for (const index of LIVE_INDEXES) {
    if (isMySQL(knex)) {
      if (index.mysql) {
        await knex.schema.alterTable(index.table, table => {
          table.index(index.mysql, index.name);
        });
      }
    } else {
      await knex.raw(
        `CREATE INDEX ?? ON ?? (${index.columns
          .map(() => '??')
          .join(', ')}) WHERE ${index.where}`,
        [index.name, index.table, ...index.columns],
      );
    }
  }
}

/** @param {import('knex').Knex} knex */
async function dropLiveIndexes(knex) {
  for (const index of LIVE_INDEXES) {
    if (isMySQL(knex)) {
      if (index.mysql) {
        await knex.schema.alterTable(index.table, table => {
          table.dropIndex(index.mysql, index.name);
        });
      }
    } else {
      await knex.raw('DROP INDEX ??', [index.name]);
    }
  }
}

/**
 * Minutes from the start to the resolution (or mitigation), rounded, in
 * each engine's date arithmetic; SQLite keeps timestamps as epoch
 * milliseconds (how Knex binds a Date there).
 *
 * @param {import('knex').Knex} knex
 */
function impactMinutesSql(knex) {
  const client = String(knex.client.config.client);
  const ended = 'COALESCE(resolved_at, mitigated_at)';
  if (isMySQL(knex)) {
    return `ROUND(TIMESTAMPDIFF(MICROSECOND, started_at, ${ended}) / 60000000)`;
  }
  if (client === 'pg' || client.includes('postgres')) {
    return `ROUND(EXTRACT(EPOCH FROM (${ended} - started_at)) / 60)`;
  }
  return `ROUND((${ended} - started_at) / 60000.0)`;
}

/**
 * The month (1–12) of `started_at` in UTC, in each engine's terms.
 *
 * @param {import('knex').Knex} knex
 */
function startedMonthSql(knex) {
  const client = String(knex.client.config.client);
  if (client.includes('mysql')) {
    return 'MONTH(started_at)';
  }
  if (client === 'pg' || client.includes('postgres')) {
    return "EXTRACT(MONTH FROM started_at AT TIME ZONE 'UTC')";
  }
  return "CAST(strftime('%m', started_at / 1000, 'unixepoch') AS INTEGER)";
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('postmortem_entities', table => {
    table
      .dateTime('started_at', { useTz: true, precision: 3 })
      .nullable()
      .comment("The postmortem's started_at, for an entity's timeline");
    table
      .dateTime('deleted_at', { useTz: true, precision: 3 })
      .nullable()
      .comment("The postmortem's deleted_at");
  });
  await knex('postmortem_entities').update({
    started_at: knex('postmortems as p')
      .select('p.started_at')
      .where('p.id', knex.ref('postmortem_entities.postmortem_id')),
    deleted_at: knex('postmortems as p')
      .select('p.deleted_at')
      .where('p.id', knex.ref('postmortem_entities.postmortem_id')),
  });

  await knex.schema.alterTable('action_items', table => {
    table
      .boolean('is_open')
      .notNullable()
      .defaultTo(true)
      .comment('false once the status is done or wont_do');
    table
      .string('due_key', 10)
      .notNullable()
      .defaultTo(NO_DUE_DATE)
      .comment(`due_date, or ${NO_DUE_DATE} when there is none: the sort key`);
  });
  await knex('action_items')
    .whereIn('status', CLOSED_STATUSES)
    .update({ is_open: false });
  await knex('action_items')
    .whereNotNull('due_date')
    .update({ due_key: knex.ref('due_date') });
  await knex.schema.alterTable('action_items', table => {
    table.index(['is_open', 'due_key', 'id'], 'action_items_open_due_idx');
    table.index(
      ['postmortem_id', 'is_open', 'due_key'],
      'action_items_postmortem_open_idx',
    );
  });

  await knex.schema.alterTable('postmortems', table => {
    table
      .integer('open_items')
      .notNullable()
      .defaultTo(0)
      .comment('How many of its action items are open');
    table
      .string('first_open_due', 10)
      .nullable()
      .comment('The earliest due date of its open action items');
    table
      .string('second_open_due', 10)
      .nullable()
      .comment('The second earliest due date of its open action items');
    table
      .integer('impact_minutes')
      .nullable()
      .comment('Minutes from started_at to resolved_at (or mitigated_at)');
    table
      .integer('started_month')
      .nullable()
      .comment('The month (1-12) of started_at in UTC, for anniversaries');
  });
  const openItems = () =>
    knex('action_items as a')
      .where('a.postmortem_id', knex.ref('postmortems.id'))
      .where('a.is_open', true);
  const openDue = (offset = 0) =>
    openItems()
      .whereNot('a.due_key', NO_DUE_DATE)
      .select('a.due_key')
      .orderBy('a.due_key')
      .limit(1)
      .offset(offset);
  await knex('postmortems').update({
    open_items: openItems().count('*'),
    first_open_due: openDue(),
    second_open_due: openDue(1),
    impact_minutes: knex.raw(impactMinutesSql(knex)),
    started_month: knex.raw(startedMonthSql(knex)),
  });
  await createLiveIndexes(knex);
};

/**
 * Drops columns with the engines' own ALTER TABLE … DROP COLUMN. Not
 * Knex's `dropColumn`: on SQLite it rebuilds the table, and dropping the
 * old `postmortems` inside the migration's transaction (foreign keys on)
 * would cascade to every action item.
 *
 * @param {import('knex').Knex} knex
 * @param {string} table
 * @param {string[]} columns
 */
async function dropColumns(knex, table, columns) {
  for (const column of columns) {
    await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table, column]);
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await dropLiveIndexes(knex);
  await dropColumns(knex, 'postmortems', [
    'open_items',
    'first_open_due',
    'second_open_due',
    'impact_minutes',
    'started_month',
  ]);
  await knex.schema.alterTable('action_items', table => {
    table.dropIndex(['is_open', 'due_key', 'id'], 'action_items_open_due_idx');
    table.dropIndex(
      ['postmortem_id', 'is_open', 'due_key'],
      'action_items_postmortem_open_idx',
    );
  });
  await dropColumns(knex, 'action_items', ['is_open', 'due_key']);
  await dropColumns(knex, 'postmortem_entities', ['started_at', 'deleted_at']);
};
