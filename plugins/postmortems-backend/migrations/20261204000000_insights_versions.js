/*
 * Insights (issue 15) answered again without asking the database twice:
 * every write that changes what the rollups count for a scope (an entity
 * ref, or '' for the portal) adds 1 to the scope's version in the same
 * transaction, and an answer is kept under the versions of the scopes it
 * was computed from (see src/database/DatabaseInsights.ts).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('insights_versions', table => {
    table.string('scope', 255).primary();
    table.bigInteger('version').notNullable();
  });
  // The portal's row, there from the start: writes only ever update it.
  await knex('insights_versions').insert({ scope: '', version: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('insights_versions');
};
