import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useCallback, useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { useActionItemStatusChange } from '../../hooks/useActionItemStatusChange';
import { usePagedList } from '../../hooks/usePagedList';
import { usePostmortemLink } from '../../hooks/usePostmortemLink';
import {
  ActionItemFilter,
  queryForFilter,
  sortActionItems,
} from '../../lib/actionItems';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemTable } from '../ActionItemTable';
import { ConflictAlert } from '../ConflictAlert';
import { LoadMoreButton } from '../LoadMoreButton';

// Items are sorted on the client (overdue first, then due date), so fetch
// generous pages: a team's open items rarely exceed one.
const PAGE_SIZE = 100;

/**
 * Action items across postmortems: those of an entity's postmortems, those
 * an owner (group or user) is responsible for, or all of them.
 */
export const ActionItemList = (props: {
  entityRef?: string;
  owner?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const postmortemLink = usePostmortemLink();
  const [filter, setFilter] = useState<ActionItemFilter>('open');

  const fetchPage = useCallback(
    (cursor?: string) =>
      api.listActionItems({
        ...queryForFilter(filter),
        entityRef: props.entityRef ? [props.entityRef] : undefined,
        owner: props.owner ? [props.owner] : undefined,
        limit: PAGE_SIZE,
        cursor,
      }),
    [api, filter, props.entityRef, props.owner],
  );
  const { items, setItems, page, loading, error, load } =
    usePagedList(fetchPage);

  const { changeStatus, conflict, clearConflict } = useActionItemStatusChange(
    updated =>
      // The item stays in view until the next load even if it no longer
      // matches the filter, so a mis-click can be undone right there.
      setItems(previous =>
        previous.map(other => (other.id === updated.id ? updated : other)),
      ),
  );

  const reload = () => {
    clearConflict();
    load();
  };

  return (
    <Box>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 12 }}>
        <Typography variant="body2" id="action-item-filter-label">
          {t('actionItems.filterLabel')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          aria-labelledby="action-item-filter-label"
          onChange={(_e, value) => value && setFilter(value)}
        >
          <ToggleButton value="open">
            {t('actionItems.filterOpen')}
          </ToggleButton>
          <ToggleButton value="overdue">
            {t('actionItems.filterOverdue')}
          </ToggleButton>
          <ToggleButton value="done">
            {t('actionItems.filterDone')}
          </ToggleButton>
        </ToggleButtonGroup>
      </Box>
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
            <Box p={2}>
              <Typography color="textSecondary">
                {filter === 'open'
                  ? t('actionItems.empty')
                  : t('actionItems.emptyFiltered')}
              </Typography>
            </Box>
          }
        />
      )}
      <LoadMoreButton page={page} loading={loading} onLoad={load} />
    </Box>
  );
};
