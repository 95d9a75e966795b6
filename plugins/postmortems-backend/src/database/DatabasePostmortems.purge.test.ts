import {
  ALICE,
  NOW,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';
import { DatabasePostmortems } from './DatabasePostmortems';
import { buildInsightsRollups } from './insights/rollups/maintain';
import { StoreContext } from './StoreContext';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe.each(databases.eachSupportedId())(
  'purging deleted postmortems on %p',
  databaseId => {
    const { stores, setNow, db } = useTestStores(databaseId);

    /** A postmortem with an item and tags, deleted `deleted` days ago. */
    async function created(title: string, deleted?: number) {
      const pm = await stores.postmortems.createPostmortem(
        postmortem({ title, tags: ['batch'] }),
        ALICE,
      );
      await stores.actionItems.createActionItem(
        pm.id,
        { title: `${title}: alert on it` },
        ALICE,
      );
      if (deleted !== undefined) {
        setNow(daysAgo(deleted));
        await stores.postmortems.deletePostmortem(pm.id, ALICE);
        setNow(NOW);
      }
      return pm;
    }

    const rowsOf = async (table: string, id: string) =>
      Number(
        (
          await db()(table)
            .where({ postmortem_id: id })
            .count({ n: '*' })
            .first()
        )?.n ?? 0,
      );

    it('deletes for good only what was deleted before the cutoff, with what is theirs', async () => {
      await buildInsightsRollups(db(), 'Asia/Tokyo', { clock: () => NOW });
      const live = await created('live');
      const old = await created('deleted 100 days ago', 100);
      const older = await created('deleted 200 days ago', 200);
      const recent = await created('deleted 10 days ago', 10);
      const restored = await created('deleted and restored', 100);
      await stores.postmortems.restorePostmortem(restored.id, ALICE);
      // A session that read the old one keeps its date, not its pick.
      const session = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-06-18T07:00:00.000Z',
          postmortemId: old.id,
        },
        ALICE,
      );
      const insightsBefore = await stores.insights.getInsights({
        entityRefs: [],
        from: '2026-01',
        to: '2026-11',
      });

      const purged = await stores.purgeDeletedPostmortems(daysAgo(30));
      expect(purged.sort()).toEqual([old.id, older.id].sort());

      for (const pm of [old, older]) {
        expect(await stores.postmortems.getPostmortem(pm.id)).toBeUndefined();
        expect(
          await db()('postmortems').where({ id: pm.id }).first(),
        ).toBeUndefined();
        for (const table of [
          'action_items',
          'postmortem_revisions',
          'postmortem_entities',
          'postmortem_tags',
        ]) {
          expect([table, await rowsOf(table, pm.id)]).toEqual([table, 0]);
        }
      }
      expect(
        await stores.readingSessions.getReadingSession(session.id),
      ).toMatchObject({ scheduledAt: '2026-06-18T07:00:00.000Z' });
      expect(
        (await stores.readingSessions.getReadingSession(session.id))
          ?.postmortemId ?? null,
      ).toBeNull();
      // The others as they were.
      for (const pm of [live, restored]) {
        expect(await stores.postmortems.getPostmortem(pm.id)).toMatchObject({
          id: pm.id,
          actionItemCounts: expect.objectContaining({ total: 1 }),
        });
      }
      const deleted = await stores.postmortems.listPostmortems({
        deleted: true,
      });
      expect(deleted.items.map(p => p.id)).toEqual([recent.id]);
      // The deleted counted for nothing in insights: nothing changes.
      expect(
        await stores.insights.getInsights({
          entityRefs: [],
          from: '2026-01',
          to: '2026-11',
        }),
      ).toEqual(insightsBefore);

      expect(await stores.purgeDeletedPostmortems(daysAgo(30))).toEqual([]);
    });

    it('purges in batches, every one of them', async () => {
      const ids = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await created(`deleted ${i}`, 40)).id);
      }
      const purged = await new DatabasePostmortems(
        new StoreContext(db(), () => NOW, 'Asia/Tokyo'),
      ).purgeDeletedPostmortems(daysAgo(30), { batchSize: 2 });
      expect(purged.sort()).toEqual(ids.sort());
      expect(
        (await stores.postmortems.listPostmortems({ deleted: true })).items,
      ).toEqual([]);
    });
  },
);
