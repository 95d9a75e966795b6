import {
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import EventIcon from '@material-ui/icons/Event';
import MenuBookIcon from '@material-ui/icons/MenuBook';
import NotesIcon from '@material-ui/icons/Notes';
import {
  ActionItem,
  CurrentReadingSessionResponse,
  ReadingSession,
  ReadingSessionSuggestion,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import {
  usePostmortemLink,
  useReadingSessionLink,
} from '../../hooks/usePostmortemLink';
import { errorMessage, isConflict } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemDialog } from '../ActionItemDialog';
import { ConflictAlert } from '../ConflictAlert';
import { PickSummary } from '../PickSummary';
import { ReadingSessionStatusChip } from '../ReadingSessionStatusChip';
import { ScheduleSessionDialog } from '../ScheduleSessionDialog';
import { SessionNotesDialog } from '../SessionNotesDialog';
import { SuggestionReasons } from '../SuggestionReasons';
import { DEFAULT_READING_SESSION_GROUP } from './ReadingSessionCardTitle';

// The SRE book's advice is one postmortem per session; three candidates
// are enough to choose from without turning the card into a list.
const SUGGESTION_COUNT = 3;
// The card shows the pick's most pressing items; the rest are a click away.
const ACTION_ITEM_COUNT = 5;

type CardData = CurrentReadingSessionResponse & {
  suggestions?: ReadingSessionSuggestion[];
};

const OpenActionItems = (props: { items: ActionItem[] }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('readingSession.noOpenActionItems')}
      </Typography>
    );
  }
  return (
    <Box component="ul" m={0} pl={2.5}>
      {props.items.slice(0, ACTION_ITEM_COUNT).map(item => (
        <li key={item.id}>
          <Typography variant="body2" component="span">
            {item.title}
          </Typography>
          {item.owner && (
            <Typography variant="body2" color="textSecondary" component="span">
              {' · '}
              <EntityRefLink entityRef={item.owner} defaultKind="group" />
            </Typography>
          )}
          {item.dueDate && (
            <Typography variant="body2" color="textSecondary" component="span">
              {' · '}
              {t('readingSession.dueDate', {
                date: formatDate(item.dueDate, language),
              })}
            </Typography>
          )}
          {item.overdue && (
            <Chip
              size="small"
              color="secondary"
              label={t('actionItems.overdue')}
              style={{ marginLeft: 8 }}
            />
          )}
        </li>
      ))}
    </Box>
  );
};

const Suggestions = (props: {
  suggestions: ReadingSessionSuggestion[];
  busy: boolean;
  onPick: (postmortemId: string) => void;
}) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  if (props.suggestions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('readingSession.noSuggestions')}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="subtitle2" gutterBottom>
        {t('readingSession.suggestionsTitle')}
      </Typography>
      {props.suggestions.map(({ postmortem, reasons }) => (
        <Box
          key={postmortem.id}
          display="flex"
          alignItems="flex-start"
          py={1}
          borderTop={1}
          borderColor="divider"
          data-testid="reading-session-suggestion"
        >
          <Box flexGrow={1} mr={1}>
            <PickSummary postmortem={postmortem} />
            <SuggestionReasons reasons={reasons} />
          </Box>
          <Button
            color="primary"
            variant="outlined"
            size="small"
            disabled={props.busy}
            style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            onClick={() => props.onPick(postmortem.id)}
            aria-label={`${t('readingSession.pickThis')}: ${postmortem.title}`}
          >
            {t('readingSession.pickThis')}
          </Button>
        </Box>
      ))}
    </Box>
  );
};

const SessionFacts = (props: { session: ReadingSession }) => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const s = props.session;
  return (
    <Box mb={1}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <EventIcon fontSize="small" color="action" />
        <Typography variant="h6" component="p">
          {formatDateTime(s.scheduledAt, language)}
        </Typography>
        <Typography variant="body2" color="textSecondary" component="span">
          {t('readingSession.minutes', { minutes: String(s.durationMinutes) })}
        </Typography>
        <ReadingSessionStatusChip status={s.status} />
      </Box>
      <Typography variant="body2" component="p">
        {t('readingSession.facilitator')}:{' '}
        {s.facilitator ? (
          <EntityRefLink entityRef={s.facilitator} defaultKind="user" />
        ) : (
          t('readingSession.noFacilitator')
        )}
      </Typography>
    </Box>
  );
};

/**
 * This month's postmortem reading session of a group, for the home page:
 * when and who facilitates; the pick with its open action items, or
 * suggestions to pick from; scheduling when there is no session, notes and
 * action items during and after it.
 *
 * @public
 */
