import fs from 'node:fs';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { engineOf, searchTextOf } from './conversions';
import { migrationsDir, migrationsTableName } from './migrations';
import { searchGramsOf } from './search/grams';
import { whereSearchMatches } from './search/whereSearchMatches';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const SEARCH = '20261202000001_search_grams.js';
const config = { directory: migrationsDir, tableName: migrationsTableName };

// Whichever migrations there are before this one, in the order Knex runs them.
const EARLIER = fs
  .readdirSync(migrationsDir)
  .filter(name => name.endsWith('.js') && name < SEARCH)
  .sort();

// More than one backfill batch (500), so the keyset paging is exercised.
const FILLER = 1100;

const id = (n: number) =>
  `0b8f6f1e-4d4c-4a8c-9a57-${String(n).padStart(12, '0')}`;

function postmortemRow(n: number, title: string, summary: string) {
  return {
    id: id(n),
    title,
    status: 'published',
    severity: 'sev2',
    detection: 'customer_report',
    started_at: new Date('2026-10-01T01:00:00.000Z'),
    template: 'sre-book',
    sections: JSON.stringify({ summary }),
    timeline: '[]',
    tags: '[]',
    authors: '[]',
    entity_refs: '[]',
    search_text: searchTextOf(title, { summary }),
    created_at: new Date('2026-12-01T00:00:00.000Z'),
    created_by: 'user:default/hanako.yamada',
    updated_at: new Date('2026-12-01T00:00:00.000Z'),
    updated_by: 'user:default/hanako.yamada',
    version: 1,
  };
}

async function searchIds(knex: Knex, q: string): Promise<string[]> {
  const rows = await whereSearchMatches(
    knex,
    knex('postmortems as p').select('p.id'),
    q,
  ).orderBy('p.id');
  return rows.map((row: { id: string }) => row.id);
}

/** The query plan of a search, as one lower-case text. */
async function planOf(knex: Knex, q: string): Promise<string> {
  const { sql, bindings } = whereSearchMatches(
    knex,
    knex('postmortems as p').select('p.id'),
    q,
  ).toSQL();
  const engine = engineOf(knex);
  if (engine === 'pg') {
    // A handful of rows is read fastest without any index; forbid that.
    return knex.transaction(async tx => {
      await tx.raw('SET LOCAL enable_seqscan = off');
      const plan = await tx.raw(`EXPLAIN ${sql}`, bindings);
      return JSON.stringify(plan.rows).toLowerCase();
    });
  }
  if (engine === 'mysql') {
    const [plan] = await knex.raw(`EXPLAIN ${sql}`, bindings);
    return JSON.stringify(plan).toLowerCase();
  }
  const plan = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
  return JSON.stringify(plan).toLowerCase();
}

async function indexState(knex: Knex) {
  const engine = engineOf(knex);
  if (engine === 'pg') {
    const { rows } = await knex.raw(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'postmortems' AND indexname = 'postmortems_search_vector_idx'",
    );
    return {
      index: rows.length > 0,
      generated: await knex.schema.hasColumn('postmortems', 'search_vector'),
    };
  }
  if (engine === 'mysql') {
    const [rows] = await knex.raw(
      "SHOW INDEX FROM postmortems WHERE Key_name = 'postmortems_search_grams_ft'",
    );
    return { index: rows.length > 0 };
  }
  const triggers = await knex('sqlite_master')
    .where({ type: 'trigger', tbl_name: 'postmortems' })
    .where('name', 'like', 'postmortems_search%')
    .pluck('name');
  return {
    index: await knex.schema.hasTable('postmortems_search'),
    triggers: triggers.sort(),
  };
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it(`${SEARCH} fills search_grams of the postmortems there were, indexes them, and goes down`, async () => {
    const knex: Knex = await databases.init(databaseId);
    const engine = engineOf(knex);
    for (const name of EARLIER) {
      await knex.migrate.up({ ...config, name });
    }
    const japanese = postmortemRow(
      1,
      '非同期ジョブのキュー滞留',
      'キューにジョブが滞留し、請求書の作成が遅れた。',
    );
    const english = postmortemRow(
      2,
      'ＤＢ Deadlock',
      'Two transactions took locks in opposite order: 100% of writes failed.',
    );
    const filler = Array.from({ length: FILLER }, (_, i) =>
      postmortemRow(10 + i, `ﾊﾞｯﾁの遅延 ${i}`, `夜間処理 ${i}`),
    );
    await knex('postmortems').insert([japanese, english]);
    for (let i = 0; i < filler.length; i += 100) {
      await knex('postmortems').insert(filler.slice(i, i + 100));
    }

    await knex.migrate.up({ ...config, name: SEARCH });

    const rows = await knex('postmortems')
      .select('id', 'search_text', 'search_grams')
      .orderBy('id');
    expect(rows).toHaveLength(FILLER + 2);
    for (const row of rows) {
      expect(row.search_grams).toBe(searchGramsOf(row.search_text));
    }
    expect(await indexState(knex)).toEqual(
      {
        pg: { index: true, generated: true },
        mysql: { index: true },
        sqlite: {
          index: true,
          triggers: [
            'postmortems_search_delete',
            'postmortems_search_insert',
            'postmortems_search_update',
          ],
        },
      }[engine],
    );

    expect(await searchIds(knex, '滞留')).toEqual([japanese.id]);
    expect(await searchIds(knex, '留')).toEqual([japanese.id]);
    expect(await searchIds(knex, 'db dead')).toEqual([english.id]);
    expect(await searchIds(knex, '100%')).toEqual([english.id]);
    expect(await searchIds(knex, 'バッチの遅延 1099')).toEqual([id(1109)]);
    expect(await searchIds(knex, '処理 5')).toHaveLength(111);
    expect(await searchIds(knex, '存在しない')).toEqual([]);
    expect(await planOf(knex, '滞留')).toMatch(
      {
        pg: /postmortems_search_vector_idx/,
        mysql: /"type":"fulltext".*"key":"postmortems_search_grams_ft"/,
        sqlite: /postmortems_search virtual table index/,
      }[engine],
    );

    // Rows written afterwards are indexed as they are written.
    const later = postmortemRow(3, '証明書の期限切れ', '誰も気づかなかった。');
    await knex('postmortems').insert({
      ...later,
      search_grams: searchGramsOf(later.search_text),
    });
    expect(await searchIds(knex, '期限')).toEqual([later.id]);

    await knex.migrate.down({ ...config, name: SEARCH });
    expect(await knex.schema.hasColumn('postmortems', 'search_grams')).toBe(
      false,
    );
    expect(await indexState(knex)).toEqual(
      {
        pg: { index: false, generated: false },
        mysql: { index: false },
        sqlite: { index: false, triggers: [] },
      }[engine],
    );
    const [{ n }] = await knex('postmortems').count({ n: '*' });
    expect(Number(n)).toBe(FILLER + 3);
    expect(
      await knex('postmortems')
        .where({ id: japanese.id })
        .first('title', 'search_text'),
    ).toEqual({ title: japanese.title, search_text: japanese.search_text });

    await knex.destroy();
  });
});
