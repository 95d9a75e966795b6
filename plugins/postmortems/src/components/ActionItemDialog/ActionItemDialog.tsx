import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  ACTION_ITEM_KINDS,
  ACTION_ITEM_STATUSES,
  ActionItem,
  CreateActionItemRequest,
  PRIORITIES,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { postmortemsTranslationRef } from '../../translation';
import { ConflictAlert } from '../ConflictAlert';
import { EntityRefPicker } from '../EntityRefPicker';
import { SaveButton } from '../SaveButton';
import { SelectField } from '../SelectField';

const FIELDS = [
  'title',
  'description',
  'owner',
  'dueDate',
  'status',
  'priority',
  'kind',
  'externalUrl',
] as const;

type Draft = Required<
  Pick<CreateActionItemRequest, 'title' | 'status' | 'priority' | 'kind'>
> & {
  description: string;
  owner?: string;
  dueDate: string;
  externalUrl: string;
};

function draftOf(item?: ActionItem): Draft {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    owner: item?.owner,
    dueDate: item?.dueDate ?? '',
    status: item?.status ?? 'open',
    priority: item?.priority ?? 'medium',
    kind: item?.kind ?? 'prevent',
    externalUrl: item?.externalUrl ?? '',
  };
}

/**
 * Adds an action item to a postmortem, or edits one. The edit is sent with
 * the version it started from, so a concurrent change is reported (409)
 * rather than overwritten.
 */
export const ActionItemDialog = (props: {
  postmortemId: string;
  /** The item to edit; absent to add a new one. */
  item?: ActionItem;
  /** The reading session a new item is raised in, if any. */
  readingSessionId?: string;
  onClose: () => void;
  onSaved: (item: ActionItem) => void;
  /** After a conflict: reload the list, with the other person's change. */
  onReload: () => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.item));
  const [busy, setBusy] = useState(false);
  const { conflict, formError, fieldErrors, setFieldErrors, clear, fail } =
    useSaveErrors({ fields: FIELDS });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft(previous => ({ ...previous, [key]: value }));

  const save = async () => {
    clear();
    if (!draft.title.trim()) {
      setFieldErrors({ title: t('form.required') });
      return;
    }
    // Empty optional fields are sent as null so that clearing one in an
    // edit actually clears it on the server.
    const body: CreateActionItemRequest = {
      title: draft.title.trim(),
      description: draft.description || null,
      owner: draft.owner || null,
      dueDate: draft.dueDate || null,
      status: draft.status,
      priority: draft.priority,
      kind: draft.kind,
      externalUrl: draft.externalUrl.trim() || null,
    };
    // Only a new item is tied to the session it was raised in; an edit
    // keeps whatever origin the item already has.
    if (!props.item && props.readingSessionId) {
      body.readingSessionId = props.readingSessionId;
    }
    setBusy(true);
    try {
      const saved = props.item
        ? await api.updateActionItem(props.item.id, {
            ...body,
            version: props.item.version,
          })
        : await api.createActionItem(props.postmortemId, body);
      props.onSaved(saved);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const text = (
    field: 'title' | 'description' | 'dueDate' | 'externalUrl',
    label: string,
    extra: object = {},
  ) => (
    <TextField
      id={`action-item-${field}`}
      label={label}
      value={draft[field]}
      onChange={e => set(field, e.target.value)}
      error={Boolean(fieldErrors[field])}
      helperText={fieldErrors[field]}
      fullWidth
      variant="outlined"
      margin="dense"
      {...extra}
    />
  );

  const select = (
    field: 'status' | 'priority' | 'kind',
    label: string,
    values: readonly string[],
    labelOf: (value: string) => string,
  ) => (
    <SelectField
      id={`action-item-${field}`}
      label={label}
      value={draft[field]}
      options={values.map(value => ({ value, label: labelOf(value) }))}
      onChange={value => set(field, value as any)}
      error={fieldErrors[field]}
    />
  );

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {props.item ? t('actionItems.editTitle') : t('actionItems.addTitle')}
      </DialogTitle>
      <DialogContent>
        {conflict && <ConflictAlert onReload={props.onReload} />}
        {formError && <Alert severity="error">{formError}</Alert>}
        <Grid container spacing={2}>
          <Grid item xs={12}>
            {text('title', t('actionItems.fieldTitle'), { required: true })}
          </Grid>
          <Grid item xs={12} md={6}>
            <EntityRefPicker
              id="action-item-owner"
              kinds={['Group', 'User']}
              label={t('actionItems.fieldOwner')}
              value={draft.owner}
              onChange={value => set('owner', value)}
              error={Boolean(fieldErrors.owner)}
              helperText={fieldErrors.owner}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            {text('dueDate', t('actionItems.fieldDueDate'), {
              type: 'date',
              InputLabelProps: { shrink: true },
            })}
          </Grid>
          <Grid item xs={12} md={4}>
            {select(
              'status',
              t('actionItems.fieldStatus'),
              ACTION_ITEM_STATUSES,
              v => t(`actionItemStatus.${v as ActionItem['status']}`),
            )}
          </Grid>
          <Grid item xs={12} md={4}>
            {select('priority', t('actionItems.fieldPriority'), PRIORITIES, v =>
              t(`priority.${v as ActionItem['priority']}`),
            )}
          </Grid>
          <Grid item xs={12} md={4}>
            {select('kind', t('actionItems.fieldKind'), ACTION_ITEM_KINDS, v =>
              t(`kind.${v as ActionItem['kind']}`),
            )}
          </Grid>
          <Grid item xs={12}>
            {text('externalUrl', t('actionItems.fieldExternalUrl'), {
              type: 'url',
            })}
          </Grid>
          <Grid item xs={12}>
            {text('description', t('actionItems.fieldDescription'), {
              multiline: true,
              minRows: 3,
            })}
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <SaveButton saving={busy} disabled={conflict} onClick={save} />
      </DialogActions>
    </Dialog>
  );
};
