import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { toIso, toNumber } from './conversions';
import { migrationsDir, migrationsTableName } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const SCALE = '20261202000000_scale_lookups.js';
const config = { directory: migrationsDir, tableName: migrationsTableName };

const LIVE = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f1001';
const DELETED = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f1002';
const QUIET = '0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f1003';
const ROBO = 'component:default/seikyu-kanri-robo';
const QUEUE = 'resource:default/billing-job-queue';
const by = 'user:default/hanako.yamada';
const at = (iso: string) => new Date(iso);

const postmortem = (id: string, extra: object = {}) => ({
  id,
  title: '非同期ジョブのキュー滞留',
  status: 'published',
  severity: 'sev2',
  detection: 'customer_report',
  started_at: at('2026-10-01T03:00:00.000Z'),
  mitigated_at: at('2026-10-01T04:00:00.000Z'),
  resolved_at: at('2026-10-01T05:30:00.000Z'),
  template: 'sre-book',
  sections: JSON.stringify({ summary: 'キューにジョブが滞留した' }),
  timeline: '[]',
  tags: '[]',
  authors: '[]',
  entity_refs: JSON.stringify([ROBO]),
  search_text: '非同期ジョブのキュー滞留',
  created_at: at('2026-10-02T00:00:00.000Z'),
  created_by: by,
  updated_at: at('2026-10-02T00:00:00.000Z'),
  updated_by: by,
  version: 1,
  ...extra,
});

