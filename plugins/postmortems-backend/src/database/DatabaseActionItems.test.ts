import { ConflictError, NotFoundError } from '@backstage/errors';
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
  'DatabaseActionItems on %p',
  databaseId => {
    const { stores, setNow } = useTestStores(databaseId);

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
      expect(await ids({ priority: ['high'] })).toEqual([dueToday.id]);
      expect(await ids({ priority: ['high', 'medium'] })).toEqual([
        done.id,
        overdue.id,
        dueToday.id,
        undated.id,
      ]);
      expect(await ids({ priority: ['low'] })).toEqual([]);
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

      setNow(new Date('2026-11-21T00:00:00.000Z'));
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
  },
);
