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

/**
 * Overdue first, then by due date (earliest first, undated last), then by
 * title: the order in which someone should work through them.
 */
export function sortActionItems(items: ActionItem[]): ActionItem[] {
  return [...items].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.dueDate !== b.dueDate) {
      if (!a.dueDate) return 1;
      if (!b.dueDate) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return a.title.localeCompare(b.title);
  });
}
