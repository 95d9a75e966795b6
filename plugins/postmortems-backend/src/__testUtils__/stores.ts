import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  PostmortemInput,
  SuggestionCandidatesRequest,
} from '@postmortems/backstage-plugin-postmortems-node';
import { Knex } from 'knex';
import {
  DatabaseStores,
  createDatabaseStores,
} from '../database/createDatabaseStores';
import { resetInsightsRollups } from '../database/insights/rollups/maintain';
import { createTestDatabases } from './databases';

/** The databases the store tests run on, one `describe.each` row each. */
export const databases = createTestDatabases();

// 2026-11-20 10:00 in Tokyo; still the 20th in UTC.
export const NOW = new Date('2026-11-20T01:00:00.000Z');
export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';

/** A valid postmortem to create, with `overrides` on top. */
export function postmortem(
  overrides: Partial<PostmortemInput> = {},
): PostmortemInput {
  return {
    title: '非同期ジョブのキュー滞留',
    entityRefs: ['component:default/seikyu-kanri-robo'],
    status: 'published',
    severity: 'sev2',
    detection: 'customer_report',
    startedAt: '2026-10-01T01:00:00.000Z',
    detectedAt: '2026-10-01T02:30:00.000Z',
    mitigatedAt: '2026-10-01T03:00:00.000Z',
    resolvedAt: null,
    template: 'sre-book',
    sections: { summary: 'キューにジョブが滞留し、請求書の作成が遅れた。' },
    timeline: [{ at: '2026-10-01T02:30:00.000Z', text: '問い合わせ' }],
    tags: ['batch'],
    authors: [ALICE],
    ...overrides,
  };
}

/**
 * A suggestion candidates request that leaves nothing out and orders by
 * start alone: every published postmortem in one batch.
 */
export const EVERY_CANDIDATE: SuggestionCandidatesRequest = {
  bound: { terms: [], constant: 0 },
  readSince: new Date('9999-01-01T00:00:00.000Z'),
  exclude: [],
  offset: 0,
  limit: 10_000,
};

/** What {@link useTestStores} gives the tests of one database. */
export interface TestStores {
  /** The stores; filled in by `beforeAll`, so use them inside tests only. */
  stores: DatabaseStores;
  /** Sets the clock that stamps writes; every test starts at {@link NOW}. */
  setNow(now: Date): void;
  /** The database under the stores, to check what they wrote. */
  db(): Knex;
}

/**
 * Registers the hooks of one database's store tests: the stores on it
 * (migrated, in Tokyo's time zone, on a clock the tests set) before all,
 * empty tables and the clock back at {@link NOW} before each, and the
 * connection closed after all. Call it inside the `describe.each` callback.
 */
export function useTestStores(databaseId: TestDatabaseId): TestStores {
  let knex: Knex;
  let now: Date = NOW;
  const stores = {} as DatabaseStores;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    const database = {
      getClient: async () => knex,
    } as unknown as DatabaseService;
    Object.assign(
      stores,
      await createDatabaseStores({
        database,
        clock: () => now,
        timezone: 'Asia/Tokyo',
      }),
    );
  });

  beforeEach(async () => {
    now = NOW;
    await knex('action_items').delete();
    await knex('reading_sessions').delete();
    await knex('postmortem_revisions').delete();
    await knex('postmortem_entities').delete();
    await knex('postmortem_tags').delete();
    await knex('postmortems').delete();
    // The rollups of insights, not built until a test builds them.
    await resetInsightsRollups(knex);
  });

  afterAll(async () => {
    await knex.destroy();
  });

  return {
    stores,
    setNow: date => {
      now = date;
    },
    db: () => knex,
  };
}
