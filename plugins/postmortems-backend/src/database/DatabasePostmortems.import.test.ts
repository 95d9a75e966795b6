import { ActionItemInput } from '@postmortems/backstage-plugin-postmortems-node';
import {
  ALICE,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'DatabasePostmortems.importPostmortem on %p',
  databaseId => {
    const { stores } = useTestStores(databaseId);

    const items: ActionItemInput[] = [
      {
        title: 'キューの監視',
        status: 'done',
        priority: 'high',
        kind: 'detect',
      },
      {
        title: 'Recompute capacity',
        owner: 'group:default/sre',
        dueDate: '2026-12-01',
        externalUrl: 'https://github.com/example/billing/issues/1',
      },
    ];

    it('creates the postmortem, its first revision and its action items at once', async () => {
      const outcome = await stores.postmortems.importPostmortem(
        postmortem(),
        items,
        ALICE,
      );
      if (!('postmortem' in outcome)) {
        throw new Error('expected a created postmortem');
      }
      expect(outcome.postmortem).toMatchObject({
        title: '非同期ジョブのキュー滞留',
        createdBy: ALICE,
        version: 1,
        actionItemCounts: { open: 1, done: 1, total: 2 },
      });
      expect(outcome.actionItems).toMatchObject([
        {
          title: 'キューの監視',
          status: 'done',
          priority: 'high',
          kind: 'detect',
        },
        {
          title: 'Recompute capacity',
          status: 'open',
          priority: 'medium',
          kind: 'other',
          owner: 'group:default/sre',
          dueDate: '2026-12-01',
          postmortemId: outcome.postmortem.id,
        },
      ]);
      expect(outcome.actionItems[0].completedAt).toEqual(expect.any(String));
      const revisions = await stores.postmortems.listRevisions(
        outcome.postmortem.id,
      );
      expect(revisions.map(r => r.action)).toEqual(['created']);
      const listed = await stores.postmortems.listPostmortems({
        entityRefs: ['component:default/seikyu-kanri-robo'],
        tag: 'batch',
      });
      expect(listed.items.map(p => p.id)).toEqual([outcome.postmortem.id]);
    });

    it('writes nothing when an action item cannot be written', async () => {
      const outcome = await stores.postmortems
        .importPostmortem(
          postmortem({ title: 'Half written?' }),
          [items[0], { title: null as unknown as string }],
          ALICE,
        )
        .then(
          written => ({ written }),
          error => ({ error: String(error) }),
        );
      expect(outcome).toEqual({ error: expect.stringMatching(/null|NULL/) });
      expect((await stores.postmortems.listPostmortems({})).totalCount).toBe(0);
      expect((await stores.actionItems.listActionItems({})).totalCount).toBe(0);
      const knex = (stores.postmortems as any).ctx.db;
      const [{ n }] = await knex('postmortem_revisions').count('* as n');
      expect(Number(n)).toBe(0);
      const [{ m }] = await knex('postmortem_entities').count('* as m');
      expect(Number(m)).toBe(0);
    });

    it('names the live postmortem with the same title and start instead of doubling it', async () => {
      const first = await stores.postmortems.createPostmortem(
        postmortem(),
        ALICE,
      );
      const again = await stores.postmortems.importPostmortem(
        // The same instant, written in Tokyo time.
        postmortem({ startedAt: '2026-10-01T10:00:00+09:00' }),
        items,
        ALICE,
      );
      expect(again).toEqual({ duplicateOf: first.id });
      expect((await stores.actionItems.listActionItems({})).totalCount).toBe(0);

      // Another title, or another instant, is another postmortem.
      const otherTitle = await stores.postmortems.importPostmortem(
        postmortem({ title: '非同期ジョブのキュー滞留（2回目）' }),
        [],
        ALICE,
      );
      expect(otherTitle).toHaveProperty('postmortem');
      const otherStart = await stores.postmortems.importPostmortem(
        postmortem({ startedAt: '2026-10-01T01:00:00.001Z' }),
        [],
        ALICE,
      );
      expect(otherStart).toHaveProperty('postmortem');

      // A deleted one does not count.
      await stores.postmortems.deletePostmortem(first.id, ALICE);
      const afterDelete = await stores.postmortems.importPostmortem(
        postmortem(),
        [],
        ALICE,
      );
      expect(afterDelete).toHaveProperty('postmortem');
    });
  },
);
