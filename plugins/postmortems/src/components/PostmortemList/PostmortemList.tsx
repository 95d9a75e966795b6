import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import PublishIcon from '@material-ui/icons/Publish';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { useCallback, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { usePagedList } from '../../hooks/usePagedList';
import {
  durationBetween,
  formatDate,
  formatDuration,
  formatTotal,
} from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ExportMarkdownButton } from '../ExportMarkdownButton';
import { ImportPostmortemsDialog } from '../ImportPostmortemsDialog';
import { SeverityChip } from '../SeverityChip';
import { PostmortemFilters } from './PostmortemFilters';
import { UndoDeleteAlert } from './UndoDeleteAlert';
import { usePostmortemFilters } from './usePostmortemFilters';

const PAGE_SIZE = 20;

// The title takes the room; the other columns as little as their values
// need. The table lays out automatically: a 1% column with text that does
// not wrap is as wide as that text.
const NARROW = {
  width: '1%',
  cellStyle: { whiteSpace: 'nowrap' },
  headerStyle: { whiteSpace: 'nowrap' },
} as const;

/**
 * The incident history: postmortems newest first, with filters, text
 * search and cursor paging; the filters and search live in the URL. Rows
 * link to `<id>` and the "New" button to `new`, relative to where the list
 * is mounted. Without `entityRef` (the standalone list) it shows each
 * postmortem's services and filters by service and team.
 */
