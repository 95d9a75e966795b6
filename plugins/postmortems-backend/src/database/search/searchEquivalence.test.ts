import { DatabaseService } from '@backstage/backend-plugin-api';
import { PostmortemInput } from '@postmortems/backstage-plugin-postmortems-node';
import { Knex } from 'knex';
import { ALICE, databases, postmortem } from '../../__testUtils__/stores';
import { DatabaseStores, createDatabaseStores } from '../createDatabaseStores';
import {
  LIKE_ESCAPE,
  containsPattern,
  normalizeSearch,
  searchTextOf,
} from '../conversions';
import { searchGramsOf } from './grams';
import { whereSearchMatches } from './whereSearchMatches';
import { random } from '../../__testUtils__/random';

jest.setTimeout(180_000);

// Japanese, English in three cases, full-width Latin, half-width katakana
// (NFKC folds both), LIKE's wildcards and escape, and neighbours of them.
const FRAGMENTS = [
  'キューにジョブが滞留し',
  '請求書の作成が遅れた',
  '非同期ジョブ',
  '滞留',
  'データベースの応答時間',
  '証明書の期限切れ',
  'ロールバック',
  '監視のしきい値',
  'deadlock',
  'Deadlock',
  'DEADLOCK',
  'invoices table',
  'Payment API timeouts',
  'rollback',
  'latency degraded',
  'ＡＰＩ',
  'ＤＮＳ設定',
  'ｷｭｰ',
  'ｼﾞｮﾌﾞ',
  'ﾃﾞｰﾀ',
  '100%',
  '50%off',
  'under_score',
  'snake_case_name',
  'done!',
  '!important',
  '!%_',
  '%',
  '_',
  '!',
  '、',
  '。',
  '😀',
  'Ⅳ',
  'ﬁle',
  'Straße',
];
const SEPARATORS = [' ', '', '\n', '、', ' - '];

function text(r: ReturnType<typeof random>, fragments: number): string {
  let out = r.pick(FRAGMENTS);
  for (let i = 1; i < fragments; i++) {
    out += r.pick(SEPARATORS) + r.pick(FRAGMENTS);
  }
  return out;
}

function corpus(r: ReturnType<typeof random>, count: number) {
  return Array.from({ length: count }, (_, i): PostmortemInput => {
    const sections: Record<string, string> = {};
    for (const key of ['summary', 'impact', 'rootCauses'].slice(0, r.int(4))) {
      sections[key] = text(r, 1 + r.int(6));
    }
    return postmortem({
      title: `${text(r, 1 + r.int(3))} #${i}`,
      sections,
    });
  });
}

const ABSENT = [
  'zq',
  'ぬ',
  '存在しない',
  '%%',
  '!_',
  '__',
  'qqqqqq',
  'ＸＹＺ',
  '滞留留',
];

function queries(
  r: ReturnType<typeof random>,
  inputs: PostmortemInput[],
  count: number,
): string[] {
  const out = new Set<string>(ABSENT);
  out.add(' ');
  while (out.size < count) {
    const input = r.pick(inputs);
    const points = Array.from(
      [input.title, ...Object.values(input.sections)].join('\n'),
    );
    const length = 1 + r.int(6);
    const start = r.int(Math.max(1, points.length - length + 1));
    let q = points.slice(start, start + length).join('');
    if (r.next() < 0.2) {
      q = q.toUpperCase();
    }
    if (q.trim()) {
      out.add(q);
    }
  }
  return [...out];
}

