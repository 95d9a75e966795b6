/*
 * Insights (issue 15): the incidents' rollup counted per dimension instead
 * of per combination. `insights_incidents` kept a row per month, severity,
 * detection and whether a session read it (up to 96 a month for a scope);
 * a request read them three times over, by severity, by detection and as
 * read. Now a postmortem counts once under `severity` (its severity, ''
 * for none), once under `detection` (likewise) and, when a held session
 * read it, once under `read` ('1'): about ten rows a month, read once.
 *
 * The rollups are then counted anew: the state is reset, so the scheduled
 * build starts over (insights are answered from the grouped statements
 * until it is complete).
 */

// @ts-check

const REF = 255;

/** @param {import('knex').Knex} knex */
const isPostgres = knex => String(knex.client.config.client).includes('pg');

/**
 * Creates `insights_incidents` with these key columns after `scope`.
 *
 * @param {import('knex').Knex} knex
 * @param {Array<[string, number]>} keys
 */
async function createIncidents(knex, keys) {
  const postgres = isPostgres(knex);
  const columns = ['scope', ...keys.map(([column]) => column)];
  await knex.schema.createTable('insights_incidents', table => {
    table.string('scope', REF).notNullable();
    for (const [column, width] of keys) {
      table.string(column, width).notNullable();
    }
    table.integer('n').notNullable();
    if (!postgres) table.primary(columns);
  });
  // As the other rollups: the key carries the count on PostgreSQL.
  if (postgres) {
    await knex.raw(
      `ALTER TABLE ?? ADD CONSTRAINT ?? PRIMARY KEY (${columns
        .map(() => '??')
        .join(', ')}) INCLUDE (n)`,
      ['insights_incidents', 'insights_incidents_pkey', ...columns],
    );
  }
}

/**
 * The build starts over: it counts every postmortem again when the state
 * names no zone.
 *
 * @param {import('knex').Knex} knex
 */
async function countAnew(knex) {
  await knex('insights_rollup_state')
    .where({ id: 'rollups' })
    .update({ timezone: '', built_upto: '', complete: false });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTable('insights_incidents');
  await createIncidents(knex, [
    ['month', 7],
    ['dimension', 16],
    ['value', 32],
  ]);
  await countAnew(knex);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('insights_incidents');
  await createIncidents(knex, [
    ['month', 7],
    ['severity', 32],
    ['detection', 32],
    ['was_read', 1],
  ]);
  await countAnew(knex);
};
