import { Priority } from '@postmortems/backstage-plugin-postmortems-common';
import { useQueryParams } from '../../hooks/useQueryParams';
import { ActionItemFilter } from '../../lib/actionItems';

const KEYS = ['status', 'owner', 'entityRef', 'priority', 'mine'] as const;
const STATUS_FILTERS: readonly ActionItemFilter[] = ['open', 'overdue', 'done'];
const PRIORITY_VALUES: readonly string[] = ['high', 'medium', 'low'];

/** The filters of an action item list, as kept in the URL. */
export type ActionItemFilterValues = {
  status: ActionItemFilter;
  owner?: string;
  entityRef?: string;
  priority: Priority[];
  mine: boolean;
};

/** A change to the filters; `undefined` removes one. */
export type ActionItemFilterChange = {
  status?: ActionItemFilter;
  owner?: string;
  entityRef?: string;
  priority?: Priority[];
  mine?: boolean;
};

/**
 * The filters of an action item list in the URL's query string
 * (`?status=overdue&owner=user:default/hanako.yamada&priority=high&mine=true`),
 * so a filtered list can be shared and survives a reload. Values the list
 * does not know are ignored rather than failing the request.
 */
export function useActionItemFilters(): {
  filters: ActionItemFilterValues;
  /** True when anything but the default (open, no other filter) is chosen. */
  active: boolean;
  set: (change: ActionItemFilterChange) => void;
  clear: () => void;
} {
  const params = useQueryParams(KEYS);
  const status = params.value('status') as ActionItemFilter | undefined;
  const filters: ActionItemFilterValues = {
    status: status && STATUS_FILTERS.includes(status) ? status : 'open',
    owner: params.value('owner'),
    entityRef: params.value('entityRef'),
    priority: params.values.priority.filter(p =>
      PRIORITY_VALUES.includes(p),
    ) as Priority[],
    mine: params.value('mine') === 'true',
  };
  const active =
    filters.status !== 'open' ||
    Boolean(filters.owner || filters.entityRef || filters.mine) ||
    filters.priority.length > 0;

  const set = (change: ActionItemFilterChange) => {
    const next: Parameters<typeof params.set>[0] = {};
    if ('status' in change) {
      next.status = change.status === 'open' ? undefined : change.status;
    }
    if ('owner' in change) next.owner = change.owner;
    if ('entityRef' in change) next.entityRef = change.entityRef;
    if ('priority' in change) next.priority = change.priority;
    if ('mine' in change) next.mine = change.mine ? 'true' : undefined;
    params.set(next);
  };

  return { filters, active, set, clear: params.clear };
}
