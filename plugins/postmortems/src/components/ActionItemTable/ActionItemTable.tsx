import { Link, Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import LaunchIcon from '@material-ui/icons/Launch';
import {
  ActionItem,
  ActionItemStatus,
} from '@postmortems/backstage-plugin-postmortems-common';
import { ReactNode } from 'react';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemStatusSelect } from '../ActionItemStatusSelect';
import { OverdueChip } from '../OverdueChip';

/** The id of an action item's title in the page, the target of deep links. */
export const actionItemAnchorId = (actionItemId: string) =>
  `action-item-${actionItemId}`;

/**
 * Action items as a table: status changeable in place, overdue ones
 * highlighted. Ordering is the caller's.
 */
export const ActionItemTable = (props: {
  items: ActionItem[];
  title?: string;
  /**
   * The item a link pointed to (`?actionItem=<id>`): outlined, its title
   * marked `aria-current` and focusable, so the page can move focus there.
   */
  highlightedId?: string;
  /** Show the postmortem each item came from (lists across postmortems). */
  postmortemLink?: (postmortemId: string) => string | undefined;
  showPostmortem?: boolean;
  onStatusChange: (item: ActionItem, status: ActionItemStatus) => Promise<void>;
  onEdit?: (item: ActionItem) => void;
  onDelete?: (item: ActionItem) => void;
  emptyContent?: ReactNode;
  actions?: ReactNode;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const theme = useTheme();
  const { onEdit, onDelete, postmortemLink } = props;

  const columns: TableColumn<ActionItem>[] = [
    {
      title: t('actionItems.columnTitle'),
      field: 'title',
      // The title is what people read; give it the room.
      cellStyle: { minWidth: 240 },
      render: item => (
        <Box display="flex" alignItems="center">
          <Typography
            variant="body2"
            id={actionItemAnchorId(item.id)}
            {...(item.id === props.highlightedId
              ? { 'aria-current': 'location' as const, tabIndex: -1 }
              : {})}
          >
            {item.title}
          </Typography>
          {item.externalUrl && (
            <Tooltip title={t('actionItems.externalLink')}>
              <IconButton
                size="small"
                href={item.externalUrl}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t('actionItems.externalLink')}
              >
                <LaunchIcon fontSize="inherit" />
              </IconButton>
            </Tooltip>
          )}
        </Box>
      ),
    },
    ...(props.showPostmortem
      ? [
          {
            title: t('actionItems.columnPostmortem'),
            field: 'postmortemTitle',
            render: (item: ActionItem) => {
              const href = postmortemLink?.(item.postmortemId);
              return href ? (
                <Link to={href}>{item.postmortemTitle}</Link>
              ) : (
                item.postmortemTitle
              );
            },
          } as TableColumn<ActionItem>,
        ]
      : []),
    {
      title: t('actionItems.columnOwner'),
      field: 'owner',
      render: item =>
        item.owner ? (
          <EntityRefLink entityRef={item.owner} defaultKind="group" />
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('actionItems.columnDueDate'),
      field: 'dueDate',
      render: item => (
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 4 }}
        >
          {/* A date never breaks inside itself; the chip wraps below. */}
          <span style={{ whiteSpace: 'nowrap' }}>
            {item.dueDate
              ? formatDate(item.dueDate, language)
              : t('actionItems.noDueDate')}
          </span>
          {item.overdue && <OverdueChip dueDate={item.dueDate} />}
        </Box>
      ),
    },
    {
      title: t('actionItems.columnStatus'),
      field: 'status',
      render: item => (
        <ActionItemStatusSelect
          status={item.status}
          itemTitle={item.title}
          onChange={status => props.onStatusChange(item, status)}
        />
      ),
    },
    {
      title: t('actionItems.columnPriority'),
      field: 'priority',
      render: item => t(`priority.${item.priority}`),
    },
    {
      title: t('actionItems.columnKind'),
      field: 'kind',
      render: item => t(`kind.${item.kind}`),
    },
  ];
  if (onEdit || onDelete) {
    columns.push({
      title: '',
      field: 'id',
      render: item => (
        <Box display="flex">
          {onEdit && (
            <IconButton
              size="small"
              aria-label={`${t('common.edit')}: ${item.title}`}
              onClick={() => onEdit(item)}
            >
              <EditIcon fontSize="small" />
            </IconButton>
          )}
          {onDelete && (
            <IconButton
              size="small"
              aria-label={`${t('common.delete')}: ${item.title}`}
              onClick={() => onDelete(item)}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Box>
      ),
    });
  }

  return (
    <Box>
      {props.actions && (
        <Box display="flex" justifyContent="flex-end" mb={1}>
          {props.actions}
        </Box>
      )}
      <Table<ActionItem>
        title={props.title}
        columns={columns}
        data={props.items}
        emptyContent={props.emptyContent}
        options={{
          paging: false,
          search: false,
          sorting: false,
          // Column headers as drag handles are unnamed ARIA buttons (axe
          // aria-command-name); the order of the columns is ours to keep.
          draggable: false,
          padding: 'dense',
          toolbar: Boolean(props.title),
          rowStyle: (item: ActionItem) => ({
            ...(item.overdue
              ? {
                  backgroundColor:
                    theme.palette.type === 'dark'
                      ? 'rgba(244, 67, 54, 0.16)'
                      : 'rgba(244, 67, 54, 0.08)',
                }
              : {}),
            ...(item.id === props.highlightedId
              ? {
                  outlineWidth: 2,
                  outlineStyle: 'solid' as const,
                  outlineColor: theme.palette.primary.main,
                  outlineOffset: -2,
                }
              : {}),
          }),
        }}
      />
    </Box>
  );
};
