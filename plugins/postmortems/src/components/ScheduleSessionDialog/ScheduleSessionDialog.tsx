import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ReadingSession } from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/datetime';
import { postmortemsTranslationRef } from '../../translation';
import { DateTimeField } from '../DateTimeField';
import { EntityRefPicker } from '../EntityRefPicker';
import { SaveButton } from '../SaveButton';

const FIELDS = [
  'ownerGroup',
  'scheduledAt',
  'durationMinutes',
  'facilitator',
] as const;
type Field = (typeof FIELDS)[number];

const DEFAULT_DURATION = 30;

/**
 * A week from now at 17:00 local time: far enough ahead to prepare the
 * pick, and a time of day teams commonly keep free for such sessions.
 */
function defaultScheduledAt(now: Date = new Date()): string {
  const at = new Date(now);
  at.setDate(at.getDate() + 7);
  at.setHours(17, 0, 0, 0);
  return toDateTimeLocal(at.toISOString());
}

/**
 * Schedules a reading session: when, how long, who facilitates. The group
 * is fixed when the dialog is opened for one (the homepage card), chosen
 * otherwise.
 */
export const ScheduleSessionDialog = (props: {
  ownerGroup?: string;
  onClose: () => void;
  onScheduled: (session: ReadingSession) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const [ownerGroup, setOwnerGroup] = useState(props.ownerGroup);
  const [scheduledAt, setScheduledAt] = useState(defaultScheduledAt);
  const [duration, setDuration] = useState(String(DEFAULT_DURATION));
  const [facilitator, setFacilitator] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A new session has no version to be stale: a 409 is just a message.
  const { fieldErrors, setFieldErrors, formError, clear, fail } = useSaveErrors(
    { fields: FIELDS, conflicts: false },
  );

  const save = async () => {
    clear();
    const errors: Partial<Record<Field, string>> = {};
    const at = fromDateTimeLocal(scheduledAt);
    const minutes = Number(duration);
    if (!ownerGroup) errors.ownerGroup = t('form.required');
    if (!at) errors.scheduledAt = t('form.required');
    if (!Number.isInteger(minutes) || minutes <= 0) {
      errors.durationMinutes = t('form.invalid');
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !ownerGroup || !at) return;
    setBusy(true);
    try {
      const session = await api.createReadingSession({
        ownerGroup,
        scheduledAt: at,
        durationMinutes: minutes,
        facilitator: facilitator ?? null,
      });
      props.onScheduled(session);
    } catch (e) {
      fail(e);
      // Only on failure: after a success the dialog is closing.
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('readingSession.scheduleTitle')}</DialogTitle>
      <DialogContent>
        {formError && <Alert severity="error">{formError}</Alert>}
        {!props.ownerGroup && (
          <EntityRefPicker
            id="reading-session-group"
            kinds={['Group']}
            label={t('readingSession.fieldGroup')}
            value={ownerGroup}
            onChange={setOwnerGroup}
            error={Boolean(fieldErrors.ownerGroup)}
            helperText={fieldErrors.ownerGroup}
            required
          />
        )}
        <DateTimeField
          id="reading-session-scheduled-at"
          label={t('readingSession.fieldScheduledAt')}
          value={scheduledAt}
          onChange={setScheduledAt}
          error={fieldErrors.scheduledAt}
          required
        />
        <TextField
          id="reading-session-duration"
          label={t('readingSession.fieldDuration')}
          type="number"
          value={duration}
          onChange={e => setDuration(e.target.value)}
          error={Boolean(fieldErrors.durationMinutes)}
          helperText={fieldErrors.durationMinutes}
          inputProps={{ min: 1, step: 5 }}
          fullWidth
          variant="outlined"
          margin="dense"
        />
        <EntityRefPicker
          id="reading-session-facilitator"
          kinds={['User']}
          label={t('readingSession.fieldFacilitator')}
          value={facilitator}
          onChange={setFacilitator}
          error={Boolean(fieldErrors.facilitator)}
          helperText={fieldErrors.facilitator}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <SaveButton
          saving={busy}
          label={t('readingSession.schedule')}
          onClick={save}
        />
      </DialogActions>
    </Dialog>
  );
};