describe.each(databases.eachSupportedId())(
  'substring search on %p',
  databaseId => {
    let knex: Knex;
    let stores: DatabaseStores;
    const r = random(20261202);
    const inputs = corpus(r, 200);
    const searched = queries(r, inputs, 150);
    const ids: string[] = [];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      stores = await createDatabaseStores({
        database: { getClient: async () => knex } as unknown as DatabaseService,
      });
      for (const input of inputs) {
        ids.push((await stores.postmortems.createPostmortem(input, ALICE)).id);
      }
    });

    afterAll(async () => {
      await knex.destroy();
    });

    const expected = (q: string) =>
      inputs
        .map((input, i) => ({ input, id: ids[i] }))
        .filter(({ input }) =>
          normalizeSearch(
            [input.title, ...Object.values(input.sections)].join('\n'),
          ).includes(normalizeSearch(q)),
        )
        .map(({ id }) => id)
        .sort();

    const found = async (q: string) =>
      (await stores.postmortems.listPostmortems({ q, limit: 500 })).items
        .map(p => p.id)
        .sort();

    const scanned = async (q: string) =>
      (
        await knex('postmortems')
          .select('id')
          .whereRaw(`search_text LIKE ? ESCAPE '${LIKE_ESCAPE}'`, [
            containsPattern(normalizeSearch(q)),
          ])
      )
        .map(row => row.id as string)
        .sort();

    it('finds exactly what the plain scan finds, for every query', async () => {
      let matched = 0;
      for (const q of searched) {
        const want = expected(q);
        const got = await found(q);
        expect({ q, ids: got }).toEqual({ q, ids: want });
        expect({ q, ids: await scanned(q) }).toEqual({ q, ids: want });
        if (want.length > 0) {
          matched++;
        }
      }
      // The corpus is meant to exercise matches, not only misses.
      expect(matched).toBeGreaterThan(searched.length / 2);
    });

    it('finds Japanese by a word inside a sentence', async () => {
      const sentence = inputs.findIndex(input =>
        Object.values(input.sections).some(s =>
          s.includes('キューにジョブが滞留し'),
        ),
      );
      expect(sentence).toBeGreaterThanOrEqual(0);
      expect(await found('滞留')).toContain(ids[sentence]);
      expect(await found('滞留')).toEqual(expected('滞留'));
    });

    it('asks the index, not only LIKE', () => {
      const sql = whereSearchMatches(knex, knex('postmortems as p'), '滞留')
        .toSQL()
        .sql.toLowerCase();
      expect(sql).toMatch(
        /match\(p\.search_grams\) against|p\.search_vector @@|postmortems_search match/,
      );
      expect(sql).toContain('p.search_text like');
    });

    it('saves and finds a postmortem too long to index word by word', async () => {
      const longText = random(31);
      const varied = (length: number) =>
        Array.from({ length }, () =>
          String.fromCodePoint(0x4e00 + longText.int(0x5000)),
        ).join('');
      const sections = { summary: varied(40_000), impact: varied(40_000) };
      expect(
        searchGramsOf(searchTextOf('長い', sections)).split(' ').length,
      ).toBe(1);
      const long = await stores.postmortems.createPostmortem(
        postmortem({ title: '長い記録', sections }),
        ALICE,
      );
      for (const q of [
        sections.summary.slice(12_345, 12_347),
        sections.impact.slice(30_000, 30_005),
        '長い記',
      ]) {
        expect(await found(q)).toContain(long.id);
        expect(await found(q)).toEqual(await scanned(q));
      }
      expect(await found('滞留')).not.toContain(long.id);
      expect(await found('滞留')).toEqual(await scanned('滞留'));
    });

    it('follows changes of the text', async () => {
      const [first, second] = ids;
      const current = (await stores.postmortems.getPostmortem(first))!;
      await stores.postmortems.updatePostmortem(
        first,
        current.version,
        { title: '全く新しい題名 zyxw', sections: {} },
        ALICE,
      );
      expect(await found('新しい題')).toEqual([first]);
      expect(await found('zyxw')).toEqual([first]);
      expect(await found(inputs[0].title)).toEqual(
        expected(inputs[0].title).filter(id => id !== first),
      );

      await knex('postmortem_revisions')
        .where({ postmortem_id: second })
        .delete();
      await knex('postmortem_entities')
        .where({ postmortem_id: second })
        .delete();
      await knex('postmortem_tags').where({ postmortem_id: second }).delete();
      await knex('postmortems').where({ id: second }).delete();
      expect(await found(inputs[1].title)).toEqual(
        expected(inputs[1].title).filter(id => id !== first && id !== second),
      );
      expect(await found(inputs[1].title)).not.toContain(second);
    });
  },
);
