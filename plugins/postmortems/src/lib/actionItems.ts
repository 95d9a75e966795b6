import {
  ActionItem,
  ListActionItemsQuery,
} from '@postmortems/backstage-plugin-postmortems-common';

/** The quick filters of action item lists. */
export type ActionItemFilter = 'open' | 'overdue' | 'done';

/** The API query for a quick filter. */
export function queryForFilter(
  filter: ActionItemFilter,
): Pick<ListActionItemsQuery, 'status' | 'overdue'> {
  switch (filter) {
    case 'overdue':
      return { overdue: true };
    case 'done':
      return { status: ['done', 'wont_do'] };
    default:
      return { status: ['open', 'in_progress'] };
  }
}

/** Where an item stands in the working order: overdue, open, closed. */
function rank(item: ActionItem): number {
  if (item.overdue) return 0;
  return isClosed(item) ? 2 : 1;
}

function isClosed(item: ActionItem): boolean {
  return item.status === 'done' || item.status === 'wont_do';
}

/**
 * Overdue first, then the open and in progress ones, then done and won't
 * do; within each by due date (earliest first, undated last), then by
 * title: the order in which someone should work through them, with the
 * finished ones out of the way.
 */
export function sortActionItems(items: ActionItem[]): ActionItem[] {
  return [...items].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.dueDate !== b.dueDate) {
      if (!a.dueDate) return 1;
      if (!b.dueDate) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return a.title.localeCompare(b.title);
  });
}
