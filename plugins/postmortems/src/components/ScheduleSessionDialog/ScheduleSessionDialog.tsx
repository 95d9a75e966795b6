import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ReadingSession } from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { postmortemsApiRef } from '../../api';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/datetime';
import { postmortemsTranslationRef } from '../../translation';
import { DateTimeField } from '../DateTimeField';
import { EntityRefPicker } from '../EntityRefPicker';
import { PostmortemPicker } from '../PostmortemPicker';
import { SaveButton } from '../SaveButton';
import { isDuplicateMonth, useDuplicateMonthText } from './duplicateMonth';
import { nextSessionDate } from './nextSessionDate';

const FIELDS = [
  'ownerGroup',
  'scheduledAt',
  'durationMinutes',
  'facilitator',
  'postmortemId',
] as const;
type Field = (typeof FIELDS)[number];

const DEFAULT_DURATION = 30;
// Enough to choose from in a dialog; the picker lists the rest below.
const SUGGESTION_COUNT = 5;

const local = (at: Date) => toDateTimeLocal(at.toISOString());

/**
 * Schedules a reading session: when, how long, who facilitates and,
 * decided in advance, what to read. The group is fixed when the dialog is
 * opened for one (the homepage card), chosen otherwise. The time proposed
 * is the group's usual slot in the month after its latest session, and a
 * month that already has one is refused (409) at the date field.
 */
export const ScheduleSessionDialog = (props: {
  ownerGroup?: string;
  /** The time zone that decides a session's month; the browser's if absent. */
  timezone?: string;
  onClose: () => void;
  onScheduled: (session: ReadingSession) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const duplicateMonthText = useDuplicateMonthText();
  const [ownerGroup, setOwnerGroup] = useState(props.ownerGroup);
  const [scheduledAt, setScheduledAtValue] = useState(() =>
    local(nextSessionDate(undefined)),
  );
  const [dateTouched, setDateTouched] = useState(false);
  const [duration, setDuration] = useState(String(DEFAULT_DURATION));
  const [facilitator, setFacilitator] = useState<string>();
  const [postmortemId, setPostmortemId] = useState<string>();
  const [busy, setBusy] = useState(false);

  const setScheduledAt = (value: string) => {
    setDateTouched(true);
    setScheduledAtValue(value);
  };

  // The group's latest session that takes place (newest first) sets the
  // proposed time; suggestions are the group's.
  const { value: planning } = useAsync(async () => {
    if (!ownerGroup) return undefined;
    const [sessions, suggestions] = await Promise.all([
      api.listReadingSessions({ ownerGroup, limit: 20 }),
      api
        .getReadingSessionSuggestions(ownerGroup, { limit: SUGGESTION_COUNT })
        .catch(() => []),
    ]);
    const latest = sessions.items.find(s => s.status !== 'cancelled');
    return { latest, suggestions };
  }, [api, ownerGroup]);
  useEffect(() => {
    if (planning && !dateTouched) {
      setScheduledAtValue(local(nextSessionDate(planning.latest?.scheduledAt)));
    }
  }, [planning, dateTouched]);
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
        ...(postmortemId ? { postmortemId } : {}),
      });
      props.onScheduled(session);
    } catch (e) {
      if (isDuplicateMonth(e)) {
        setFieldErrors({ scheduledAt: duplicateMonthText(at, props.timezone) });
      } else {
        fail(e);
      }
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
        <PostmortemPicker
          id="reading-session-pick"
          label={t('sessionPlanning.fieldPick')}
          value={postmortemId}
          suggestions={planning?.suggestions}
          error={fieldErrors.postmortemId}
          onChange={setPostmortemId}
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
