// @ts-check

/**
 * What the postmortems notifications module has sent, so that a run that
 * is repeated (another replica, a restart half-way) sends nothing twice.
 * One row per notification and recipient: `key` says what it is about
 * (e.g. `due-soon:<action item id>:<due date>`). A row is claimed before
 * sending and marked sent after; a claim that is never marked (the process
 * died in between) may be taken over once it is old enough.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('postmortems_notifications_deliveries', t => {
    t.string('notification_key', 255).notNullable();
    t.string('recipient', 255).notNullable();
    // ISO 8601 in UTC: compared as text, and equal to the millisecond on
    // every database (a compare-and-set takes over a stale claim).
    t.string('claimed_at', 32).notNullable();
    t.string('sent_at', 32).nullable();
    t.primary(['notification_key', 'recipient']);
    t.index(
      ['sent_at', 'claimed_at'],
      'postmortems_notifications_deliveries_sent_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('postmortems_notifications_deliveries');
};
