import {
  ActionItemFilter,
  ActionItemsStore,
} from '@postmortems/backstage-plugin-postmortems-node';
import {
  ALICE,
  NOW,
  databases,
  postmortem,
  useTestStores,
} from '../__testUtils__/stores';
import { DatabaseActionItems } from './DatabaseActionItems';
import { StoreContext } from './StoreContext';

jest.setTimeout(120_000);

const BUSY = 'component:default/seikyu-kanri-robo';
const RARE = 'component:default/customer-portal';
const STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
const TODAY = '2026-11-20'; // NOW in Tokyo

interface Written {
  id: string;
  refs: string[];
  live: boolean;
  status: (typeof STATUSES)[number];
  due: string | null;
  owner: string;
}

/** What a filter must list, worked out from what was written. */
function expected(items: Written[], filter: ActionItemFilter): string[] {
  const open = (w: Written) =>
    w.status === 'open' || w.status === 'in_progress';
  return items
    .filter(
      w =>
        w.live &&
        w.refs.some(r => filter.entityRefs!.includes(r)) &&
        (!filter.statuses || filter.statuses.includes(w.status)) &&
        (!filter.owners || filter.owners.includes(w.owner)) &&
        (filter.overdue !== true || (open(w) && !!w.due && w.due < TODAY)),
    )
    .sort(
      (x, y) =>
        (x.due ?? '9999-12-31').localeCompare(y.due ?? '9999-12-31') ||
        (x.id < y.id ? -1 : 1),
    )
    .map(w => w.id);
}

async function everyPage(store: ActionItemsStore, filter: ActionItemFilter) {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listActionItems({ ...filter, cursor });
    ids.push(...page.items.map(item => item.id));
    totals.push(page.totalCount);
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, totals };
}

/*
 * The shapes of an action item list's entity filter (see `itemsShape`):
 * on MySQL/MariaDB an entity's items are paged from the items alone, a
 * busy entity's by walking them in page order, a rare one's by sorting
 * them; elsewhere they are joined. Every shape must list what was written,
 * in order, with true counts, on every engine.
 */
describe.each(databases.eachSupportedId())(
  'action item lists by entity on %p',
  databaseId => {
    const { stores, db } = useTestStores(databaseId);

    it('lists the same items, in order, whether the entity counts as busy or rare', async () => {
      const written: Written[] = [];
      for (let i = 0; i < 12; i++) {
        const refs = i % 3 === 0 ? [BUSY, RARE] : [BUSY];
        const pm = await stores.postmortems.createPostmortem(
          postmortem({
            title: `Incident ${i}`,
            entityRefs: refs,
            startedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
          }),
          ALICE,
        );
        for (let j = 0; j < 4; j++) {
          const item = {
            status: STATUSES[(i + j) % 4],
            due:
              j === 3
                ? null
                : `2026-11-${String(10 + ((i * 7 + j) % 15)).padStart(2, '0')}`,
            owner: j % 2 ? 'group:default/sre' : ALICE,
          };
          const { id } = await stores.actionItems.createActionItem(
            pm.id,
            {
              title: `Item ${i}.${j}`,
              status: item.status,
              dueDate: item.due,
              owner: item.owner,
            },
            ALICE,
          );
          written.push({ id, refs, live: i !== 4, ...item });
        }
        if (i === 4) {
          await stores.postmortems.deletePostmortem(pm.id, ALICE);
        }
      }
      const context = new StoreContext(db(), () => NOW, 'Asia/Tokyo');
      const walking = new DatabaseActionItems(context, {
        walkItemsAbovePostmortems: 0,
      });
      const sorting = new DatabaseActionItems(context, {
        walkItemsAbovePostmortems: 1000,
      });
      const filters: ActionItemFilter[] = [
        { entityRefs: [BUSY], statuses: ['open', 'in_progress'], limit: 5 },
        { entityRefs: [RARE], statuses: ['open', 'in_progress'], limit: 3 },
        { entityRefs: [RARE], statuses: ['open'], limit: 3 },
        { entityRefs: [BUSY, RARE], overdue: true, limit: 4 },
        { entityRefs: [RARE], statuses: ['done', 'wont_do'], limit: 2 },
        { entityRefs: [BUSY], statuses: ['in_progress', 'done'], limit: 7 },
        { entityRefs: [BUSY], owners: ['group:default/sre'], limit: 100 },
        { entityRefs: ['component:default/none'], limit: 10 },
      ];
      const statements: string[] = [];
      const record = (query: { sql: string }) => statements.push(query.sql);
      db().on('query', record);
      for (const filter of filters) {
        const want = expected(written, filter);
        for (const store of [walking, sorting]) {
          const { ids, totals } = await everyPage(store, filter);
          expect(ids).toEqual(want);
          expect(new Set(totals)).toEqual(new Set([want.length]));
        }
      }
      db().off('query', record);
      // MySQL/MariaDB walks a busy entity's items, and only it does.
      const walks = statements.filter(sql =>
        /limit \?\)+ is not null/i.test(sql),
      );
      expect(walks.length > 0).toBe(databaseId.startsWith('MYSQL'));
    });
  },
);
