import { useApi } from '@backstage/frontend-plugin-api';
import { ListActionItemsQuery } from '@postmortems/backstage-plugin-postmortems-common';
import { useCallback, useEffect, useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { ActionItemFilter, queryForFilter } from '../../lib/actionItems';
import { formatTotal } from '../../lib/format';

const FILTERS: ActionItemFilter[] = ['open', 'overdue', 'done'];

/**
 * How many items each quick filter (Open, Overdue, Done) shows under the
 * other filters: the `totalCount` of a one-item page each, asked in
 * parallel, so the API needs no counting endpoint of its own; "1000+"
 * past the API's count cap. Undefined
 * while loading or when a count failed (the list shows its own error).
 */
export function useActionItemCounts(
  query: Omit<ListActionItemsQuery, 'status' | 'overdue' | 'limit' | 'cursor'>,
): { counts?: Record<ActionItemFilter, string>; refresh: () => void } {
  const api = useApi(postmortemsApiRef);
  const [counts, setCounts] = useState<Record<ActionItemFilter, string>>();
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
            open: formatTotal(pages[0]),
            overdue: formatTotal(pages[1]),
            done: formatTotal(pages[2]),
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
