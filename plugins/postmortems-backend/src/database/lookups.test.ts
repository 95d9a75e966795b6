import { Knex } from 'knex';
import {
  ALICE,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';
import { toIso, toNumber } from './conversions';
import { CLOSED_STATUSES, NO_DUE_DATE } from './rows';

jest.setTimeout(120_000);

/**
 * Every lookup column as the source rows say it should be, next to what is
 * stored: recomputed here from `postmortems` and `action_items` alone.
 */
async function lookupsNowAndExpected(knex: Knex) {
  const postmortems = await knex('postmortems').orderBy('id');
  const items = await knex('action_items').orderBy('id');
  const entities = await knex('postmortem_entities').orderBy([
    'postmortem_id',
    'entity_ref',
  ]);
  const iso = (value: unknown) => (value === null ? null : toIso(value));
  const byId = new Map(postmortems.map(p => [p.id, p]));
  const stored = {
    entities: entities.map(e => [
      e.postmortem_id,
      e.entity_ref,
      iso(e.started_at),
      iso(e.deleted_at),
    ]),
    items: items.map(i => [i.id, Boolean(i.is_open), i.due_key]),
    postmortems: postmortems.map(p => [
      p.id,
      toNumber(p.open_items),
      p.first_open_due,
      p.second_open_due,
    ]),
  };
  const expected = {
    entities: entities.map(e => [
      e.postmortem_id,
      e.entity_ref,
      iso(byId.get(e.postmortem_id).started_at),
      iso(byId.get(e.postmortem_id).deleted_at),
    ]),
    items: items.map(i => [
      i.id,
      !CLOSED_STATUSES.includes(i.status),
      i.due_date ?? NO_DUE_DATE,
    ]),
    postmortems: postmortems.map(p => {
      const open = items.filter(
        i => i.postmortem_id === p.id && !CLOSED_STATUSES.includes(i.status),
      );
      const dues = open.flatMap(i => (i.due_date ? [i.due_date] : [])).sort();
      return [p.id, open.length, dues[0] ?? null, dues[1] ?? null];
    }),
  };
  return { stored, expected };
}

describe.each(databases.eachSupportedId())(
  'lookup columns on %p',
  databaseId => {
    const { stores, db } = useTestStores(databaseId);

    it('stay in step with every write of postmortems and action items', async () => {
      const check = async () => {
        const { stored, expected } = await lookupsNowAndExpected(db());
        expect(stored).toEqual(expected);
      };
      const a = await stores.postmortems.createPostmortem(postmortem(), ALICE);
      const b = await stores.postmortems.createPostmortem(
        postmortem({
          entityRefs: [
            'component:default/seikyu-kanri-robo',
            'resource:default/billing-job-queue',
          ],
        }),
        ALICE,
      );
      const first = await stores.actionItems.createActionItem(
        a.id,
        { title: 'Raise the limits', dueDate: '2026-12-01' },
        ALICE,
      );
      const second = await stores.actionItems.createActionItem(
        a.id,
        { title: 'Alert on queue age', dueDate: '2026-11-01' },
        ALICE,
      );
      await stores.actionItems.createActionItem(
        a.id,
        { title: 'Write the runbook' },
        ALICE,
      );
      await stores.actionItems.createActionItem(
        b.id,
        {
          title: 'Closed from the start',
          status: 'done',
          dueDate: '2026-10-01',
        },
        ALICE,
      );
      await check();

      await stores.actionItems.updateActionItem(
        second.id,
        second.version,
        { status: 'done' },
        ALICE,
      );
      await check();
      await stores.actionItems.updateActionItem(
        first.id,
        first.version,
        { dueDate: null },
        ALICE,
      );
      await check();
      await stores.actionItems.deleteActionItem(first.id);
      await check();

      const moved = await stores.postmortems.updatePostmortem(
        b.id,
        b.version,
        {
          startedAt: '2025-12-24T15:30:00.000Z',
          entityRefs: ['component:default/customer-portal'],
        },
        ALICE,
      );
      await check();
      await stores.postmortems.deletePostmortem(moved.id, ALICE);
      await check();
      await stores.postmortems.restorePostmortem(moved.id, ALICE);
      await check();

      await stores.postmortems.importPostmortem(
        postmortem({
          title: 'Imported',
          startedAt: '2024-02-29T00:00:00.000Z',
        }),
        [
          { title: 'One', dueDate: '2024-03-10' },
          { title: 'Two', dueDate: '2024-03-05' },
          { title: 'Three', status: 'wont_do' },
        ],
        ALICE,
      );
      await check();
    });

    it('count open items right when their changes race', async () => {
      const a = await stores.postmortems.createPostmortem(postmortem(), ALICE);
      const items = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          stores.actionItems.createActionItem(
            a.id,
            { title: `Item ${i}`, dueDate: `2026-12-0${i + 1}` },
            ALICE,
          ),
        ),
      );
      await Promise.all(
        items
          .slice(0, 3)
          .map(item =>
            stores.actionItems.updateActionItem(
              item.id,
              item.version,
              { status: 'done' },
              ALICE,
            ),
          ),
      );
      const { stored, expected } = await lookupsNowAndExpected(db());
      expect(stored).toEqual(expected);
      expect(stored.postmortems[0][1]).toBe(3);
    });
  },
);
