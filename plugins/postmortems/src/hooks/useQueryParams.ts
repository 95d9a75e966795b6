import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A change to one query parameter: a value, repeated values, or none. */
export type QueryParamChange = string | readonly string[] | undefined;

/**
 * Filters and search text kept in the URL's query string, so a filtered
 * list can be shared, survives a reload and the back button steps through
 * it. Only the named `keys` are read and written; other parameters of the
 * URL (a tab's own, such as `deleted`) are kept as they are.
 *
 * A parameter may repeat (`?entityRef=a&entityRef=b`): `values[key]` holds
 * all of them, `value(key)` the first. Empty strings count as absent.
 */
export function useQueryParams<K extends string>(
  keys: readonly K[],
): {
  values: Record<K, string[]>;
  value: (key: K) => string | undefined;
  /** True when any of the keys has a value. */
  active: boolean;
  /**
   * Sets the given keys (others unchanged). A history entry by default, so
   * the back button undoes it; `replace` for changes made while typing.
   */
  set: (
    changes: Partial<Record<K, QueryParamChange>>,
    options?: { replace?: boolean },
  ) => void;
  /** Removes all of the keys. */
  clear: () => void;
} {
  const [searchParams, setSearchParams] = useSearchParams();
  const keyList = keys.join('\u0000');

  const values = useMemo(() => {
    const result = {} as Record<K, string[]>;
    for (const key of keyList.split('\u0000') as K[]) {
      result[key] = searchParams.getAll(key).filter(v => v !== '');
    }
    return result;
  }, [searchParams, keyList]);

  const set = useCallback(
    (
      changes: Partial<Record<K, QueryParamChange>>,
      options?: { replace?: boolean },
    ) =>
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const [key, change] of Object.entries(changes) as [
            K,
            QueryParamChange,
          ][]) {
            next.delete(key);
            const list: readonly string[] =
              typeof change === 'string' ? [change] : change ?? [];
            for (const v of list) {
              if (v !== '') next.append(key, v);
            }
          }
          return next;
        },
        { replace: options?.replace },
      ),
    [setSearchParams],
  );

  const clear = useCallback(() => {
    const changes: Partial<Record<K, QueryParamChange>> = {};
    for (const key of keyList.split('\u0000') as K[]) changes[key] = undefined;
    set(changes);
  }, [keyList, set]);

  const value = useCallback((key: K) => values[key]?.[0], [values]);
  const active = Object.values<string[]>(values).some(v => v.length > 0);

  return { values, value, active, set, clear };
}
