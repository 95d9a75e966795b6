import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { migrationsDir, migrationsTableName } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function migrateUpTo(knex: Knex, name: string) {
  await knex.migrate.up({
    directory: migrationsDir,
    tableName: migrationsTableName,
    name,
  });
}

async function migrateDownFrom(knex: Knex, name: string) {
  await knex.migrate.down({
    directory: migrationsDir,
    tableName: migrationsTableName,
    name,
  });
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('20261123000000_init goes up, keeps Japanese text, and goes down', async () => {
    const knex = await databases.init(databaseId);
    await migrateUpTo(knex, '20261123000000_init.js');

    const now = new Date('2026-11-01T03:00:00.000Z');
    await knex('postmortems').insert({
      id: '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0001',
      title: '非同期ジョブのキュー滞留',
      status: 'published',
      severity: 'sev2',
      detection: 'customer_report',
      started_at: now,
      template: 'sre-book',
      sections: JSON.stringify({ summary: 'キューにジョブが滞留した' }),
      timeline: '[]',
      tags: '[]',
      authors: '[]',
      entity_refs: '["component:default/seikyu-kanri-robo"]',
      search_text: '非同期ジョブのキュー滞留 キューにジョブが滞留した',
      created_at: now,
      created_by: 'user:default/guest',
      updated_at: now,
      updated_by: 'user:default/guest',
      version: 1,
    });
    await knex('postmortem_entities').insert({
      postmortem_id: '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0001',
      entity_ref: 'component:default/seikyu-kanri-robo',
    });

    const rows = await knex('postmortems')
      .join(
        'postmortem_entities',
        'postmortems.id',
        'postmortem_entities.postmortem_id',
      )
      .where('entity_ref', 'component:default/seikyu-kanri-robo')
      .where('search_text', 'like', '%滞留%')
      .select('title', 'started_at');
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe('非同期ジョブのキュー滞留');

    await migrateDownFrom(knex, '20261123000000_init.js');
    expect(await knex.schema.hasTable('postmortems')).toBe(false);
    expect(await knex.schema.hasTable('action_items')).toBe(false);

    await knex.destroy();
  });
});
