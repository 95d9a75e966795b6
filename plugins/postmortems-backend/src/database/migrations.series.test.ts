import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { migrationsDir, migrationsTableName } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const SERIES = '20261201000000_reading_session_series.js';
const config = { directory: migrationsDir, tableName: migrationsTableName };

const session = (id: string, extra: object = {}) => ({
  id,
  owner_group: 'group:default/sre',
  scheduled_at: new Date('2027-01-07T07:00:00.000Z'),
  duration_minutes: 30,
  status: 'planned',
  participants: '[]',
  notes: '読書会のメモ',
  version: 1,
  created_at: new Date('2026-12-01T00:00:00.000Z'),
  created_by: 'user:default/hanako.yamada',
  updated_at: new Date('2026-12-01T00:00:00.000Z'),
  updated_by: 'user:default/hanako.yamada',
  ...extra,
});

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it(`${SERIES} adds series_id, keeps the sessions there were, and goes down`, async () => {
    const knex: Knex = await databases.init(databaseId);
    await knex.migrate.up({ ...config, name: '20261123000000_init.js' });
    const before = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0101';
    await knex('reading_sessions').insert(session(before));

    await knex('postmortems').insert({
      id: '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0a01',
      title: 'キュー滞留',
      status: 'published',
      severity: 'sev2',
      detection: 'customer_report',
      started_at: new Date('2026-10-01T00:00:00.000Z'),
      template: 'sre-book',
      sections: '{}',
      timeline: '[]',
      tags: '[]',
      authors: '[]',
      entity_refs: '[]',
      search_text: 'キュー滞留',
      created_at: new Date('2026-10-01T00:00:00.000Z'),
      created_by: 'user:default/hanako.yamada',
      updated_at: new Date('2026-10-01T00:00:00.000Z'),
      updated_by: 'user:default/hanako.yamada',
      version: 1,
    });
    await knex('action_items').insert({
      id: '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0b01',
      postmortem_id: '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0a01',
      title: '読書会で挙がった改善',
      status: 'open',
      priority: 'medium',
      kind: 'other',
      reading_session_id: before,
      created_at: new Date('2026-12-01T00:00:00.000Z'),
      created_by: 'user:default/hanako.yamada',
      updated_at: new Date('2026-12-01T00:00:00.000Z'),
      updated_by: 'user:default/hanako.yamada',
      version: 1,
    });

    await knex.migrate.up({ ...config, name: SERIES });
    expect(await knex.schema.hasColumn('reading_sessions', 'series_id')).toBe(
      true,
    );
    const series = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0f00';
    const during = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f0102';
    await knex('reading_sessions').insert(
      session(during, { series_id: series }),
    );
    const rows = await knex('reading_sessions')
      .select('id', 'series_id', 'notes')
      .orderBy('id');
    expect(rows).toEqual([
      { id: before, series_id: null, notes: '読書会のメモ' },
      { id: during, series_id: series, notes: '読書会のメモ' },
    ]);
    expect(
      await knex('reading_sessions').where({ series_id: series }).select('id'),
    ).toEqual([{ id: during }]);

    await knex.migrate.down({ ...config, name: SERIES });
    expect(await knex.schema.hasColumn('reading_sessions', 'series_id')).toBe(
      false,
    );
    const [{ n }] = await knex('reading_sessions').count({ n: '*' });
    expect(Number(n)).toBe(2);
    // Going down keeps what refers to the sessions.
    expect(await knex('action_items').pluck('reading_session_id')).toEqual([
      before,
    ]);

    await knex.migrate.down({ ...config, name: '20261123000000_init.js' });
    expect(await knex.schema.hasTable('reading_sessions')).toBe(false);
    await knex.destroy();
  });
});
