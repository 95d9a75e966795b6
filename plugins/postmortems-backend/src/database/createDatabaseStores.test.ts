import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ALICE,
  BOB,
  databases,
  postmortem,
  EVERY_CANDIDATE,
  useTestStores,
} from '../__testUtils__/stores';

jest.setTimeout(120_000);

// What one store's writes do to what the others read: a deleted postmortem
// hides its action items, and ranking's projection agrees with the whole.
describe.each(databases.eachSupportedId())(
  'the stores together on %p',
  databaseId => {
    const { stores } = useTestStores(databaseId);

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

      const batch = await stores.readingSessions.suggestionCandidates(
        'group:default/sre',
        EVERY_CANDIDATE,
      );
      expect(batch.postmortems.map(p => p.bound)).toEqual([0, 0]);
      const postmortems = batch.postmortems.map(({ bound: _, ...p }) => p);
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
