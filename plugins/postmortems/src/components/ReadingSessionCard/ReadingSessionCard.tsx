import {
  Link,
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import EventIcon from '@material-ui/icons/Event';
import MenuBookIcon from '@material-ui/icons/MenuBook';
import NotesIcon from '@material-ui/icons/Notes';
import Alert from '@material-ui/lab/Alert';
import {
  CurrentReadingSessionResponse,
  Postmortem,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import {
  usePostmortemLink,
  useReadingSessionLink,
} from '../../hooks/usePostmortemLink';
import { errorMessage, isConflict } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { postmortemsTranslationRef } from '../../translation';
import { ActionItemDialog } from '../ActionItemDialog';
import { ConflictAlert } from '../ConflictAlert';
import { PickSummary } from '../PickSummary';
import { ScheduleSessionDialog } from '../ScheduleSessionDialog';
import { SessionNotesDialog } from '../SessionNotesDialog';
import { CardSuggestions } from './CardSuggestions';
import { OpenActionItems } from './OpenActionItems';
import { DEFAULT_READING_SESSION_GROUP } from './ReadingSessionCardTitle';
import { SessionFacts } from './SessionFacts';
import { sessionDayHasCome } from './sessionDay';

// The SRE book's advice is one postmortem per session; three candidates
// are enough to choose from without turning the card into a list.
const SUGGESTION_COUNT = 3;

type CardData = CurrentReadingSessionResponse & {
  /** The group's next session after this month's, if one is planned. */
  next?: ReadingSession;
  /** The next session's pick, when there is no session this month. */
  nextPick?: Postmortem;
};

/**
 * This month's postmortem reading session of a group, for the home page:
 * when and who facilitates; the pick with its open action items, or
 * suggestions to pick from (also to change the pick, or to replace one that
 * was deleted); scheduling this month's session when there is none and the
 * next one once it exists; notes and action items during and after it.
 *
 * @public
 */
export const ReadingSessionCard = (props: {
  /** The group whose session to show; defaults to `group:default/sre`. */
  ownerGroup?: string;
}) => {
  const ownerGroup = props.ownerGroup || DEFAULT_READING_SESSION_GROUP;
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const postmortemLink = usePostmortemLink();
  const sessionLink = useReadingSessionLink();
  const [dialog, setDialog] = useState<'schedule' | 'notes' | 'actionItem'>();
  const [picking, setPicking] = useState(false);
  const [changing, setChanging] = useState(false);
  const [conflict, setConflict] = useState(false);

  const { value, loading, error, retry } =
    useAsyncRetry(async (): Promise<CardData> => {
      const current = await api.getCurrentReadingSession(ownerGroup);
      const session = current.session;
      if (!session) {
        // Nothing this month: the next planned one (of a series, say).
        const nextPick = current.next?.postmortemId
          ? await api
              .getPostmortem(current.next.postmortemId)
              .catch(() => undefined)
          : undefined;
        return { ...current, nextPick };
      }
      if (current.next) return current;
      // A backend that does not say which is next: a later session that
      // takes place, the soonest of the newest few.
      const { items } = await api.listReadingSessions({ ownerGroup, limit: 5 });
      const next = items
        .filter(
          s =>
            s.status !== 'cancelled' &&
            Date.parse(s.scheduledAt) > Date.parse(session.scheduledAt),
        )
        .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
      return { ...current, next };
    }, [api, ownerGroup]);

  const session = value?.session ?? undefined;
  const pick = value?.postmortem;
  // A pick whose postmortem is gone: the API sends the id but no postmortem.
  const pickDeleted = Boolean(session?.postmortemId && !pick);
  const needsSuggestions =
    !!session && (!session.postmortemId || pickDeleted || changing);
  const suggestions = useAsync(
    async () =>
      needsSuggestions
        ? api.getReadingSessionSuggestions(ownerGroup, {
            limit: SUGGESTION_COUNT,
          })
        : undefined,
    [api, ownerGroup, needsSuggestions, session?.version],
  );

  const reload = () => {
    setConflict(false);
    setDialog(undefined);
    retry();
  };

  const scheduleDialog = dialog === 'schedule' && (
    <ScheduleSessionDialog
      ownerGroup={ownerGroup}
      timezone={value?.timezone}
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
  );

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  // Not reached: useAsync has a value once neither loading nor failed.
  if (!value) return <></>;

  if (!session) {
    const upcoming = value.next;
    const upcomingHref = upcoming ? sessionLink(upcoming.id) : undefined;
    return (
      <Box>
        <Typography variant="subtitle1">
          {t('readingSession.noSession')}
        </Typography>
        {upcoming ? (
          <Box my={1.5}>
            <Typography variant="overline" component="h3">
              {t('sessionPlanning.nextSession', {
                date: formatDateTime(upcoming.scheduledAt, language),
              })}
            </Typography>
            <SessionFacts session={upcoming} />
            <Typography variant="body2" paragraph>
              {t('readingSession.pick')}:{' '}
              {value.nextPick && postmortemLink(value.nextPick.id) && (
                <Link to={postmortemLink(value.nextPick.id)!}>
                  {value.nextPick.title}
                </Link>
              )}
              {value.nextPick &&
                !postmortemLink(value.nextPick.id) &&
                value.nextPick.title}
              {!value.nextPick && t('readingSession.noPick')}
            </Typography>
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary" paragraph>
            {t('readingSession.noSessionHint')}
          </Typography>
        )}
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          {upcomingHref && (
            <Button
              color="primary"
              variant="contained"
              component={RouterLink}
              to={upcomingHref}
            >
              {t('readingSession.openSession')}
            </Button>
          )}
          <Button
            color="primary"
            variant={upcoming ? 'outlined' : 'contained'}
            startIcon={<EventIcon />}
            onClick={() => setDialog('schedule')}
          >
            {t('readingSession.schedule')}
          </Button>
        </Box>
        {scheduleDialog}
      </Box>
    );
  }

  const started = new Date(session.scheduledAt).getTime() <= Date.now();
  const readHref = pick ? postmortemLink(pick.id) : undefined;
  const sessionHref = sessionLink(session.id);
  const nextHref = value.next ? sessionLink(value.next.id) : undefined;

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
      setChanging(false);
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

  const suggestionList = (title: string) =>
    suggestions.loading ? (
      <Progress />
    ) : (
      <CardSuggestions
        title={title}
        suggestions={suggestions.value ?? []}
        busy={picking || conflict}
        onPick={onPick}
      />
    );

  return (
    <Box>
      {conflict && <ConflictAlert onReload={reload} />}
      <SessionFacts session={session} />
      <Divider />
      <Box my={1.5}>
        {pick && !changing && (
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
        )}
        {pick && changing && (
          <>
            {suggestionList(t('sessionPlanning.changePickTitle'))}
            <Button size="small" onClick={() => setChanging(false)}>
              {t('sessionPlanning.keepPick')}
            </Button>
          </>
        )}
        {pickDeleted && (
          <>
            <Alert severity="warning">{t('sessionPlanning.pickDeleted')}</Alert>
            {suggestionList(t('sessionPlanning.chooseAnotherTitle'))}
          </>
        )}
        {!session.postmortemId &&
          suggestionList(t('readingSession.suggestionsTitle'))}
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
        {pick && !changing && session.status === 'planned' && (
          <Button color="primary" onClick={() => setChanging(true)}>
            {t('sessionPlanning.changePick')}
          </Button>
        )}
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
      <Box mt={1.5}>
        {value.next ? (
          <Typography variant="body2" color="textSecondary">
            {nextHref ? (
              <Link to={nextHref}>
                {t('sessionPlanning.nextSession', {
                  date: formatDateTime(value.next.scheduledAt, language),
                })}
              </Link>
            ) : (
              t('sessionPlanning.nextSession', {
                date: formatDateTime(value.next.scheduledAt, language),
              })
            )}
          </Typography>
        ) : (
          <Button
            color="primary"
            variant="outlined"
            startIcon={<EventIcon />}
            onClick={() => setDialog('schedule')}
          >
            {t('sessionPlanning.scheduleNext')}
          </Button>
        )}
      </Box>
      {scheduleDialog}
      {dialog === 'notes' && (
        <SessionNotesDialog
          session={session}
          canMarkHeld={sessionDayHasCome(session.scheduledAt, value.timezone)}
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
