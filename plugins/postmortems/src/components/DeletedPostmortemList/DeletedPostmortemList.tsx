import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RestoreIcon from '@material-ui/icons/Restore';
import Alert from '@material-ui/lab/Alert';
import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { useCallback, useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { usePagedList } from '../../hooks/usePagedList';
import { useRestorePostmortem } from '../../hooks/useRestorePostmortem';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { LoadMoreButton } from '../LoadMoreButton';

const PAGE_SIZE = 20;

/**
 * The soft-deleted postmortems, most recently deleted first, each with a
 * Restore button. Anyone sees the button; when the backend refuses (403),
 * its answer is shown.
 */
export const DeletedPostmortemList = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const restorePostmortem = useRestorePostmortem();
  const language = useLanguage();
  const [restoring, setRestoring] = useState<string>();
  const [restoreError, setRestoreError] = useState<string>();

  const fetchPage = useCallback(
    (cursor?: string) =>
      api.listPostmortems({ deleted: true, limit: PAGE_SIZE, cursor }),
    [api],
  );
  const { items, page, loading, error, load } = usePagedList(fetchPage);

  const restore = async (p: Postmortem) => {
    setRestoring(p.id);
    setRestoreError(undefined);
    const failure = await restorePostmortem(p);
    if (failure) {
      setRestoreError(failure);
    } else {
      await load();
    }
    setRestoring(undefined);
  };

  const columns: TableColumn<Postmortem>[] = [
    {
      title: t('deletedList.columnTitle'),
      field: 'title',
    },
    {
      title: t('deletedList.columnDeletedAt'),
      field: 'deletedAt',
      render: p =>
        p.deletedAt ? formatDateTime(p.deletedAt, language) : t('common.none'),
    },
    {
      title: t('deletedList.columnDeletedBy'),
      field: 'deletedBy',
      render: p =>
        p.deletedBy ? (
          <EntityRefLink entityRef={p.deletedBy} defaultKind="user" />
        ) : (
          t('common.unknownUser')
        ),
    },
    {
      title: '',
      field: 'id',
      align: 'right',
      render: p => (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          startIcon={<RestoreIcon />}
          disabled={restoring !== undefined}
          aria-label={t('deletedList.restoreNamed', { title: p.title })}
          onClick={() => restore(p)}
        >
          {t('deletedList.restore')}
        </Button>
      ),
    },
  ];

  if (error && items.length === 0) {
    return <ResponseErrorPanel error={error} />;
  }

  return (
    <Box>
      {restoreError && (
        <Box mb={2}>
          <Alert severity="error" onClose={() => setRestoreError(undefined)}>
            {restoreError}
          </Alert>
        </Box>
      )}
      {error && <ResponseErrorPanel error={error} />}
      {loading && items.length === 0 ? (
        <Progress />
      ) : (
        <Table<Postmortem>
          title={t('deletedList.title')}
          columns={columns}
          data={items}
          emptyContent={
            <Box p={3}>
              <Typography color="textSecondary">
                {t('deletedList.empty')}
              </Typography>
            </Box>
          }
          options={{ paging: false, search: false, sorting: false }}
        />
      )}
      <LoadMoreButton page={page} loading={loading} onLoad={load} />
    </Box>
  );
};
