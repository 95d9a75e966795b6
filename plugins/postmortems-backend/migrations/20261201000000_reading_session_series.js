/*
 * Reading sessions scheduled as a series (one a month, planned a year
 * ahead) carry the id of their series.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reading_sessions', table => {
    table
      .string('series_id', 36)
      .nullable()
      .comment('UUID of the series it was scheduled in; null for a single one');
    table.index(['series_id'], 'reading_sessions_series_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reading_sessions', table => {
    table.dropIndex(['series_id'], 'reading_sessions_series_idx');
  });
  // The engines' own DROP COLUMN, not Knex's dropColumn: on SQLite that
  // rebuilds the table, and dropping the old one inside the migration's
  // transaction (foreign keys on) set every action item's
  // reading_session_id to NULL.
  await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [
    'reading_sessions',
    'series_id',
  ]);
};
