import { useApi } from '@backstage/frontend-plugin-api';
import { ListActionItemsQuery } from '@postmortems/backstage-plugin-postmortems-common';
import { useCallback, useEffect, useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { ActionItemFilter, queryForFilter } from '../../lib/actionItems';

const FILTERS: ActionItemFilter[] = ['open', 'overdue', 'done'];

/**
 * How many items each quick filter (Open, Overdue, Done) shows under the
 * other filters: the `totalCount` of a one-item page each, asked in
 * parallel, so the API needs no counting endpoint of its own. Undefined
 * while loading or when a count failed (the list shows its own error).
 */
export function useActionItemCounts(
  query: Omit<ListActionItemsQuery, 'status' | 'overdue' | 'limit' | 'cursor'>,
): { counts?: Record<ActionItemFilter, number>; refresh: () => void } {
  const api = useApi(postmortemsApiRef);
  const [counts, setCounts] = useState<Record<ActionItemFilter, number>>();
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    let current = true;
    const base = JSON.parse(key) as ListActionItemsQuery;
    Promise.all(
      FILTERS.map(filter =>
        api.listActionItems({ ...base, ...queryForFilter(filter), limit: 1 }),
      ),
    ).then(
      pages => {
        if (current) {
          setCounts({
            open: pages[0].totalCount,
            overdue: pages[1].totalCount,
            done: pages[2].totalCount,
          });
        }
      },
      () => current && setCounts(undefined),
    );
    return () => {
      current = false;
    };
  }, [api, key, generation]);

  const refresh = useCallback(() => setGeneration(g => g + 1), []);
  return { counts, refresh };
}
