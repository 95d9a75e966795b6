import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ALICE,
  BOB,
  NOW,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'DatabasePostmortems on %p',
  databaseId => {
    const { stores, setNow } = useTestStores(databaseId);

    it('creates and reads back a postmortem, Japanese text and times intact', async () => {
      const created = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      expect(created).toMatchObject({
        title: '非同期ジョブのキュー滞留',
        startedAt: '2026-10-01T01:00:00.000Z',
        detectedAt: '2026-10-01T02:30:00.000Z',
        sections: { summary: 'キューにジョブが滞留し、請求書の作成が遅れた。' },
        createdBy: ALICE,
        updatedBy: ALICE,
        createdAt: NOW.toISOString(),
        version: 1,
        actionItemCounts: { open: 0, overdue: 0, done: 0, total: 0 },
        readings: { count: 0 },
      });
      expect(created).not.toHaveProperty('resolvedAt');
      expect(await stores.postmortems.getPostmortem(created.id)).toEqual(
        created,
      );
      const revisions = await stores.postmortems.listRevisions(created.id);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({
        version: 1,
        action: 'created',
        changedBy: ALICE,
        snapshot: { title: created.title, version: 1 },
      });
    });

    it('filters by entity, status, severity, detection, tag and time', async () => {
      const a = await stores.postmortems.createPostmortem(postmortem(), ALICE);
      const b = await stores.postmortems.createPostmortem(
        postmortem({
          title: 'Card payments declined',
          entityRefs: ['component:default/payment-gateway'],
          status: 'draft',
          severity: 'sev1',
          detection: 'monitoring_alert',
          startedAt: '2025-06-01T00:00:00.000Z',
          detectedAt: null,
          mitigatedAt: null,
          tags: ['payments'],
          sections: {},
        }),
        ALICE,
      );
      const ids = async (filter: object) =>
        (await stores.postmortems.listPostmortems(filter)).items.map(p => p.id);

      expect(await ids({})).toEqual([a.id, b.id]);
      expect(
        await ids({ entityRefs: ['component:default/payment-gateway'] }),
      ).toEqual([b.id]);
      expect(
        await ids({
          entityRefs: [
            'component:default/payment-gateway',
            'component:default/seikyu-kanri-robo',
          ],
        }),
      ).toEqual([a.id, b.id]);
      expect(await ids({ status: 'draft' })).toEqual([b.id]);
      expect(await ids({ severity: 'sev2' })).toEqual([a.id]);
      expect(await ids({ detection: 'monitoring_alert' })).toEqual([b.id]);
      expect(await ids({ tag: 'batch' })).toEqual([a.id]);
      expect(await ids({ from: '2026-01-01T00:00:00.000Z' })).toEqual([a.id]);
      expect(await ids({ to: '2026-10-01T01:00:00.000Z' })).toEqual([b.id]);
      expect(
        await ids({
          from: '2026-10-01T01:00:00.000Z',
          to: '2026-10-01T01:00:00.001Z',
        }),
      ).toEqual([a.id]);
    });

    it('finds Japanese substrings, ignores case, and takes % and _ literally', async () => {
      const queue = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      const percent = await stores.postmortems.createPostmortem(
        postmortem({
          title: 'CPU at 100% on the Batch workers',
          sections: { rootCauses: 'the job_queue table lacked an index' },
          startedAt: '2026-09-01T00:00:00.000Z',
          detectedAt: null,
          mitigatedAt: null,
        }),
        ALICE,
      );
      const ids = async (q: string) =>
        (await stores.postmortems.listPostmortems({ q })).items.map(p => p.id);

      expect(await ids('滞留')).toEqual([queue.id]);
      expect(await ids('請求書の作成')).toEqual([queue.id]);
      expect(await ids('batch WORKERS')).toEqual([percent.id]);
      expect(await ids('ＣＰＵ')).toEqual([percent.id]); // full-width folds
      expect(await ids('100%')).toEqual([percent.id]);
      expect(await ids('0% ')).toEqual([percent.id]);
      expect(await ids('%')).toEqual([percent.id]);
      expect(await ids('job_queue')).toEqual([percent.id]);
      expect(await ids('job_')).toEqual([percent.id]);
      expect(await ids('cpu_at')).toEqual([]);
      expect(await ids('cpu%workers')).toEqual([]);
      expect(await ids('!')).toEqual([]);
      expect(await ids('存在しない')).toEqual([]);
    });

    it('pages a search whose candidates mostly fail the text check, in order', async () => {
      // Every one has the bigrams of 滞留し; only every 13th has the word, so a page needs more than one batch of candidates.
      const created = [];
      for (let i = 0; i < 130; i++) {
        created.push(
          await stores.postmortems.createPostmortem(
            postmortem({
              title: `記録 ${i}`,
              sections: {
                summary:
                  i % 13 === 0 ? 'ジョブが滞留した' : '滞留、留し、そして',
              },
              startedAt: new Date(
                Date.UTC(2026, 0, 1) + i * 3_600_000,
              ).toISOString(),
              detectedAt: null,
              mitigatedAt: null,
            }),
            ALICE,
          ),
        );
      }
      const expected = created
        .filter((_, i) => i % 13 === 0)
        .reverse()
        .map(p => p.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stores.postmortems.listPostmortems({
          q: '滞留し',
          limit: 4,
          cursor,
        });
        expect(page.totalCount).toBe(expected.length);
        seen.push(...page.items.map(p => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
      const entityPage = await stores.postmortems.listPostmortems({
        q: '滞留し',
        entityRefs: ['component:default/seikyu-kanri-robo'],
        limit: 7,
      });
      expect(entityPage.items.map(p => p.id)).toEqual(expected.slice(0, 7));
      expect(entityPage.totalCount).toBe(expected.length);
    });

    it('pages newest first by startedAt, then id, with an opaque cursor', async () => {
      const created = [];
      for (const startedAt of [
        '2026-01-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
        '2026-04-01T00:00:00.000Z',
      ]) {
        created.push(
          await stores.postmortems.createPostmortem(
            postmortem({
              startedAt,
              detectedAt: null,
              mitigatedAt: null,
            }),
            ALICE,
          ),
        );
      }
      const expected = [...created]
        .sort(
          (x, y) =>
            y.startedAt.localeCompare(x.startedAt) || y.id.localeCompare(x.id),
        )
        .map(p => p.id);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await stores.postmortems.listPostmortems({
          limit: 2,
          cursor,
        });
        expect(page.totalCount).toBe(5);
        seen.push(...page.items.map(p => p.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);

      await expect(
        stores.postmortems.listPostmortems({ cursor: 'not-a-cursor' }),
      ).rejects.toThrow(InputError);
      await expect(
        stores.postmortems.listPostmortems({
          cursor: Buffer.from('{"startedAt":"x","id":"y"}').toString(
            'base64url',
          ),
        }),
      ).rejects.toThrow(InputError);
    });

    it('updates with the expected version, records the revision, and refuses a stale one', async () => {
      const created = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      setNow(new Date('2026-11-20T02:00:00.000Z'));
      const updated = await stores.postmortems.updatePostmortem(
        created.id,
        1,
        {
          title: '非同期ジョブの滞留 (2時間)',
          entityRefs: ['resource:default/billing-job-queue'],
          tags: ['queue'],
          resolvedAt: '2026-10-01T04:00:00.000Z',
          severity: 'sev2', // unchanged: not a changed field
        },
        BOB,
      );
      expect(updated).toMatchObject({
        version: 2,
        title: '非同期ジョブの滞留 (2時間)',
        resolvedAt: '2026-10-01T04:00:00.000Z',
        updatedBy: BOB,
        updatedAt: '2026-11-20T02:00:00.000Z',
        createdBy: ALICE,
      });
      expect(
        (
          await stores.postmortems.listPostmortems({
            entityRefs: ['resource:default/billing-job-queue'],
            tag: 'queue',
          })
        ).items.map(p => p.id),
      ).toEqual([created.id]);
      expect(
        (
          await stores.postmortems.listPostmortems({
            entityRefs: ['component:default/seikyu-kanri-robo'],
          })
        ).items,
      ).toEqual([]);
      expect(
        (await stores.postmortems.listPostmortems({ q: '2時間' })).totalCount,
      ).toBe(1);

      await expect(
        stores.postmortems.updatePostmortem(
          created.id,
          1,
          { title: 'stale' },
          ALICE,
        ),
      ).rejects.toThrow(ConflictError);
      expect((await stores.postmortems.getPostmortem(created.id))!.title).toBe(
        '非同期ジョブの滞留 (2時間)',
      );

      const revisions = await stores.postmortems.listRevisions(created.id);
      expect(revisions.map(r => [r.version, r.action, r.changedBy])).toEqual([
        [1, 'created', ALICE],
        [2, 'updated', BOB],
      ]);
      expect(revisions[1].changedFields.sort()).toEqual(
        ['entityRefs', 'resolvedAt', 'tags', 'title'].sort(),
      );
      expect(revisions[1].snapshot.title).toBe('非同期ジョブの滞留 (2時間)');

      await expect(
        stores.postmortems.updatePostmortem(
          '00000000-0000-4000-8000-000000000000',
          1,
          { title: 'x' },
          ALICE,
        ),
      ).rejects.toThrow(NotFoundError);
    });

    it('lets exactly one of many racing updates of the same version win', async () => {
      const created = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          stores.postmortems.updatePostmortem(
            created.id,
            1,
            { title: `racer ${i}` },
            BOB,
          ),
        ),
      );
      const won = results.filter(r => r.status === 'fulfilled');
      const lost = results.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(9);
      for (const r of lost) {
        expect(r.reason).toBeInstanceOf(ConflictError);
      }
      const stored = await stores.postmortems.getPostmortem(created.id);
      expect(stored!.version).toBe(2);
      expect(stored!.title).toBe(
        (won[0] as PromiseFulfilledResult<{ title: string }>).value.title,
      );
      expect(
        (await stores.postmortems.listRevisions(created.id)).map(
          r => r.version,
        ),
      ).toEqual([1, 2]);
    });

    it('lists deleted postmortems, most recently deleted first, to restore them', async () => {
      const created = [];
      for (const [title, startedAt] of [
        ['古い障害', '2024-01-01T00:00:00.000Z'],
        ['Card payments declined', '2026-09-01T00:00:00.000Z'],
        ['バッチの遅延', '2025-05-01T00:00:00.000Z'],
        ['Still live', '2026-10-01T00:00:00.000Z'],
      ]) {
        created.push(
          await stores.postmortems.createPostmortem(
            postmortem({
              title,
              startedAt,
              detectedAt: null,
              mitigatedAt: null,
            }),
            ALICE,
          ),
        );
      }
      const [oldest, payments, batch, live] = created;
      // Deleted in an order unlike their startedAt; two at the same moment.
      setNow(new Date('2026-11-20T02:00:00.000Z'));
      await stores.postmortems.deletePostmortem(payments.id, BOB);
      setNow(new Date('2026-11-20T03:00:00.000Z'));
      await stores.postmortems.deletePostmortem(oldest.id, ALICE);
      await stores.postmortems.deletePostmortem(batch.id, BOB);
      const sameMoment = [oldest.id, batch.id].sort().reverse();

      const all = await stores.postmortems.listPostmortems({ deleted: true });
      expect(all.totalCount).toBe(3);
      expect(all.items.map(p => p.id)).toEqual([...sameMoment, payments.id]);
      expect(all.items.find(p => p.id === payments.id)).toMatchObject({
        title: 'Card payments declined',
        deletedAt: '2026-11-20T02:00:00.000Z',
        deletedBy: BOB,
        version: 2,
      });
      expect(all.items.find(p => p.id === oldest.id)?.deletedBy).toBe(ALICE);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stores.postmortems.listPostmortems({
          deleted: true,
          limit: 1,
          cursor,
        });
        expect(page.totalCount).toBe(3);
        seen.push(...page.items.map(p => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map(p => p.id));

      // The other filters still apply; the live list is untouched.
      const ids = async (filter: object) =>
        (
          await stores.postmortems.listPostmortems({ deleted: true, ...filter })
        ).items.map(p => p.id);
      expect(await ids({ q: '遅延' })).toEqual([batch.id]);
      expect(await ids({ from: '2026-01-01T00:00:00.000Z' })).toEqual([
        payments.id,
      ]);
      const liveList = await stores.postmortems.listPostmortems({
        deleted: false,
      });
      expect(liveList.items.map(p => p.id)).toEqual([live.id]);
      expect(liveList.items[0].deletedAt).toBeUndefined();

      // A cursor of one list is no cursor of the other.
      await stores.postmortems.createPostmortem(postmortem(), ALICE);
      const nextLive = await stores.postmortems.listPostmortems({ limit: 1 });
      expect(nextLive.nextCursor).toBeDefined();
      await expect(
        stores.postmortems.listPostmortems({
          deleted: true,
          cursor: nextLive.nextCursor,
        }),
      ).rejects.toThrow(InputError);

      await stores.postmortems.restorePostmortem(payments.id, ALICE);
      const restored = await stores.postmortems.getPostmortem(payments.id);
      expect(restored?.deletedAt).toBeUndefined();
      expect(restored?.deletedBy).toBeUndefined();
      expect(
        (await stores.postmortems.listPostmortems({ deleted: true }))
          .totalCount,
      ).toBe(2);
    });
  },
);
