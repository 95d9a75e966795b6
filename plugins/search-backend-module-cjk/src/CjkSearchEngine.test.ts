import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import {
  SearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { CjkLunrSearchEngine } from './CjkLunrSearchEngine';
import { CJK_TOKENS_FIELD, CjkSearchEngine } from './CjkSearchEngine';

const documents: IndexableDocument[] = [
  {
    title: 'AWS Batch のジョブキュー滞留',
    text: 'キューにジョブが滞留し、請求書の発行が数時間遅れた。顧客からの問い合わせで検出した。',
    location: '/postmortems/queue',
  },
  {
    title: '証明書の期限切れで外部 API が停止',
    text: 'TLS 証明書の期限切れに誰も気づかず、外部 API 連携が止まった。',
    location: '/postmortems/certificate',
  },
  {
    title: 'Deadlock in the billing database',
    text: 'Two transactions took row locks in opposite order and deadlocked; autoscaling did not help.',
    location: '/postmortems/deadlock',
  },
  {
    title: '出張の滞在費の精算が遅延',
    text: '申請の期限が切れたため、滞在費の精算が翌月になった。',
    location: '/postmortems/travel',
  },
  {
    title: '監視の追加',
    text: 'ｼﾞｮﾌﾞｷｭｰの長さを監視する。',
    location: '/postmortems/monitoring',
  },
];

const logger = mockServices.logger.mock();

async function indexed(engine: SearchEngine): Promise<SearchEngine> {
  const result = await TestPipeline.fromIndexer(
    await engine.getIndexer('postmortem'),
  )
    .withDocuments(documents)
    .execute();
  expect(result.error).toBeUndefined();
  return engine;
}

async function search(engine: SearchEngine, term: string) {
  const { results } = await engine.query({ term, types: ['postmortem'] });
  return results;
}

async function locations(engine: SearchEngine, term: string) {
  return (await search(engine, term)).map(r => r.document.location).sort();
}

/** The engine's highlight with its tags written as ⟦ and ⟧. */
function marked(
  result: Awaited<ReturnType<typeof search>>[number],
  field: string,
) {
  const { preTag, postTag, fields } = result.highlight!;
  return fields[field]?.split(preTag).join('⟦').split(postTag).join('⟧');
}

type EngineUnderTest = {
  name: string;
  create: () => Promise<{ engine: SearchEngine; wholeField: boolean }>;
};

const requiredDatabases = (
  process.env.POSTMORTEMS_TEST_REQUIRED_DATABASES ?? ''
)
  .toLowerCase()
  .split(',');
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const engines: EngineUnderTest[] = [
  {
    name: 'Lunr',
    create: async () => ({
      engine: new CjkLunrSearchEngine({ logger }),
      wholeField: true,
    }),
  },
];
if (
  databases.eachSupportedId().length ||
  requiredDatabases.includes('postgres')
) {
  engines.push({
    name: 'PostgreSQL',
    create: async () => {
      const knex = await databases.init('POSTGRES_15');
      const database = { getClient: async () => knex };
      if (!(await PgSearchEngine.supported(database))) {
        throw new Error('PostgreSQL too old for the pg search engine');
      }
      return {
        engine: await PgSearchEngine.fromConfig(
          mockServices.rootConfig({ data: {} }),
          { database, logger },
        ),
        wholeField: false,
      };
    },
  });
}

describe.each(engines)('on $name', ({ create }) => {
  let engine: SearchEngine;
  beforeAll(async () => {
    const created = await create();
    engine = await indexed(
      new CjkSearchEngine(created.engine, {
        highlightsWholeField: created.wholeField,
      }),
    );
  });

  it('finds a word inside a Japanese sentence, and only where it is', async () => {
    expect(await locations(engine, '滞留')).toEqual(['/postmortems/queue']);
    expect(await locations(engine, '証明書の期限切れ')).toEqual([
      '/postmortems/certificate',
    ]);
    // pairs that merely look alike (滞在) are not a match
    expect(await locations(engine, '滞在費')).toEqual(['/postmortems/travel']);
  });

  it('folds half-width katakana, and takes one character as a prefix', async () => {
    expect(await locations(engine, 'キュー')).toEqual([
      '/postmortems/monitoring',
      '/postmortems/queue',
    ]);
    expect(await locations(engine, 'ｷｭｰ')).toEqual([
      '/postmortems/monitoring',
      '/postmortems/queue',
    ]);
    expect(await locations(engine, '滞')).toEqual([
      '/postmortems/queue',
      '/postmortems/travel',
    ]);
  });

  it('needs every Japanese word of a query', async () => {
    expect(await locations(engine, '滞留 請求書')).toEqual([
      '/postmortems/queue',
    ]);
    expect(await locations(engine, '滞留 証明書')).toEqual([]);
  });

  it('still finds English words', async () => {
    expect(await locations(engine, 'deadlock')).toEqual([
      '/postmortems/deadlock',
    ]);
    expect(await locations(engine, 'autoscaling')).toEqual([
      '/postmortems/deadlock',
    ]);
    const [deadlock] = await search(engine, 'deadlock');
    expect(marked(deadlock, 'title')).toContain('⟦Deadlock⟧');
  });

  it('highlights the Japanese word in the title and the text a person sees', async () => {
    const [queue] = await search(engine, '滞留');
    expect(marked(queue, 'title')).toBe('AWS Batch のジョブキュー⟦滞留⟧');
    expect(marked(queue, 'text')).toContain('キューにジョブが⟦滞留⟧し');
    const [monitoring] = (await search(engine, 'キュー')).filter(
      r => r.document.location === '/postmortems/monitoring',
    );
    expect(marked(monitoring, 'text')).toContain('ｼﾞｮﾌﾞ⟦ｷｭｰ⟧の');
  });

  it('keeps its tokens out of the results', async () => {
    for (const result of [
      ...(await search(engine, '滞留')),
      ...(await search(engine, 'deadlock')),
    ]) {
      expect(result.document).not.toHaveProperty(CJK_TOKENS_FIELD);
      expect(result.highlight?.fields).not.toHaveProperty(CJK_TOKENS_FIELD);
      expect(result.document).toEqual(
        documents.find(d => d.location === result.document.location),
      );
    }
  });
});
