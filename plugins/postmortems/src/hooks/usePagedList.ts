import { Page } from '@postmortems/backstage-plugin-postmortems-common';
import {
  Dispatch,
  SetStateAction,
  useCallback,
  useEffect,
  useState,
} from 'react';

/**
 * A list read page by page with the API's cursors. `fetchPage` is the
 * query; when it changes (a filter did), the list starts over from the
 * first page. `load(cursor)` appends the next page, `load()` reloads.
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
): {
  items: T[];
  setItems: Dispatch<SetStateAction<T[]>>;
  page?: Page<T>;
  loading: boolean;
  error?: Error;
  load: (cursor?: string) => Promise<void>;
} {
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState<Page<T>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const result = await fetchPage(cursor);
        setItems(previous =>
          cursor ? [...previous, ...result.items] : result.items,
        );
        setPage(result);
      } catch (e) {
        setError(e as Error);
      } finally {
        setLoading(false);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    load();
  }, [load]);

  return { items, setItems, page, loading, error, load };
}