export const ReadingSessionCard = (props: {
  /** The group whose session to show; defaults to `group:default/sre`. */
  ownerGroup?: string;
}) => {
  const ownerGroup = props.ownerGroup || DEFAULT_READING_SESSION_GROUP;
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const postmortemLink = usePostmortemLink();
  const sessionLink = useReadingSessionLink();
  const [dialog, setDialog] = useState<'schedule' | 'notes' | 'actionItem'>();
  const [picking, setPicking] = useState(false);
  const [conflict, setConflict] = useState(false);

  const { value, loading, error, retry } =
    useAsyncRetry(async (): Promise<CardData> => {
      const current = await api.getCurrentReadingSession(ownerGroup);
      if (!current.session || current.session.postmortemId) return current;
      // Only a session without a pick needs candidates.
      const suggestions = await api.getReadingSessionSuggestions(ownerGroup, {
        limit: SUGGESTION_COUNT,
      });
      return { ...current, suggestions };
    }, [api, ownerGroup]);

  const reload = () => {
    setConflict(false);
    setDialog(undefined);
    retry();
  };

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  // Not reached: useAsync has a value once neither loading nor failed.
  if (!value) return <></>;

  if (!value.session) {
    return (
      <Box>
        <Typography variant="subtitle1">
          {t('readingSession.noSession')}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('readingSession.noSessionHint')}
        </Typography>
        <Button
          color="primary"
          variant="contained"
          startIcon={<EventIcon />}
          onClick={() => setDialog('schedule')}
        >
          {t('readingSession.schedule')}
        </Button>
        {dialog === 'schedule' && (
          <ScheduleSessionDialog
            ownerGroup={ownerGroup}
            onClose={() => setDialog(undefined)}
            onScheduled={() => {
              alertApi.post({
                message: t('readingSession.scheduled'),
                severity: 'success',
                display: 'transient',
              });
              reload();
            }}
          />
        )}
      </Box>
    );
  }

  const session = value.session;
  const pick = value.postmortem;
  const started = new Date(session.scheduledAt).getTime() <= Date.now();
  const readHref = pick ? postmortemLink(pick.id) : undefined;
  const sessionHref = sessionLink(session.id);

  const onPick = async (postmortemId: string) => {
    setPicking(true);
    try {
      await api.updateReadingSession(session.id, {
        postmortemId,
        version: session.version,
      });
      alertApi.post({
        message: t('readingSession.picked'),
        severity: 'success',
        display: 'transient',
      });
      retry();
    } catch (e) {
      if (isConflict(e)) {
        setConflict(true);
      } else {
        alertApi.post({ message: errorMessage(e), severity: 'error' });
      }
    } finally {
      setPicking(false);
    }
  };

  return (
    <Box>
      {conflict && <ConflictAlert onReload={reload} />}
      <SessionFacts session={session} />
      <Divider />
      <Box my={1.5}>
        {pick ? (
          <>
            <Typography variant="overline" component="h3">
              {t('readingSession.thePick')}
            </Typography>
            <PickSummary postmortem={pick} withSummary />
            <Typography variant="overline" component="h3">
              {t('readingSession.openActionItems')}
            </Typography>
            <OpenActionItems items={value.actionItems ?? []} />
          </>
        ) : (
          <Suggestions
            suggestions={value.suggestions ?? []}
            busy={picking || conflict}
            onPick={onPick}
          />
        )}
      </Box>
      {session.notes?.trim() && (
        <Box mb={1.5}>
          <Typography variant="overline" component="h3">
            {t('readingSession.notes')}
          </Typography>
          <MarkdownContent content={session.notes} />
        </Box>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {readHref && (
          <Button
            color="primary"
            variant="contained"
            startIcon={<MenuBookIcon />}
            component={RouterLink}
            to={readHref}
          >
            {t('readingSession.readIt')}
          </Button>
        )}
        <Button
          color="primary"
          // Once the session has begun, notes are what it needs next.
          variant={started && !readHref ? 'contained' : 'outlined'}
          startIcon={<NotesIcon />}
          onClick={() => setDialog('notes')}
        >
          {t('readingSession.recordNotes')}
        </Button>
        {pick && (
          <Button
            color="primary"
            variant="outlined"
            startIcon={<AddIcon />}
            onClick={() => setDialog('actionItem')}
          >
            {t('readingSession.raiseActionItem')}
          </Button>
        )}
        {sessionHref && (
          <Button color="primary" component={RouterLink} to={sessionHref}>
            {t('readingSession.openSession')}
          </Button>
        )}
      </Box>
      {dialog === 'notes' && (
        <SessionNotesDialog
          session={session}
          onClose={() => setDialog(undefined)}
          onReload={reload}
          onSaved={() => {
            alertApi.post({
              message: t('readingSession.saved'),
              severity: 'success',
              display: 'transient',
            });
            reload();
          }}
        />
      )}
      {dialog === 'actionItem' && pick && (
        <ActionItemDialog
          postmortemId={pick.id}
          readingSessionId={session.id}
          onClose={() => setDialog(undefined)}
          onReload={reload}
          onSaved={reload}
        />
      )}
    </Box>
  );
};
