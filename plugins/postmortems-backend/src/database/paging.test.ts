import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { boundedCount } from './paging';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('boundedCount on %p', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.schema.createTable('counted', table => {
      table.integer('n').primary();
      table.string('kind', 8).notNullable();
    });
    await knex('counted').insert(
      Array.from({ length: 12 }, (_, n) => ({
        n,
        kind: n % 3 === 0 ? 'three' : 'other',
      })),
    );
  });

  afterAll(async () => {
    await knex.destroy();
  });

  it('is exact up to the cap, the cap itself included', async () => {
    const three = () => knex('counted').where('kind', 'three');
    expect(await boundedCount(knex, three(), 4)).toEqual({ totalCount: 4 });
    expect(await boundedCount(knex, three(), 10)).toEqual({ totalCount: 4 });
    expect(
      await boundedCount(knex, knex('counted').where('kind', 'none'), 4),
    ).toEqual({ totalCount: 0 });
  });

  it('stops at the cap and says so past it', async () => {
    expect(await boundedCount(knex, knex('counted'), 5)).toEqual({
      totalCount: 5,
      totalCountCapped: true,
    });
    expect(
      await boundedCount(knex, knex('counted').where('kind', 'other'), 7),
    ).toEqual({ totalCount: 7, totalCountCapped: true });
  });

  it('counts a sorted, projected query the same as its rows', async () => {
    const sorted = knex('counted')
      .select('n', 'kind')
      .where('n', '>=', 2)
      .orderBy('n', 'desc');
    expect(await boundedCount(knex, sorted.clone(), 100)).toEqual({
      totalCount: (await sorted).length,
    });
  });
});
