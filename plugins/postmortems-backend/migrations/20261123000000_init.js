/*
 * The tables of the postmortems plugin: postmortems with their entities, tags
 * and revisions, action items, and reading sessions.
 */

// @ts-check

/**
 * MySQL tables must be utf8mb4 so Japanese text is stored as it is (the
 * server default may be latin1). Knex refuses these calls elsewhere.
 *
 * @param {import('knex').Knex} knex
 * @returns {(table: import('knex').Knex.CreateTableBuilder) => void}
 */
function utf8mb4For(knex) {
  if (!knex.client.config.client.includes('mysql')) {
    return () => {};
  }
  return table => {
    table.charset('utf8mb4');
    table.collate('utf8mb4_unicode_ci');
  };
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isMySQL = knex.client.config.client.includes('mysql');
  const utf8mb4 = utf8mb4For(knex);

  await knex.schema.createTable('postmortems', table => {
    utf8mb4(table);
    table.comment(
      'Postmortems: one per incident, in the sections of a template',
    );
    table.string('id', 36).primary().comment('UUID');
    table.string('title', 200).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('draft | in_review | published');
    table.string('severity', 8).notNullable().comment('sev1 … sev4');
    table
      .string('detection', 32)
      .notNullable()
      .comment(
        'customer_report | monitoring_alert | internal_discovery | other',
      );
    table
      .dateTime('started_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When the incident started');
    table.dateTime('detected_at', { useTz: true, precision: 3 }).nullable();
    table.dateTime('mitigated_at', { useTz: true, precision: 3 }).nullable();
    table.dateTime('resolved_at', { useTz: true, precision: 3 }).nullable();
    table.string('template', 64).notNullable().comment('Template id');
    table
      .text('sections', 'longtext')
      .notNullable()
      .comment('JSON object: section key to Markdown');
    table
      .text('timeline', 'longtext')
      .notNullable()
      .comment('JSON array of { at, text }');
    table
      .text('tags', 'mediumtext')
      .notNullable()
      .comment('JSON array of tags');
    table
      .text('authors', 'mediumtext')
      .notNullable()
      .comment('JSON array of user refs');
    table
      .text('entity_refs', 'mediumtext')
      .notNullable()
      .comment('JSON array of entity refs, in the order given');
    table
      .text('search_text', 'longtext')
      .notNullable()
      .comment(
        'Lower-cased title and section texts, for substring search (LIKE) in any language',
      );
    table.dateTime('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.dateTime('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
    table
      .integer('version')
      .notNullable()
      .comment('Starts at 1, +1 per accepted change');
    table
      .dateTime('deleted_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('Set by a soft delete; null while the postmortem is live');
    table.string('deleted_by', 255).nullable();
    table.index(['deleted_at', 'started_at', 'id'], 'postmortems_newest_idx');
  });

  if (isMySQL) {
    // Substring search compares the lower-cased text byte for byte, so
    // kana and accents are not folded together by the collation.
    await knex.raw(
      'ALTER TABLE postmortems MODIFY search_text LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL',
    );
  }

  await knex.schema.createTable('postmortem_entities', table => {
    utf8mb4(table);
    table.comment('The catalog entities a postmortem is about, for lookups');
    table
      .string('postmortem_id', 36)
      .notNullable()
      .references('id')
      .inTable('postmortems')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable().comment('Normalised ref');
    table.primary(['postmortem_id', 'entity_ref']);
    table.index(['entity_ref', 'postmortem_id'], 'postmortem_entities_ref_idx');
  });

  await knex.schema.createTable('postmortem_tags', table => {
    utf8mb4(table);
    table.comment('Tags of a postmortem, for lookups');
    table
      .string('postmortem_id', 36)
      .notNullable()
      .references('id')
      .inTable('postmortems')
      .onDelete('CASCADE');
    table.string('tag', 100).notNullable();
    table.primary(['postmortem_id', 'tag']);
    table.index(['tag', 'postmortem_id'], 'postmortem_tags_tag_idx');
  });

  await knex.schema.createTable('postmortem_revisions', table => {
    utf8mb4(table);
    table.comment('Every accepted change of a postmortem: nothing is lost');
    table.bigIncrements('revision_id').primary();
    table
      .string('postmortem_id', 36)
      .notNullable()
      .references('id')
      .inTable('postmortems')
      .onDelete('CASCADE');
    table.integer('version').notNullable().comment('The version it created');
    table
      .string('action', 16)
      .notNullable()
      .comment('created | updated | deleted | restored');
    table.dateTime('changed_at', { useTz: true, precision: 3 }).notNullable();
    table.string('changed_by', 255).notNullable();
    table
      .text('changed_fields', 'mediumtext')
      .notNullable()
      .comment('JSON array of the field names the change touched');
    table
      .text('snapshot', 'longtext')
      .notNullable()
      .comment('JSON of the postmortem as it was after the change');
    table.unique(['postmortem_id', 'version'], {
      indexName: 'postmortem_revisions_version_uq',
    });
  });

  await knex.schema.createTable('reading_sessions', table => {
    utf8mb4(table);
    table.comment('Postmortem reading sessions (ポストモーテム読書会)');
    table.string('id', 36).primary().comment('UUID');
    table.string('owner_group', 255).notNullable().comment('Group ref');
    table.dateTime('scheduled_at', { useTz: true, precision: 3 }).notNullable();
    table.integer('duration_minutes').notNullable();
    table.string('facilitator', 255).nullable().comment('User ref');
    table
      .string('postmortem_id', 36)
      .nullable()
      .references('id')
      .inTable('postmortems')
      .onDelete('SET NULL')
      .comment('The pick; null until chosen');
    table
      .string('status', 16)
      .notNullable()
      .comment('planned | held | cancelled');
    table
      .text('participants', 'mediumtext')
      .notNullable()
      .comment('JSON array of user refs');
    table.text('notes', 'longtext').nullable().comment('Markdown');
    table.integer('version').notNullable();
    table.dateTime('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.dateTime('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.index(['owner_group', 'scheduled_at'], 'reading_sessions_group_idx');
    table.index(['postmortem_id'], 'reading_sessions_postmortem_idx');
  });

  await knex.schema.createTable('action_items', table => {
    utf8mb4(table);
    table.comment('Follow-up actions of postmortems');
    table.string('id', 36).primary().comment('UUID');
    table
      .string('postmortem_id', 36)
      .notNullable()
      .references('id')
      .inTable('postmortems')
      .onDelete('CASCADE');
    table.string('title', 300).notNullable();
    table.text('description', 'longtext').nullable().comment('Markdown');
    table.string('owner', 255).nullable().comment('User or group ref');
    table.string('due_date', 10).nullable().comment('YYYY-MM-DD');
    table
      .string('status', 16)
      .notNullable()
      .comment('open | in_progress | done | wont_do');
    table.string('priority', 8).notNullable().comment('high | medium | low');
    table
      .string('kind', 16)
      .notNullable()
      .comment('mitigate | prevent | detect | process | other');
    table.text('external_url').nullable().comment('http(s) link to a tracker');
    table
      .string('reading_session_id', 36)
      .nullable()
      .references('id')
      .inTable('reading_sessions')
      .onDelete('SET NULL')
      .comment('The reading session it was raised in');
    table.dateTime('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.dateTime('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.string('updated_by', 255).notNullable();
    table
      .dateTime('completed_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('Set when the status becomes done or wont_do');
    table.integer('version').notNullable();
    table.index(['postmortem_id', 'due_date'], 'action_items_postmortem_idx');
    table.index(['owner', 'status', 'due_date'], 'action_items_owner_idx');
    table.index(['status', 'due_date'], 'action_items_status_due_idx');
    table.index(['reading_session_id'], 'action_items_session_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('action_items');
  await knex.schema.dropTable('reading_sessions');
  await knex.schema.dropTable('postmortem_revisions');
  await knex.schema.dropTable('postmortem_tags');
  await knex.schema.dropTable('postmortem_entities');
  await knex.schema.dropTable('postmortems');
};
