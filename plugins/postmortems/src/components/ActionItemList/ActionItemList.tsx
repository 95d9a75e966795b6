import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useCallback, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useActionItemStatusChange } from '../../hooks/useActionItemStatusChange';
import { usePagedList } from '../../hooks/usePagedList';
import { usePostmortemLink } from '../../hooks/usePostmortemLink';
import { queryForFilter, sortActionItems } from '../../lib/actionItems';
import { postmortemsTranslationRef } from '../../translation';
import {
  ActionItemFilters,
  OwnerOption,
  useActionItemFilters,
} from '../ActionItemFilters';
import { ActionItemTable } from '../ActionItemTable';
import { ConflictAlert } from '../ConflictAlert';
import { LoadMoreButton } from '../LoadMoreButton';
import { StatusChangeToast } from '../StatusChangeToast';
import { useActionItemCounts } from './useActionItemCounts';

// Items are sorted on the client (overdue first, then due date), so fetch
// generous pages: a team's open items rarely exceed one.
const PAGE_SIZE = 100;

/**
 * Action items across postmortems: those of an entity's postmortems, those
 * a set of owners (a team: the group and its members, or a user) is
 * responsible for, or all of them; filtered by status, owner, service,
 * priority and "only mine", the filters kept in the URL.
 */
export const ActionItemList = (props: {
  entityRef?: string;
  /** Only items these owners own; they are also the owner filter's choices. */
  owners?: OwnerOption[];
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const identityApi = useApi(identityApiRef);
  const postmortemLink = usePostmortemLink();
  const { filters, active, set, clear } = useActionItemFilters();
  const { value: identity } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const me = identity?.userEntityRef;

  const scope = props.owners?.map(o => o.ref);
  let owner = scope;
  // "Mine": what the signed-in user owns, themselves or through their groups
  // (within the list's owners, on a team's page).
  if (filters.mine && identity) {
    const mine = [
      ...new Set([identity.userEntityRef, ...identity.ownershipEntityRefs]),
    ].filter(ref => !scope || scope.includes(ref));
    owner = mine.length ? mine : [identity.userEntityRef];
  } else if (filters.owner) owner = [filters.owner];
  let entityRef = props.entityRef ? [props.entityRef] : undefined;
  if (!props.entityRef && filters.entityRef) entityRef = [filters.entityRef];
  const priority = filters.priority.length ? filters.priority : undefined;
  const baseKey = JSON.stringify({ owner, entityRef, priority });
  const base = useMemo(() => JSON.parse(baseKey), [baseKey]);

  const fetchPage = useCallback(
    (cursor?: string) =>
      api.listActionItems({
        ...base,
        ...queryForFilter(filters.status),
        limit: PAGE_SIZE,
        cursor,
      }),
    [api, base, filters.status],
  );
  const { items, setItems, page, loading, error, load } =
    usePagedList(fetchPage);
  const { counts, refresh: refreshCounts } = useActionItemCounts(base);

  const {
    changeStatus,
    conflict,
    clearConflict,
    lastChange,
    undo,
    dismissChange,
  } = useActionItemStatusChange(
    updated => {
      // The item stays in view until the next load even if it no longer
      // matches the filter, so a mis-click can be undone right there.
      setItems(previous =>
        previous.map(other => (other.id === updated.id ? updated : other)),
      );
      refreshCounts();
    },
    { undoable: true },
  );

  const reload = () => {
    clearConflict();
    load();
  };

  return (
    <Box>
      <ActionItemFilters
        filters={filters}
        onChange={set}
        counts={counts}
        ownerOptions={props.owners}
        showService={!props.entityRef}
        showMine={Boolean(me) && (!scope || scope.includes(me!))}
      />
      {conflict && (
        <Box mb={2}>
          <ConflictAlert onReload={reload} />
        </Box>
      )}
      {error && <ResponseErrorPanel error={error} />}
      {loading && items.length === 0 && !error && <Progress />}
      {!error && !(loading && items.length === 0) && (
        <ActionItemTable
          title={t('actionItems.title')}
          items={sortActionItems(items)}
          showPostmortem
          postmortemLink={postmortemLink}
          onStatusChange={changeStatus}
          emptyContent={
            <Box p={2} display="flex" alignItems="center" style={{ gap: 12 }}>
              <Typography color="textSecondary">
                {active
                  ? t('actionItems.emptyFiltered')
                  : t('actionItems.empty')}
              </Typography>
              {active && (
                <Button variant="outlined" color="primary" onClick={clear}>
                  {t('actionItems.clearFilters')}
                </Button>
              )}
            </Box>
          }
        />
      )}
      <LoadMoreButton page={page} loading={loading} onLoad={load} />
      <StatusChangeToast
        change={lastChange}
        onUndo={undo}
        onClose={dismissChange}
      />
    </Box>
  );
};
