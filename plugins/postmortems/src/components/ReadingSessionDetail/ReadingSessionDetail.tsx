import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import {
  READING_SESSION_STATUSES,
  ReadingSession,
  ReadingSessionStatus,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/datetime';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemDialog } from '../ActionItemDialog';
import { AddToCalendarButton } from '../AddToCalendarButton';
import { ConflictAlert } from '../ConflictAlert';
import { DateTimeField } from '../DateTimeField';
import { DetailHeader } from '../DetailHeader';
import { EntityRefPicker } from '../EntityRefPicker';
import { MarkdownField } from '../MarkdownField';
import { PickSummary } from '../PickSummary';
import { PostmortemPicker } from '../PostmortemPicker';
import { sessionDayHasCome } from '../ReadingSessionCard/sessionDay';
import { SaveButton } from '../SaveButton';
import {
  isDuplicateMonth,
  useDuplicateMonthText,
} from '../ScheduleSessionDialog';
import { SelectField } from '../SelectField';
import {
  ReadingSessionStatusChip,
  useReadingSessionStatusLabel,
} from '../ReadingSessionStatusChip';

type Draft = {
  scheduledAt: string;
  durationMinutes: string;
  facilitator?: string;
  status: ReadingSessionStatus;
  postmortemId?: string;
  participants: string[];
  notes: string;
};

function draftOf(session: ReadingSession): Draft {
  return {
    scheduledAt: toDateTimeLocal(session.scheduledAt),
    durationMinutes: String(session.durationMinutes),
    facilitator: session.facilitator,
    status: session.status,
    postmortemId: session.postmortemId,
    participants: session.participants,
    notes: session.notes ?? '',
  };
}

/** The typed-in fields whose 400s are shown where they were typed. */
const FIELDS = ['scheduledAt', 'durationMinutes'] as const;

// As in the schedule dialog: enough to choose from, the rest listed below.
const SUGGESTION_COUNT = 5;

/**
 * One reading session, editable: when, who, what was read, who came,
 * what was said, whether it was held; and the action items raised in it.
 * Reads `sessionId` from the route. Saves carry the version they started
 * from, so a concurrent edit is reported (409) rather than overwritten.
 */
export const ReadingSessionDetail = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const language = useLanguage();
  const statusLabel = useReadingSessionStatusLabel();
  const { sessionId = '' } = useParams();
  const [draft, setDraft] = useState<Draft>();
  const [busy, setBusy] = useState(false);
  // A 400 about one of the typed-in fields is shown at that field, as in
  // the schedule dialog; anything else above the form.
  const { conflict, formError, fieldErrors, setFieldErrors, clear, fail } =
    useSaveErrors({ fields: FIELDS });
  const duplicateMonthText = useDuplicateMonthText();
  const [raising, setRaising] = useState(false);

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const session = await api.getReadingSession(sessionId);
    // A session still ahead is being prepared: its pick is offered from the
    // group's suggestions.
    const ahead =
      session.status === 'planned' &&
      Date.parse(session.scheduledAt) > Date.now();
    const [pick, actionItems, suggestions, timezone] = await Promise.all([
      session.postmortemId
        ? api.getPostmortem(session.postmortemId).catch(() => undefined)
        : undefined,
      api.listReadingSessionActionItems(session.id),
      ahead
        ? api
            .getReadingSessionSuggestions(session.ownerGroup, {
              limit: SUGGESTION_COUNT,
            })
            .catch(() => [])
        : undefined,
      // The zone that decides the session's day, which the group's current
      // session answers with.
      ahead
        ? api
            .getCurrentReadingSession(session.ownerGroup)
            .then(current => current.timezone)
            .catch(() => undefined)
        : undefined,
    ]);
    return {
      session,
      pick,
      actionItems: actionItems.items,
      suggestions,
      // Held only from its day on, as on the card.
      canBeHeld:
        session.status === 'held' ||
        sessionDayHasCome(session.scheduledAt, timezone),
    };
  }, [api, sessionId]);

  // A fresh load (first, after a save, after a conflict's reload) resets
  // the form to what the server has.
  useEffect(() => {
    if (value) setDraft(draftOf(value.session));
  }, [value]);

  if (loading && !value) return <Progress />;
  if (error) {
    if (ResponseError.is(error) && error.statusCode === 404) {
      return (
        <WarningPanel severity="info" title={t('readingSession.notFound')} />
      );
    }
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || !draft) return null;
  const { session, pick, actionItems, suggestions, canBeHeld } = value;
  // The session names a pick the API no longer has: it was deleted.
  const pickDeleted = Boolean(session.postmortemId && !pick);

  const set = <K extends keyof Draft>(key: K, v: Draft[K]) =>
    setDraft(previous => previous && { ...previous, [key]: v });

  const reload = () => {
    clear();
    retry();
  };

  const save = async () => {
    clear();
    setBusy(true);
    try {
      await api.updateReadingSession(session.id, {
        scheduledAt: fromDateTimeLocal(draft.scheduledAt),
        durationMinutes: Number(draft.durationMinutes),
        facilitator: draft.facilitator ?? null,
        status: draft.status,
        postmortemId: draft.postmortemId ?? null,
        participants: draft.participants,
        notes: draft.notes.trim() ? draft.notes : null,
        version: session.version,
      });
      alertApi.post({
        message: t('readingSession.saved'),
        severity: 'success',
        display: 'transient',
      });
      retry();
    } catch (e) {
      const at = fromDateTimeLocal(draft.scheduledAt);
      if (isDuplicateMonth(e) && at) {
        // Moved into a month that has a session: said at the date, not
        // as a stale version.
        setFieldErrors({ scheduledAt: duplicateMonthText(at) });
      } else {
        fail(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <DetailHeader
        title={formatDateTime(session.scheduledAt, language)}
        subtitle={
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <EntityRefLink entityRef={session.ownerGroup} defaultKind="group" />
            <ReadingSessionStatusChip status={session.status} />
          </Box>
        }
        actions={
          <AddToCalendarButton
            load={() => api.getReadingSessionCalendar(session.id, { language })}
            filename={`reading-session-${session.scheduledAt.slice(0, 10)}.ics`}
          />
        }
      />
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <InfoCard title={t('readingSession.editTitle')}>
            {conflict && <ConflictAlert onReload={reload} />}
            {formError && <Alert severity="error">{formError}</Alert>}
            <Grid container spacing={2}>
              <Grid item xs={12} sm={6}>
                <DateTimeField
                  id="reading-session-scheduled-at"
                  label={t('readingSession.fieldScheduledAt')}
                  value={draft.scheduledAt}
                  onChange={v => set('scheduledAt', v)}
                  error={fieldErrors.scheduledAt}
                />
              </Grid>
              <Grid item xs={6} sm={3}>
                <TextField
                  id="reading-session-duration"
                  label={t('readingSession.fieldDuration')}
                  type="number"
                  value={draft.durationMinutes}
                  onChange={e => set('durationMinutes', e.target.value)}
                  error={Boolean(fieldErrors.durationMinutes)}
                  helperText={fieldErrors.durationMinutes}
                  fullWidth
                  variant="outlined"
                  margin="dense"
                />
              </Grid>
              <Grid item xs={6} sm={3}>
                <SelectField
                  id="reading-session-status"
                  label={t('readingSession.fieldStatus')}
                  value={draft.status}
                  options={READING_SESSION_STATUSES.filter(
                    status => status !== 'held' || canBeHeld,
                  ).map(status => ({
                    value: status,
                    label: statusLabel(status),
                  }))}
                  onChange={status => set('status', status)}
                />
              </Grid>
              <Grid item xs={12}>
                <PostmortemPicker
                  id="reading-session-pick"
                  label={t('readingSession.fieldPick')}
                  value={draft.postmortemId}
                  current={pick}
                  suggestions={suggestions}
                  onChange={v => set('postmortemId', v)}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <EntityRefPicker
                  id="reading-session-facilitator"
                  kinds={['User']}
                  label={t('readingSession.fieldFacilitator')}
                  value={draft.facilitator}
                  onChange={v => set('facilitator', v)}
                />
              </Grid>
              <Grid item xs={12} sm={6}>
                <EntityRefPicker
                  id="reading-session-participants"
                  multiple
                  kinds={['User']}
                  label={t('readingSession.fieldParticipants')}
                  value={draft.participants}
                  onChange={v => set('participants', v)}
                />
              </Grid>
              <Grid item xs={12}>
                <MarkdownField
                  id="reading-session-notes"
                  label={t('readingSession.fieldNotes')}
                  description={t('readingSession.notesPlaceholder')}
                  value={draft.notes}
                  onChange={v => set('notes', v)}
                />
              </Grid>
            </Grid>
            <Box display="flex" justifyContent="flex-end">
              <SaveButton saving={busy} disabled={conflict} onClick={save} />
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <InfoCard title={t('readingSession.pick')}>
            {pick && <PickSummary postmortem={pick} withSummary />}
            {pickDeleted && (
              <Alert
                severity="warning"
                action={
                  <Button
                    color="inherit"
                    size="small"
                    onClick={() => {
                      set('postmortemId', undefined);
                      document.getElementById('reading-session-pick')?.focus();
                    }}
                  >
                    {t('sessionPlanning.chooseAnother')}
                  </Button>
                }
              >
                {t('sessionPlanning.pickDeleted')}
              </Alert>
            )}
            {!session.postmortemId && (
              <Typography color="textSecondary">
                {t('readingSession.noPick')}
              </Typography>
            )}
          </InfoCard>
          <Box mt={3}>
            <InfoCard
              title={t('readingSession.raisedActionItems')}
              action={
                pick && (
                  <Button
                    color="primary"
                    startIcon={<AddIcon />}
                    onClick={() => setRaising(true)}
                  >
                    {t('readingSession.raiseActionItem')}
                  </Button>
                )
              }
            >
              {actionItems.length > 0 ? (
                <Box component="ul" m={0} pl={2.5}>
                  {actionItems.map(item => (
                    <li key={item.id}>
                      <Typography variant="body2">
                        {item.title}
                        {' · '}
                        {t(`actionItemStatus.${item.status}`)}
                      </Typography>
                    </li>
                  ))}
                </Box>
              ) : (
                <Typography color="textSecondary">
                  {t('readingSession.noRaisedActionItems')}
                </Typography>
              )}
            </InfoCard>
          </Box>
        </Grid>
      </Grid>
      {raising && pick && (
        <ActionItemDialog
          postmortemId={pick.id}
          readingSessionId={session.id}
          onClose={() => setRaising(false)}
          onReload={() => {
            setRaising(false);
            retry();
          }}
          onSaved={() => {
            setRaising(false);
            retry();
          }}
        />
      )}
    </Box>
  );
};
