/*
 * Insights (issue 15) aggregate every incident of a scope within a range
 * and every action item of its postmortems: at 100,000 postmortems the
 * busiest entity has about 11,000 postmortems and 110,000 items, the portal
 * everything. Two indexes carry every column insights read, so that the
 * rows are read from the index alone instead of one by one from the table
 * (on InnoDB a postmortem's row is its whole text; PostgreSQL read the
 * whole item table instead):
 *
 * - `action_items_postmortem_facts_idx` (postmortem_id, is_open, due_key,
 *   created_at, completed_at, owner) takes the place of
 *   `action_items_postmortem_open_idx` (postmortem_id, is_open, due_key),
 *   whose columns lead it: a postmortem's open items in due order are read
 *   from it as before.
 * - `postmortems_live_facts_idx`: the live postmortems by start with their
 *   severity, detection and times, in place of the index of live
 *   postmortems by start that leads it (`postmortems_live_newest_idx`,
 *   partial, on PostgreSQL and SQLite; `postmortems_newest_idx` on MySQL,
 *   which has no partial indexes but takes `deleted_at IS NULL` as a
 *   constant of the index's first column). The newest-first pages walk it
 *   as before.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
const isMySQL = knex => String(knex.client.config.client).includes('mysql');

const ITEMS = {
  table: 'action_items',
  old: {
    name: 'action_items_postmortem_open_idx',
    columns: ['postmortem_id', 'is_open', 'due_key'],
  },
  new: {
    name: 'action_items_postmortem_facts_idx',
    columns: [
      'postmortem_id',
      'is_open',
      'due_key',
      'created_at',
      'completed_at',
      'owner',
    ],
  },
};

const FACTS = ['severity', 'detection', 'detected_at', 'resolved_at'];

/** @param {import('knex').Knex} knex */
function postmortemIndexes(knex) {
  return isMySQL(knex)
    ? {
        table: 'postmortems',
        old: {
          name: 'postmortems_newest_idx',
          columns: ['deleted_at', 'started_at', 'id'],
        },
        new: {
          name: 'postmortems_live_facts_idx',
          columns: ['deleted_at', 'started_at', 'id', ...FACTS],
        },
      }
    : {
        table: 'postmortems',
        old: {
          name: 'postmortems_live_newest_idx',
          columns: ['started_at', 'id'],
          where: 'deleted_at IS NULL',
        },
        new: {
          name: 'postmortems_live_facts_idx',
          columns: ['started_at', 'id', ...FACTS],
          where: 'deleted_at IS NULL',
        },
      };
}

/**
 * @param {import('knex').Knex} knex
 * @param {string} table
 * @param {{ name: string, columns: string[], where?: string }} index
 */
async function createIndex(knex, table, index) {
  if (index.where) {
    await knex.raw(
      `CREATE INDEX ?? ON ?? (${index.columns
        .map(() => '??')
        .join(', ')}) WHERE ${index.where}`,
      [index.name, table, ...index.columns],
    );
  } else {
    await knex.schema.alterTable(table, t => {
      t.index(index.columns, index.name);
    });
  }
}

/**
 * @param {import('knex').Knex} knex
 * @param {string} table
 * @param {{ name: string, columns: string[], where?: string }} index
 */
async function dropIndex(knex, table, index) {
  if (index.where) {
    await knex.raw('DROP INDEX ??', [index.name]);
  } else {
    await knex.schema.alterTable(table, t => {
      t.dropIndex(index.columns, index.name);
    });
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Each new index before the old one goes, so that the queries (and on
  // MySQL the foreign key of action_items.postmortem_id) always have one.
  for (const { table, old, new: index } of [ITEMS, postmortemIndexes(knex)]) {
    await createIndex(knex, table, index);
    await dropIndex(knex, table, old);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const { table, old, new: index } of [ITEMS, postmortemIndexes(knex)]) {
    await createIndex(knex, table, old);
    await dropIndex(knex, table, index);
  }
};
