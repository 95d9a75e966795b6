import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ReadingSession,
  ReadingSessionStatus,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { useSaveErrors } from '../../hooks/useSaveErrors';
import { formatDate } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ConflictAlert } from '../ConflictAlert';
import { EntityRefPicker } from '../EntityRefPicker';
import { MarkdownField } from '../MarkdownField';
import { SaveButton } from '../SaveButton';

/**
 * Records what a reading session discussed and who came, and marks it
 * held. Sent with the version it started from, so that two people taking
 * notes at once do not overwrite each other (409).
 */
export const SessionNotesDialog = (props: {
  session: ReadingSession;
  /**
   * Whether the session's day has come, so that it can be marked held;
   * days before, notes can be kept but the session is not held yet.
   */
  canMarkHeld?: boolean;
  onClose: () => void;
  onSaved: (session: ReadingSession) => void;
  /** After a conflict: load the session again, with the other change. */
  onReload: () => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const language = useLanguage();
  const canMarkHeld = props.canMarkHeld ?? true;
  const [notes, setNotes] = useState(props.session.notes ?? '');
  const [participants, setParticipants] = useState(props.session.participants);
  const [busy, setBusy] = useState(false);
  // The dialog has no field of its own that a 400 could name.
  const { conflict, formError, clear, fail } = useSaveErrors({ fields: [] });

  const save = async (status?: ReadingSessionStatus) => {
    clear();
    setBusy(true);
    try {
      const saved = await api.updateReadingSession(props.session.id, {
        notes: notes.trim() ? notes : null,
        participants,
        ...(status ? { status } : {}),
        version: props.session.version,
      });
      props.onSaved(saved);
    } catch (e) {
      fail(e);
      // Only on failure: after a success the dialog is closing.
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('readingSession.notesTitle')}</DialogTitle>
      <DialogContent>
        {conflict && <ConflictAlert onReload={props.onReload} />}
        {formError && <Alert severity="error">{formError}</Alert>}
        <EntityRefPicker
          id="reading-session-participants"
          multiple
          kinds={['User']}
          label={t('readingSession.fieldParticipants')}
          value={participants}
          onChange={setParticipants}
        />
        <MarkdownField
          id="reading-session-notes"
          label={t('readingSession.fieldNotes')}
          description={t('readingSession.notesPlaceholder')}
          value={notes}
          onChange={setNotes}
        />
      </DialogContent>
      <DialogActions>
        {!canMarkHeld && props.session.status !== 'held' && (
          <Typography
            variant="caption"
            color="textSecondary"
            style={{ marginRight: 'auto' }}
          >
            {t('sessionPlanning.heldFrom', {
              date: formatDate(props.session.scheduledAt, language),
            })}
          </Typography>
        )}
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <SaveButton
          variant="text"
          saving={busy}
          disabled={conflict}
          onClick={() => save()}
        />
        {canMarkHeld && props.session.status !== 'held' && (
          <Button
            color="primary"
            variant="contained"
            disabled={busy || conflict}
            onClick={() => save('held')}
          >
            {t('readingSession.markHeld')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};
