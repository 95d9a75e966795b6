import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { PostmortemInput } from '@postmortems/backstage-plugin-postmortems-node';
import { DatabaseStores, createDatabaseStores } from './createDatabaseStores';

jest.setTimeout(120_000);

const databases = createTestDatabases();

// 2026-11-20 10:00 in Tokyo; still the 20th in UTC.
const NOW = new Date('2026-11-20T01:00:00.000Z');
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

function postmortem(overrides: Partial<PostmortemInput> = {}): PostmortemInput {
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

describe.each(databases.eachSupportedId())(
  'the database stores on %p',
  databaseId => {
    let knex: Knex;
    let stores: DatabaseStores;
    let now: Date;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const database = {
        getClient: async () => knex,
      } as unknown as DatabaseService;
      stores = await createDatabaseStores({
        database,
        clock: () => now,
        timezone: 'Asia/Tokyo',
      });
    });

    beforeEach(async () => {
      now = NOW;
      await knex('action_items').delete();
      await knex('reading_sessions').delete();
      await knex('postmortem_revisions').delete();
      await knex('postmortem_entities').delete();
      await knex('postmortem_tags').delete();
      await knex('postmortems').delete();
    });

    afterAll(async () => {
      await knex.destroy();
    });

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
      now = new Date('2026-11-20T02:00:00.000Z');
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

    it('soft deletes and restores, keeping the revisions', async () => {
      const created = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      await stores.actionItems.createActionItem(
        created.id,
        { title: 'アラート見直し' },
        ALICE,
      );
      await stores.postmortems.deletePostmortem(created.id, BOB);
      expect(
        await stores.postmortems.getPostmortem(created.id),
      ).toBeUndefined();
      expect((await stores.postmortems.listPostmortems({})).totalCount).toBe(0);
      expect((await stores.actionItems.listActionItems({})).totalCount).toBe(0);
      expect(
        (await stores.postmortems.getPostmortem(created.id, {
          includeDeleted: true,
        }))!.title,
      ).toBe(created.title);
      await expect(
        stores.postmortems.deletePostmortem(created.id, BOB),
      ).rejects.toThrow(NotFoundError);

      const restored = await stores.postmortems.restorePostmortem(
        created.id,
        ALICE,
      );
      expect(restored.version).toBe(3);
      expect(restored.actionItemCounts.total).toBe(1);
      await expect(
        stores.postmortems.restorePostmortem(created.id, ALICE),
      ).rejects.toThrow(ConflictError);
      expect(
        (await stores.postmortems.listRevisions(created.id)).map(r => [
          r.version,
          r.action,
        ]),
      ).toEqual([
        [1, 'created'],
        [2, 'deleted'],
        [3, 'restored'],
      ]);
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
      now = new Date('2026-11-20T02:00:00.000Z');
      await stores.postmortems.deletePostmortem(payments.id, BOB);
      now = new Date('2026-11-20T03:00:00.000Z');
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

    it('keeps action items: counts, overdue in the configured zone, completion, filters, order', async () => {
      const a = await stores.postmortems.createPostmortem(postmortem(), ALICE);
      const b = await stores.postmortems.createPostmortem(
        postmortem({
          title: 'Portal login loop',
          entityRefs: ['component:default/customer-portal'],
          startedAt: '2025-01-01T00:00:00.000Z',
          detectedAt: null,
          mitigatedAt: null,
        }),
        ALICE,
      );
      // Today is 2026-11-20 in Tokyo.
      const overdue = await stores.actionItems.createActionItem(
        a.id,
        {
          title: 'Raise the limits',
          owner: 'group:default/sre',
          dueDate: '2026-11-19',
        },
        ALICE,
      );
      const dueToday = await stores.actionItems.createActionItem(
        a.id,
        {
          title: 'Recompute capacity',
          owner: 'group:default/billing-team',
          dueDate: '2026-11-20',
          status: 'in_progress',
          priority: 'high',
          kind: 'prevent',
          externalUrl: 'https://tracker.example.com/BILL-1',
        },
        ALICE,
      );
      const done = await stores.actionItems.createActionItem(
        a.id,
        { title: 'Alert on queue age', dueDate: '2026-01-01', status: 'done' },
        ALICE,
      );
      const undated = await stores.actionItems.createActionItem(
        b.id,
        { title: 'Document the session cookie', owner: 'group:default/sre' },
        ALICE,
      );

      expect(overdue).toMatchObject({
        status: 'open',
        priority: 'medium',
        kind: 'other',
        overdue: true,
        postmortemTitle: a.title,
        entityRefs: a.entityRefs,
        version: 1,
      });
      expect(dueToday.overdue).toBe(false);
      expect(done).toMatchObject({
        overdue: false,
        completedAt: NOW.toISOString(),
      });
      expect(
        (await stores.postmortems.getPostmortem(a.id))!.actionItemCounts,
      ).toEqual({
        open: 2,
        overdue: 1,
        done: 1,
        total: 3,
      });
      expect(
        (await stores.postmortems.listPostmortems({})).items.map(
          p => p.actionItemCounts,
        ),
      ).toEqual([
        { open: 2, overdue: 1, done: 1, total: 3 },
        { open: 1, overdue: 0, done: 0, total: 1 },
      ]);

      const ids = async (filter: object) =>
        (await stores.actionItems.listActionItems(filter)).items.map(i => i.id);
      expect(await ids({})).toEqual([
        done.id,
        overdue.id,
        dueToday.id,
        undated.id,
      ]);
      expect(await ids({ overdue: true })).toEqual([overdue.id]);
      expect(await ids({ overdue: false })).toEqual([
        done.id,
        dueToday.id,
        undated.id,
      ]);
      expect(await ids({ owners: ['group:default/sre'] })).toEqual([
        overdue.id,
        undated.id,
      ]);
      expect(await ids({ statuses: ['open', 'in_progress'] })).toEqual([
        overdue.id,
        dueToday.id,
        undated.id,
      ]);
      expect(
        await ids({ entityRefs: ['component:default/customer-portal'] }),
      ).toEqual([undated.id]);
      expect(await ids({ postmortemId: b.id })).toEqual([undated.id]);

      const first = await stores.actionItems.listActionItems({ limit: 3 });
      expect(first.totalCount).toBe(4);
      const second = await stores.actionItems.listActionItems({
        limit: 3,
        cursor: first.nextCursor,
      });
      expect(second.items.map(i => i.id)).toEqual([undated.id]);
      expect(second.nextCursor).toBeUndefined();

      now = new Date('2026-11-21T00:00:00.000Z');
      const closed = await stores.actionItems.updateActionItem(
        overdue.id,
        1,
        { status: 'wont_do' },
        BOB,
      );
      expect(closed).toMatchObject({
        version: 2,
        overdue: false,
        completedAt: '2026-11-21T00:00:00.000Z',
        updatedBy: BOB,
      });
      const reopened = await stores.actionItems.updateActionItem(
        overdue.id,
        2,
        { status: 'open', owner: null, description: '再検討' },
        BOB,
      );
      expect(reopened.completedAt).toBeUndefined();
      expect(reopened.owner).toBeUndefined();
      expect(reopened.description).toBe('再検討');
      await expect(
        stores.actionItems.updateActionItem(
          overdue.id,
          2,
          { title: 'stale' },
          BOB,
        ),
      ).rejects.toThrow(ConflictError);
      expect((await stores.actionItems.getActionItem(overdue.id))!.title).toBe(
        'Raise the limits',
      );

      await stores.actionItems.deleteActionItem(undated.id);
      expect(
        await stores.actionItems.getActionItem(undated.id),
      ).toBeUndefined();
      await expect(
        stores.actionItems.deleteActionItem(undated.id),
      ).rejects.toThrow(NotFoundError);
      await expect(
        stores.actionItems.createActionItem(
          '00000000-0000-4000-8000-000000000000',
          { title: 'x' },
          ALICE,
        ),
      ).rejects.toThrow(NotFoundError);
    });

    it('keeps reading sessions and counts readings of held ones', async () => {
      const pick = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      const held = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-10-15T06:00:00.000Z',
          postmortemId: pick.id,
          status: 'held',
          participants: [ALICE, BOB],
          notes: 'アラートの重要度を話し合った',
        },
        ALICE,
      );
      const planned = await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/sre',
          scheduledAt: '2026-11-25T06:00:00.000Z',
          postmortemId: pick.id,
        },
        ALICE,
      );
      await stores.readingSessions.createReadingSession(
        {
          ownerGroup: 'group:default/billing-team',
          scheduledAt: '2026-11-01T06:00:00.000Z',
        },
        ALICE,
      );
      expect(planned).toMatchObject({
        status: 'planned',
        durationMinutes: 30,
        participants: [],
        version: 1,
      });
      expect(
        (await stores.postmortems.getPostmortem(pick.id))!.readings,
      ).toEqual({
        count: 1,
        lastReadAt: '2026-10-15T06:00:00.000Z',
      });

      const sre = await stores.readingSessions.listReadingSessions({
        ownerGroup: 'group:default/sre',
      });
      expect(sre.items.map(s => s.id)).toEqual([planned.id, held.id]);
      expect(
        (
          await stores.readingSessions.listReadingSessions({
            from: '2026-11-01T00:00:00.000Z',
            to: '2026-12-01T00:00:00.000Z',
          })
        ).totalCount,
      ).toBe(2);
      const paged = await stores.readingSessions.listReadingSessions({
        limit: 2,
      });
      expect(paged.nextCursor).toBeDefined();
      expect(
        (
          await stores.readingSessions.listReadingSessions({
            limit: 2,
            cursor: paged.nextCursor,
          })
        ).items,
      ).toHaveLength(1);

      const updated = await stores.readingSessions.updateReadingSession(
        planned.id,
        1,
        { facilitator: ALICE, postmortemId: null, durationMinutes: 45 },
        BOB,
      );
      expect(updated).toMatchObject({
        version: 2,
        facilitator: ALICE,
        durationMinutes: 45,
      });
      expect(updated.postmortemId).toBeUndefined();
      await expect(
        stores.readingSessions.updateReadingSession(
          planned.id,
          1,
          { notes: 'x' },
          BOB,
        ),
      ).rejects.toThrow(ConflictError);

      const candidates = await stores.readingSessions.suggestionCandidates(
        'group:default/sre',
      );
      expect(candidates.postmortems.map(p => p.id)).toEqual([pick.id]);
      expect(candidates.pickedForUpcoming).toEqual([]);
      expect(candidates.lastCoveredAt).toEqual({
        'component:default/seikyu-kanri-robo': '2026-10-15T06:00:00.000Z',
      });
      await stores.readingSessions.updateReadingSession(
        planned.id,
        2,
        { postmortemId: pick.id },
        BOB,
      );
      expect(
        (await stores.readingSessions.suggestionCandidates('group:default/sre'))
          .pickedForUpcoming,
      ).toEqual([pick.id]);
      expect(
        (
          await stores.readingSessions.suggestionCandidates(
            'group:default/billing-team',
          )
        ).pickedForUpcoming,
      ).toEqual([]);
    });

    it('gives ranking a projection that agrees with the whole postmortems', async () => {
      const read = await stores.postmortems.createPostmortem(
        postmortem({
          entityRefs: ['component:default/a', 'component:default/b'],
          resolvedAt: '2026-10-01T05:00:00.000Z',
        }),
        ALICE,
      );
      const unread = await stores.postmortems.createPostmortem(
        postmortem({ severity: 'sev1', mitigatedAt: null }),
        ALICE,
      );
      const draft = await stores.postmortems.createPostmortem(
        postmortem({ status: 'draft' }),
        ALICE,
      );
      const deleted = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      await stores.postmortems.deletePostmortem(deleted.id, ALICE);
      for (const [dueDate, status] of [
        ['2026-11-19', 'open'],
        ['2026-11-19', 'done'],
        ['2026-12-01', 'in_progress'],
        [null, 'wont_do'],
      ] as const) {
        await stores.actionItems.createActionItem(
          read.id,
          { title: 'x', dueDate, status },
          ALICE,
        );
      }
      for (const scheduledAt of [
        '2026-09-10T06:00:00.000Z',
        '2026-10-15T06:00:00.000Z',
      ]) {
        await stores.readingSessions.createReadingSession(
          {
            ownerGroup: 'group:default/other',
            scheduledAt,
            postmortemId: read.id,
            status: 'held',
          },
          ALICE,
        );
      }

      const whole = await stores.postmortems.getPostmortems([
        unread.id,
        read.id,
        draft.id,
        deleted.id,
        '00000000-0000-4000-8000-000000000000',
      ]);
      expect(whole.map(p => p.id).sort()).toEqual(
        [read.id, unread.id, draft.id].sort(),
      );
      expect(await stores.postmortems.getPostmortems([])).toEqual([]);

      const { postmortems } = await stores.readingSessions.suggestionCandidates(
        'group:default/sre',
      );
      const expected = [read, unread].map(({ id }) => {
        const p = whole.find(w => w.id === id)!;
        return {
          id: p.id,
          severity: p.severity,
          startedAt: p.startedAt,
          mitigatedAt: p.mitigatedAt,
          resolvedAt: p.resolvedAt,
          entityRefs: p.entityRefs,
          actionItemCounts: p.actionItemCounts,
          readings: p.readings,
        };
      });
      expect(postmortems.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        expected.sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(postmortems.find(p => p.id === read.id)!.actionItemCounts).toEqual(
        { open: 2, overdue: 1, done: 2, total: 4 },
      );
      expect(postmortems.find(p => p.id === read.id)!.readings).toEqual({
        count: 2,
        lastReadAt: '2026-10-15T06:00:00.000Z',
      });
      expect(postmortems.find(p => p.id === unread.id)).not.toHaveProperty(
        'mitigatedAt',
      );
    });
  },
);
