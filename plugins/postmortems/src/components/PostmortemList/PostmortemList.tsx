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
import FormControl from '@material-ui/core/FormControl';
import InputAdornment from '@material-ui/core/InputAdornment';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import SearchIcon from '@material-ui/icons/Search';
import {
  DETECTIONS,
  ListPostmortemsQuery,
  POSTMORTEM_STATUSES,
  Postmortem,
  SEVERITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { usePagedList } from '../../hooks/usePagedList';
import {
  durationBetween,
  formatDateTime,
  formatDuration,
} from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { SeverityChip } from '../SeverityChip';
import { UndoDeleteAlert } from './UndoDeleteAlert';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 400;

type Filters = Pick<ListPostmortemsQuery, 'status' | 'severity' | 'detection'>;

/**
 * The incident history: postmortems newest first, with filters, text
 * search and cursor paging. Rows link to `<id>` and the "New" button to
 * `new`, relative to where the list is mounted.
 */
export const PostmortemList = (props: {
  /** Only postmortems about this entity. */
  entityRef?: string;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const theme = useTheme();

  const [filters, setFilters] = useState<Filters>({});
  const [searchText, setSearchText] = useState('');
  const [composing, setComposing] = useState(false);
  const [q, setQ] = useState('');

  // Japanese input goes through an IME: wait until the writer has committed
  // the characters (compositionend) before searching, and then a moment
  // more so each keystroke does not become a request.
  useEffect(() => {
    if (composing) return undefined;
    const timer = setTimeout(() => setQ(searchText.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, composing]);

  const fetchPage = useCallback(
    (cursor?: string) =>
      api.listPostmortems({
        ...filters,
        entityRef: props.entityRef ? [props.entityRef] : undefined,
        q: q || undefined,
        limit: PAGE_SIZE,
        cursor,
      }),
    [api, filters, q, props.entityRef],
  );
  const { items, page, loading, error, load } = usePagedList(fetchPage);

  const filtered = Boolean(
    q || filters.status || filters.severity || filters.detection,
  );

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

  if (!loading && !filtered && items.length === 0) {
    return (
      <Box>
        {undoDelete}
        <EmptyState
          missing="content"
          title={t('list.emptyTitle')}
          description={t('list.emptyDescription')}
          action={newButton(t('list.emptyAction'))}
        />
      </Box>
    );
  }

  const filterSelect = <K extends keyof Filters>(
    key: K,
    label: string,
    values: readonly NonNullable<Filters[K]>[],
    labelOf: (value: NonNullable<Filters[K]>) => string,
  ) => (
    <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
      <InputLabel id={`postmortems-filter-${key}`}>{label}</InputLabel>
      <Select
        labelId={`postmortems-filter-${key}`}
        label={label}
        value={filters[key] ?? ''}
        onChange={e =>
          setFilters(previous => ({
            ...previous,
            [key]: (e.target.value as string) || undefined,
          }))
        }
      >
        <MenuItem value="">{t('common.all')}</MenuItem>
        {values.map(value => (
          <MenuItem key={value} value={value}>
            {labelOf(value)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );

  const columns: TableColumn<Postmortem>[] = [
    {
      title: t('list.columnDate'),
      field: 'startedAt',
      render: p => formatDateTime(p.startedAt, language),
    },
    {
      title: t('list.columnTitle'),
      field: 'title',
      render: p => <Link to={encodeURIComponent(p.id)}>{p.title}</Link>,
    },
    {
      title: t('list.columnSeverity'),
      field: 'severity',
      render: p => <SeverityChip severity={p.severity} />,
    },
    {
      title: t('list.columnDuration'),
      field: 'resolvedAt',
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
      render: p => t(`detection.${p.detection}`),
    },
    {
      title: t('list.columnStatus'),
      field: 'status',
      render: p => t(`postmortemStatus.${p.status}`),
    },
    {
      title: t('list.columnActionItems'),
      field: 'actionItemCounts',
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
              style={{ color: theme.palette.error.main, fontWeight: 600 }}
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
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        mb={2}
        style={{ gap: 12 }}
      >
        <TextField
          id="postmortems-search"
          variant="outlined"
          size="small"
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={searchText}
          onChange={e => setSearchText(e.target.value)}
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={() => setComposing(false)}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
        {filterSelect(
          'status',
          t('list.filterStatus'),
          POSTMORTEM_STATUSES,
          v => t(`postmortemStatus.${v}`),
        )}
        {filterSelect('severity', t('list.filterSeverity'), SEVERITIES, v =>
          t(`severity.${v}`),
        )}
        {filterSelect('detection', t('list.filterDetection'), DETECTIONS, v =>
          t(`detection.${v}`),
        )}
        <Box flexGrow={1} />
        {newButton(t('list.newPostmortem'))}
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      {loading && items.length === 0 && <Progress />}
      <Table<Postmortem>
        title={t('list.title')}
        columns={columns}
        data={items}
        emptyContent={
          <Box p={3}>
            <Typography color="textSecondary">{t('list.noMatches')}</Typography>
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
        <Typography variant="body2" color="textSecondary">
          {page &&
            t('list.totalCount', {
              shown: String(items.length),
              total: String(page.totalCount),
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
