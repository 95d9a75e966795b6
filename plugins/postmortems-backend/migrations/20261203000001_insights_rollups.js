/*
 * The rollups of insights (issue 15): counts per entity and per month (or
 * day) of the configured zone, kept in step by every write, so that a
 * service's, a team's and the portal's insights add up a few hundred
 * grouped rows instead of reading every postmortem and action item of the
 * scope (at 100,000 postmortems the portal's items are a million rows).
 *
 * Every table is a histogram: its key columns, then `n`, how many
 * postmortems or items have that key. `scope` is an entity ref, '' for the
 * whole portal, or a pair of entity refs ('#' and a SHA-1 of the two): a
 * postmortem counts once in the scope of each of its entities, once in the
 * portal's and once in each pair of its entities, so that a team's sum
 * over its entities can take away what two of them share. `owner` is ''
 * for unassigned items.
 * Months are `YYYY-MM`, days `YYYY-MM-DD`, both of the zone the rollups
 * were built in (`insights_rollup_state`).
 *
 * The tables start empty: the zone is configuration, which a migration
 * does not see. The plugin builds them (src/database/insights/rollups) and
 * answers from the grouped statements over the postmortems and items
 * themselves until it has.
 */

// @ts-check

const REF = 255;

/**
 * The rollups, by table: the key columns after `scope` and their widths
 * ('integer': a whole number). The order of the columns is that of the
 * primary key.
 *
 * @type {Record<string, Array<[string, number | 'integer']>>}
 */
const ROLLUPS = {
  // The incidents by the month they started in.
  insights_incidents: [
    ['month', 7],
    ['severity', 32],
    ['detection', 32],
    ['was_read', 1],
  ],
  // Whole minutes from start to detection ('detect') or resolution.
  insights_durations: [
    ['month', 7],
    ['measure', 8],
    ['minutes', 'integer'],
  ],
  // Items created ('opened') or closed ('closed') in a month.
  insights_item_months: [
    ['month', 7],
    ['kind', 8],
  ],
  // Closed items by month of completion and whole days of 24 h to close.
  insights_item_closings: [
    ['month', 7],
    ['owner', REF],
    ['days', 'integer'],
  ],
  // Open items by their day of creation (their age).
  insights_open_days: [['day', 10]],
  // Open items by owner.
  insights_open_owners: [['owner', REF]],
  // Open items by due day ('9999-12-31': no due date) and owner.
  insights_open_dues: [
    ['day', 10],
    ['owner', REF],
  ],
  // The incidents per entity (not the portal's or a pair's) and month, for
  // the entities with the most incidents.
  insights_entity_incidents: [['month', 7]],
  // Open items due before `overdue_before` of the state, by owner; and per
  // entity (not the portal's or a pair's), for the entities with the most
  // overdue. A request adds up the days from there to its today.
  insights_owner_overdue: [['owner', REF]],
  insights_overdue: [],
  // The postmortems of each pair scope: those about three or more of a
  // team's entities are counted out again one by one.
  insights_pair_members: [['postmortem_id', 36]],
  // Items with a due date by due month and day, and whether they were
  // closed by the end of their due day ('1') or not (yet).
  insights_due_months: [
    ['month', 7],
    ['met', 1],
  ],
  insights_due_days: [
    ['day', 10],
    ['met', 1],
  ],
};

/** @param {import('knex').Knex} knex */
const isPostgres = knex => String(knex.client.config.client).includes('pg');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = isPostgres(knex);
  for (const [name, keys] of Object.entries(ROLLUPS)) {
    const columns = ['scope', ...keys.map(([column]) => column)];
    await knex.schema.createTable(name, table => {
      table.string('scope', REF).notNullable();
      for (const [column, width] of keys) {
        if (width === 'integer') {
          table.integer(column).notNullable();
        } else {
          table.string(column, width).notNullable();
        }
      }
      table.integer('n').notNullable();
      if (!postgres) table.primary(columns);
    });
    // On PostgreSQL the key carries the count too, so that a scope's rows
    // are read from the index alone rather than from heap pages scattered
    // by the build; InnoDB keeps rows in key order anyway.
    if (postgres) {
      await knex.raw(
        `ALTER TABLE ?? ADD CONSTRAINT ?? PRIMARY KEY (${columns
          .map(() => '??')
          .join(', ')}) INCLUDE (n)`,
        [name, `${name}_pkey`, ...columns],
      );
    }
  }
  // A range's months of every entity, read from the index alone.
  await knex.schema.alterTable('insights_entity_incidents', table => {
    table.index(['month', 'scope', 'n'], 'insights_entity_incidents_month_idx');
  });
  // The entities with the most overdue items first.
  await knex.schema.alterTable('insights_overdue', table => {
    table.index(['n'], 'insights_overdue_n_idx');
  });
  await knex.schema.createTable('insights_rollup_state', table => {
    table.string('id', 16).primary();
    table.string('timezone', 64).notNullable();
    table
      .string('built_upto', 36)
      .notNullable()
      .comment(
        'The postmortems up to this id are counted; writes keep them in step',
      );
    table.boolean('complete').notNullable();
    table
      .string('overdue_before', 10)
      .notNullable()
      .comment('insights_overdue counts the open items due before this day');
  });
  // The one row, there from the start: a write takes a share lock on it
  // before it decides whether the rollups count its postmortem, which a
  // missing row would not give (see src/database/insights/rollups).
  await knex('insights_rollup_state').insert({
    id: 'rollups',
    timezone: '',
    built_upto: '',
    complete: false,
    overdue_before: '',
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('insights_rollup_state');
  for (const name of Object.keys(ROLLUPS)) {
    await knex.schema.dropTable(name);
  }
};
