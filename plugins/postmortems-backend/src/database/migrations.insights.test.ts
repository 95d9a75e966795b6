import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { engineOf } from './conversions';
import { migrationsDir, migrationsTableName } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const INSIGHTS = '20261203000000_insights_facts.js';
const BEFORE = [
  '20261123000000_init.js',
  '20261201000000_reading_session_series.js',
  '20261202000000_scale_lookups.js',
  '20261202000001_search_grams.js',
];
const config = { directory: migrationsDir, tableName: migrationsTableName };

const PM = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f3001';
const by = 'user:default/hanako.yamada';
const at = (iso: string) => new Date(iso);

let itemNumber = 0;
const item = (status: string, dueDate: string | null, owner: string | null) => {
  const open = status === 'open' || status === 'in_progress';
  return {
    id: `0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f4${String(++itemNumber).padStart(
      3,
      '0',
    )}`,
    postmortem_id: PM,
    title: 'キューの滞留にアラートを設定する',
    owner,
    status,
    priority: 'high',
    kind: 'detect',
    due_date: dueDate,
    is_open: open,
    due_key: dueDate ?? '9999-12-31',
    created_at: at('2026-10-02T00:00:00.000Z'),
    created_by: by,
    updated_at: at('2026-10-02T00:00:00.000Z'),
    updated_by: by,
    completed_at: open ? null : at('2026-10-20T00:00:00.000Z'),
    version: 1,
  };
};

/** The names of the indexes of `action_items` and `postmortems`. */
async function indexNames(knex: Knex): Promise<string[]> {
  const engine = engineOf(knex);
  const tables = ['action_items', 'postmortems'];
  if (engine === 'pg') {
    const { rows } = await knex.raw(
      'SELECT indexname AS name FROM pg_indexes WHERE tablename IN (?, ?)',
      tables,
    );
    return rows.map((r: { name: string }) => r.name);
  }
  if (engine === 'mysql') {
    const [rows] = await knex.raw(
      'SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?, ?)',
      tables,
    );
    return rows.map((r: { name: string }) => r.name);
  }
  const rows = await knex.raw(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (?, ?)",
    tables,
  );
  return rows.map((r: { name: string }) => r.name);
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it(`${INSIGHTS} widens the indexes of live postmortems and of a postmortem's items, keeps the rows, and goes down`, async () => {
    const knex: Knex = await databases.init(databaseId);
    for (const name of BEFORE.slice(0, 3)) {
      await knex.migrate.up({ ...config, name });
    }
    await knex('postmortems').insert({
      id: PM,
      title: '非同期ジョブのキュー滞留',
      status: 'published',
      severity: 'sev2',
      detection: 'customer_report',
      started_at: at('2026-10-01T03:00:00.000Z'),
      template: 'sre-book',
      sections: '{}',
      timeline: '[]',
      tags: '[]',
      authors: '[]',
      entity_refs: '["component:default/seikyu-kanri-robo"]',
      search_text: '非同期ジョブのキュー滞留',
      created_at: at('2026-10-02T00:00:00.000Z'),
      created_by: by,
      updated_at: at('2026-10-02T00:00:00.000Z'),
      updated_by: by,
      version: 1,
    });
    await knex('action_items').insert([
      item('open', '2026-12-10', 'group:default/sre'),
      item('in_progress', '2026-11-20', null),
      item('done', '2026-10-15', 'group:default/sre'),
      item('open', null, 'user:default/hanako.yamada'),
    ]);
    await knex.migrate.up({ ...config, name: BEFORE[3] });

    const openItems = () =>
      knex('action_items')
        .where({ postmortem_id: PM, is_open: true })
        .orderBy('due_key')
        .pluck('due_key');
    const expectedOpen = ['2026-11-20', '2026-12-10', '9999-12-31'];
    expect(await openItems()).toEqual(expectedOpen);
    // The live postmortems by start: partial where the engine has them.
    const livePostmortems =
      engineOf(knex) === 'mysql'
        ? 'postmortems_newest_idx'
        : 'postmortems_live_newest_idx';
    const newestFirst = () =>
      knex('postmortems')
        .whereNull('deleted_at')
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .pluck('id');
    expect(await newestFirst()).toEqual([PM]);
    const before = await indexNames(knex);
    expect(before).toContain('action_items_postmortem_open_idx');
    expect(before).toContain(livePostmortems);

    await knex.migrate.up({ ...config, name: INSIGHTS });
    const widened = await indexNames(knex);
    expect(widened).toContain('action_items_postmortem_facts_idx');
    expect(widened).not.toContain('action_items_postmortem_open_idx');
    expect(widened).toContain('postmortems_live_facts_idx');
    expect(widened).not.toContain(livePostmortems);
    expect(await openItems()).toEqual(expectedOpen);
    expect(await newestFirst()).toEqual([PM]);
    const [{ n }] = await knex('action_items')
      .where({ postmortem_id: PM })
      .whereNotNull('completed_at')
      .count({ n: '*' });
    expect(Number(n)).toBe(1);

    await knex.migrate.down({ ...config, name: INSIGHTS });
    const narrowed = await indexNames(knex);
    expect(narrowed).toContain('action_items_postmortem_open_idx');
    expect(narrowed).not.toContain('action_items_postmortem_facts_idx');
    expect(narrowed).toContain(livePostmortems);
    expect(narrowed).not.toContain('postmortems_live_facts_idx');
    expect(await openItems()).toEqual(expectedOpen);
    expect(await newestFirst()).toEqual([PM]);
    const [{ m }] = await knex('action_items').count({ m: '*' });
    expect(Number(m)).toBe(4);
    await knex.destroy();
  });
});