export const PostmortemList = (props: {
  /** Only postmortems about this entity. */
  entityRef?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const theme = useTheme();

  const filters = usePostmortemFilters(props.entityRef);
  const byEntity = !props.entityRef;
  const { selects, q, from, entityRefs, resolving } = filters;

  const fetchPage = useCallback(
    async (cursor?: string) => {
      // A team that owns nothing has no postmortems; and asking before its
      // entities are known would list everyone's.
      if (resolving || entityRefs?.length === 0) {
        return { items: [], totalCount: 0 };
      }
      return api.listPostmortems({
        ...selects,
        entityRef: entityRefs,
        q: q || undefined,
        from,
        limit: PAGE_SIZE,
        cursor,
      });
    },
    // `selects` is a new object on each render: depend on its values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      api,
      selects.status,
      selects.severity,
      selects.detection,
      q,
      from,
      entityRefs,
      resolving,
    ],
  );
  const { items, page, loading, error, load } = usePagedList(fetchPage);
  const [importing, setImporting] = useState(false);

  const filtered = filters.active;

  // Shown above whatever the list shows, including the empty state after
  // the last postmortem was deleted.
  const undoDelete = <UndoDeleteAlert onRestored={() => load()} />;

  if (error && items.length === 0) {
    return (
      <Box>
        {undoDelete}
        <ResponseErrorPanel error={error} />
      </Box>
    );
  }

  const newButton = (label: string) => (
    <Button
      component={RouterLink}
      to="new"
      variant="contained"
      color="primary"
      startIcon={<AddIcon />}
    >
      {label}
    </Button>
  );

  // On the standalone list only: it is where a whole history arrives.
  const importButton = byEntity && (
    <Button
      color="primary"
      variant="outlined"
      startIcon={<PublishIcon />}
      onClick={() => setImporting(true)}
    >
      {t('markdown.import')}
    </Button>
  );
  const importDialog = byEntity && (
    <ImportPostmortemsDialog
      open={importing}
      onClose={() => setImporting(false)}
      onImported={() => load()}
    />
  );

  if (!loading && !filtered && items.length === 0) {
    return (
      <Box>
        {undoDelete}
        <EmptyState
          missing="content"
          title={t('list.emptyTitle')}
          description={t('list.emptyDescription')}
          action={
            <Box display="flex" style={{ gap: 8 }}>
              {newButton(t('list.emptyAction'))}
              {importButton}
            </Box>
          }
        />
        {importDialog}
      </Box>
    );
  }

  const columns: TableColumn<Postmortem>[] = [
    {
      title: t('list.columnDate'),
      field: 'startedAt',
      ...NARROW,
      // The day is enough to tell incidents apart; the page has the times.
      render: p => formatDate(p.startedAt, language),
    },
    {
      title: t('list.columnTitle'),
      field: 'title',
      cellStyle: { minWidth: 240 },
      render: p => <Link to={encodeURIComponent(p.id)}>{p.title}</Link>,
    },
    ...(byEntity
      ? [
          {
            title: t('listFilter.columnService'),
            field: 'entityRefs',
            width: '20%',
            cellStyle: { minWidth: 120 },
            render: (p: Postmortem) => (
              <EntityRefLinks
                entityRefs={p.entityRefs}
                defaultKind="component"
              />
            ),
          },
        ]
      : []),
    {
      title: t('list.columnSeverity'),
      field: 'severity',
      ...NARROW,
      render: p => <SeverityChip severity={p.severity} />,
    },
    {
      title: t('list.columnDuration'),
      field: 'resolvedAt',
      ...NARROW,
      render: p => {
        const ms = durationBetween(p.startedAt, p.resolvedAt);
        return ms === undefined
          ? t('duration.unknown')
          : formatDuration(ms, language);
      },
    },
    {
      title: t('list.columnDetection'),
      field: 'detection',
      ...NARROW,
      render: p => t(`detection.${p.detection}`),
    },
    {
      title: t('list.columnStatus'),
      field: 'status',
      ...NARROW,
      render: p => t(`postmortemStatus.${p.status}`),
    },
    {
      title: t('list.columnActionItems'),
      field: 'actionItemCounts',
      ...NARROW,
      render: p => (
        <Box>
          <Typography variant="body2">
            {t('list.openCount', {
              n: String(p.actionItemCounts.open),
            })}
          </Typography>
          {p.actionItemCounts.overdue > 0 && (
            <Typography
              variant="body2"
              style={{ color: theme.palette.error.dark, fontWeight: 600 }}
            >
              {t('list.overdueCount', {
                n: String(p.actionItemCounts.overdue),
              })}
            </Typography>
          )}
        </Box>
      ),
    },
  ];

  return (
    <Box>
      {undoDelete}
      <PostmortemFilters
        filters={filters}
        byEntity={byEntity}
        actions={
          <Box display="flex" style={{ gap: 8 }}>
            {byEntity && (
              <>
                <ExportMarkdownButton
                  label={t('markdown.exportList')}
                  load={() =>
                    api.exportPostmortemsArchive(
                      {
                        ...selects,
                        entityRef: entityRefs,
                        q: q || undefined,
                        from,
                      },
                      { language },
                    )
                  }
                />
                {importButton}
              </>
            )}
            {newButton(t('list.newPostmortem'))}
          </Box>
        }
      />
      {importDialog}
      {filters.resolveError && (
        <ResponseErrorPanel error={filters.resolveError} />
      )}
      {error && <ResponseErrorPanel error={error} />}
      {(loading || filters.resolving) && items.length === 0 && <Progress />}
      <Table<Postmortem>
        title={t('list.title')}
        columns={columns}
        data={items}
        emptyContent={
          <Box p={3} display="flex" alignItems="center" style={{ gap: 12 }}>
            <Typography color="textSecondary">{t('list.noMatches')}</Typography>
            {filters.active && (
              <Button
                color="primary"
                variant="outlined"
                onClick={filters.clear}
              >
                {t('listFilter.clear')}
              </Button>
            )}
          </Box>
        }
        options={{ paging: false, search: false, sorting: false }}
      />
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mt={1}
      >
        {/* On the page background, where secondary text falls short of 4.5:1. */}
        <Typography variant="body2" color="textPrimary">
          {page &&
            t('list.totalCount', {
              shown: String(items.length),
              total: formatTotal(page),
            })}
        </Typography>
        {loading && items.length > 0 && <Progress />}
        {page?.nextCursor && !loading && (
          <Button onClick={() => load(page.nextCursor)}>
            {t('common.loadMore')}
          </Button>
        )}
      </Box>
    </Box>
  );
};
