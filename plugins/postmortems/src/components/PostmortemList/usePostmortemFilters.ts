import {
  DETECTIONS,
  ListPostmortemsQuery,
  POSTMORTEM_STATUSES,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useMemo, useState } from 'react';
import { useOwnedEntityRefs } from '../../hooks/useOwnedEntityRefs';
import { QueryParamChange, useQueryParams } from '../../hooks/useQueryParams';

const SEARCH_DELAY_MS = 400;

/** The list's parameters in the URL's query string. */
const FILTER_KEYS = [
  'q',
  'status',
  'severity',
  'detection',
  'service',
  'team',
  'from',
] as const;

type FilterKey = (typeof FILTER_KEYS)[number];

export type SelectFilters = Pick<
  ListPostmortemsQuery,
  'status' | 'severity' | 'detection'
>;

function oneOf<T extends string>(
  values: readonly T[],
  value: string | undefined,
): T | undefined {
  return values.find(candidate => candidate === value);
}

/**
 * The postmortem list's filters and search text, kept in the URL so a
 * filtered list can be shared and survives a reload. Values the API would
 * refuse (a hand-edited URL) are ignored rather than shown as an error.
 *
 * A team is a group: its postmortems are those about the entities it owns
 * (their `ownedBy` relations in the catalog), asked for as repeated
 * `entityRef`s; `entityRefs` is empty when it owns nothing, and undefined
 * while there is no entity filter at all.
 */
export function usePostmortemFilters(fixedEntityRef?: string) {
  const params = useQueryParams(FILTER_KEYS);
  const urlQ = params.value('q') ?? '';

  const selects: SelectFilters = {
    status: oneOf(POSTMORTEM_STATUSES, params.value('status')),
    severity: oneOf(SEVERITIES, params.value('severity')),
    detection: oneOf(DETECTIONS, params.value('detection')),
  };
  const service = params.value('service');
  const team = params.value('team');
  const fromValue = params.value('from');
  const from =
    fromValue && !isNaN(new Date(fromValue).getTime()) ? fromValue : undefined;

  // The search box holds what is typed; the URL what was searched for.
  const [searchText, setSearchText] = useState(urlQ);
  const [composing, setComposing] = useState(false);
  const { set } = params;

  // Japanese input goes through an IME: wait until the writer has committed
  // the characters (compositionend) before searching, and then a moment
  // more so each keystroke does not become a request (nor a history entry).
  useEffect(() => {
    if (composing) return undefined;
    const timer = setTimeout(() => {
      const q = searchText.trim();
      if (q !== urlQ) set({ q }, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // Only typing starts a search; a change of the URL is followed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText, composing]);

  // Back, forward and "clear" change the URL: the box follows.
  useEffect(() => {
    setSearchText(previous => (previous.trim() === urlQ ? previous : urlQ));
  }, [urlQ]);

  const teamEntities = useOwnedEntityRefs(team);

  const entityRefs = useMemo(() => {
    if (fixedEntityRef) return [fixedEntityRef];
    if (!team) return service ? [service] : undefined;
    const owned = teamEntities.value ?? [];
    return service ? owned.filter(ref => ref === service) : owned;
  }, [fixedEntityRef, team, service, teamEntities.value]);

  return {
    selects,
    service,
    team,
    from,
    q: urlQ,
    entityRefs,
    /** True while the team's entities are read from the catalog. */
    resolving: Boolean(team) && teamEntities.loading,
    resolveError: teamEntities.error,
    searchText,
    setSearchText,
    setComposing,
    active: params.active,
    set: (changes: Partial<Record<FilterKey, QueryParamChange>>) =>
      set(changes),
    clear: () => {
      setSearchText('');
      params.clear();
    },
  };
}
