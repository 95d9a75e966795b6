import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { ActionItem } from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useActionItemStatusChange } from '../../hooks/useActionItemStatusChange';
import { sortActionItems } from '../../lib/actionItems';
import { errorMessage } from '../../lib/errors';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemDialog } from '../ActionItemDialog';
import { ActionItemTable, actionItemAnchorId } from '../ActionItemTable';
import { ConfirmDialog } from '../ConfirmDialog';
import { ConflictAlert } from '../ConflictAlert';

/**
 * The action items of one postmortem: add, edit, change status, delete. A
 * link with `?actionItem=<id>` (as in notifications) scrolls that item into
 * view, highlights it and moves focus to it.
 */
export const PostmortemActionItems = (props: {
  postmortemId: string;
  /** Called after any change, so counts elsewhere on the page refresh. */
  onChange?: () => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const [editing, setEditing] = useState<ActionItem | 'new'>();
  const [deleting, setDeleting] = useState<ActionItem>();

  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listPostmortemActionItems(props.postmortemId),
    [api, props.postmortemId],
  );
  // The same array until the items change: the table starts over (and
  // closes an open status menu) whenever it is given a new one.
  const sorted = useMemo(() => sortActionItems(value?.items ?? []), [value]);

  const [searchParams] = useSearchParams();
  const highlightedId = searchParams.get('actionItem') ?? undefined;
  // Once per link: not again when the items reload after a change.
  const scrolledTo = useRef<string>();
  useEffect(() => {
    if (!highlightedId || !value || scrolledTo.current === highlightedId) {
      return undefined;
    }
    // The table draws its rows a moment after it is given them.
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const scroll = () => {
      const target = document.getElementById(actionItemAnchorId(highlightedId));
      if (target) {
        scrolledTo.current = highlightedId;
        target.scrollIntoView?.({ block: 'center' });
        target.focus({ preventScroll: true });
      } else if (tries++ < 20) {
        timer = setTimeout(scroll, 50);
      }
    };
    scroll();
    return () => clearTimeout(timer);
  }, [highlightedId, value]);

  const changed = () => {
    retry();
    props.onChange?.();
  };
  const { changeStatus, conflict, clearConflict } =
    useActionItemStatusChange(changed);
  const reload = () => {
    clearConflict();
    setEditing(undefined);
    retry();
  };

  const onDelete = async () => {
    if (!deleting) return;
    try {
      await api.deleteActionItem(deleting.id);
      setDeleting(undefined);
      changed();
    } catch (e) {
      setDeleting(undefined);
      alertApi.post({ message: errorMessage(e), severity: 'error' });
    }
  };

  if (error) return <ResponseErrorPanel error={error} />;
  if (loading && !value) return <Progress />;

  return (
    <Box>
      {conflict && <ConflictAlert onReload={reload} />}
      <ActionItemTable
        title={t('actionItems.title')}
        items={sorted}
        highlightedId={highlightedId}
        onStatusChange={changeStatus}
        onEdit={item => setEditing(item)}
        onDelete={item => setDeleting(item)}
        actions={
          <Button
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
          >
            {t('actionItems.add')}
          </Button>
        }
        emptyContent={
          <Box p={2}>
            <Typography color="textSecondary">
              {t('actionItems.empty')}
            </Typography>
          </Box>
        }
      />
      {editing && (
        <ActionItemDialog
          postmortemId={props.postmortemId}
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onReload={reload}
          onSaved={() => {
            setEditing(undefined);
            changed();
          }}
        />
      )}
      <ConfirmDialog
        open={Boolean(deleting)}
        title={t('actionItems.deleteTitle')}
        body={t('actionItems.deleteBody', { title: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={onDelete}
        onClose={() => setDeleting(undefined)}
      />
    </Box>
  );
};