let itemNumber = 0;
const item = (postmortemId: string, status: string, dueDate?: string) => ({
  id: `0b8f6f1e-4d4c-4a8c-9a57-3f1c1b2f2${String(++itemNumber).padStart(
    3,
    '0',
  )}`,
  postmortem_id: postmortemId,
  title: 'キューの滞留にアラートを設定する',
  status,
  priority: 'high',
  kind: 'detect',
  due_date: dueDate ?? null,
  created_at: at('2026-10-02T00:00:00.000Z'),
  created_by: by,
  updated_at: at('2026-10-02T00:00:00.000Z'),
  updated_by: by,
  version: 1,
});

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it(`${SCALE} fills the lookup columns from the rows there are, and goes down keeping them`, async () => {
    const knex: Knex = await databases.init(databaseId);
    await knex.migrate.up({ ...config, name: '20261123000000_init.js' });
    await knex.migrate.up({
      ...config,
      name: '20261201000000_reading_session_series.js',
    });
    await knex('postmortems').insert([
      postmortem(LIVE, { entity_refs: JSON.stringify([ROBO, QUEUE]) }),
      postmortem(DELETED, {
        started_at: at('2025-12-24T15:30:00.000Z'),
        mitigated_at: at('2025-12-24T15:50:00.000Z'),
        resolved_at: null,
        deleted_at: at('2026-11-01T00:00:00.000Z'),
        deleted_by: by,
      }),
      postmortem(QUIET, { mitigated_at: null, resolved_at: null }),
    ]);
    await knex('postmortem_entities').insert([
      { postmortem_id: LIVE, entity_ref: ROBO },
      { postmortem_id: LIVE, entity_ref: QUEUE },
      { postmortem_id: DELETED, entity_ref: ROBO },
      { postmortem_id: QUIET, entity_ref: ROBO },
    ]);
    await knex('action_items').insert([
      item(LIVE, 'open', '2026-12-10'),
      item(LIVE, 'in_progress', '2026-11-20'),
      item(LIVE, 'open'),
      item(LIVE, 'done', '2026-10-15'),
      item(LIVE, 'wont_do'),
      item(DELETED, 'open', '2026-01-31'),
    ]);

    await knex.migrate.up({ ...config, name: SCALE });

    const entities = await knex('postmortem_entities')
      .select('postmortem_id', 'entity_ref', 'started_at', 'deleted_at')
      .orderBy(['postmortem_id', 'entity_ref']);
    expect(
      entities.map(e => ({
        ...e,
        started_at: toIso(e.started_at),
        deleted_at: e.deleted_at === null ? null : toIso(e.deleted_at),
      })),
    ).toEqual([
      {
        postmortem_id: LIVE,
        entity_ref: ROBO,
        started_at: '2026-10-01T03:00:00.000Z',
        deleted_at: null,
      },
      {
        postmortem_id: LIVE,
        entity_ref: QUEUE,
        started_at: '2026-10-01T03:00:00.000Z',
        deleted_at: null,
      },
      {
        postmortem_id: DELETED,
        entity_ref: ROBO,
        started_at: '2025-12-24T15:30:00.000Z',
        deleted_at: '2026-11-01T00:00:00.000Z',
      },
      {
        postmortem_id: QUIET,
        entity_ref: ROBO,
        started_at: '2026-10-01T03:00:00.000Z',
        deleted_at: null,
      },
    ]);

    const items = await knex('action_items')
      .select('status', 'due_date', 'is_open', 'due_key')
      .orderBy('id');
    expect(items.map(i => ({ ...i, is_open: Boolean(i.is_open) }))).toEqual([
      {
        status: 'open',
        due_date: '2026-12-10',
        is_open: true,
        due_key: '2026-12-10',
      },
      {
        status: 'in_progress',
        due_date: '2026-11-20',
        is_open: true,
        due_key: '2026-11-20',
      },
      { status: 'open', due_date: null, is_open: true, due_key: '9999-12-31' },
      {
        status: 'done',
        due_date: '2026-10-15',
        is_open: false,
        due_key: '2026-10-15',
      },
      {
        status: 'wont_do',
        due_date: null,
        is_open: false,
        due_key: '9999-12-31',
      },
      {
        status: 'open',
        due_date: '2026-01-31',
        is_open: true,
        due_key: '2026-01-31',
      },
    ]);

    const counters = await knex('postmortems')
      .select(
        'id',
        'open_items',
        'first_open_due',
        'second_open_due',
        'impact_minutes',
        'started_month',
      )
      .orderBy('id');
    expect(
      counters.map(c => ({
        ...c,
        open_items: toNumber(c.open_items),
        impact_minutes:
          c.impact_minutes === null ? null : toNumber(c.impact_minutes),
        started_month: toNumber(c.started_month),
      })),
    ).toEqual([
      {
        id: LIVE,
        open_items: 3,
        first_open_due: '2026-11-20',
        second_open_due: '2026-12-10',
        impact_minutes: 150,
        started_month: 10,
      },
      {
        id: DELETED,
        open_items: 1,
        first_open_due: '2026-01-31',
        second_open_due: null,
        impact_minutes: 20,
        started_month: 12,
      },
      {
        id: QUIET,
        open_items: 0,
        first_open_due: null,
        second_open_due: null,
        impact_minutes: null,
        started_month: 10,
      },
    ]);

    // The timeline index answers an entity's history in page order.
    const timeline = await knex('postmortem_entities')
      .where({ entity_ref: ROBO })
      .whereNull('deleted_at')
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'postmortem_id', order: 'desc' },
      ])
      .pluck('postmortem_id');
    expect(timeline).toEqual([QUIET, LIVE]);

    await knex.migrate.down({ ...config, name: SCALE });
    expect(await knex.schema.hasColumn('action_items', 'is_open')).toBe(false);
    expect(await knex.schema.hasColumn('postmortems', 'open_items')).toBe(
      false,
    );
    expect(
      await knex.schema.hasColumn('postmortem_entities', 'started_at'),
    ).toBe(false);
    const [{ n }] = await knex('action_items').count({ n: '*' });
    expect(Number(n)).toBe(6);
    const [{ m }] = await knex('postmortem_entities').count({ m: '*' });
    expect(Number(m)).toBe(4);
    await knex.destroy();
  });
});
