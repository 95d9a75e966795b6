import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import DateRangeIcon from '@material-ui/icons/DateRange';
import EventIcon from '@material-ui/icons/Event';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ActionItem,
  Postmortem,
  ReadingSession,
  ReadingSessionSeriesResponse,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { postmortemsApiRef } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { postmortemsTranslationRef } from '../../translation';
import { AddToCalendarButton } from '../AddToCalendarButton';
import { ScheduleSeriesDialog } from '../ScheduleSeriesDialog';
import { ScheduleSessionDialog } from '../ScheduleSessionDialog';
import { SessionItem } from './SessionItem';

// A year of monthly sessions for a handful of teams fits on one page.
const PAGE_SIZE = 100;

/**
 * Upcoming sessions: planned or cancelled and not yet over. A session in
 * progress is still upcoming, so its page is easy to find while it runs; a
 * cancelled one ahead is no part of the history, it stays among the
 * upcoming ones with its status.
 */
export function splitSessions(
  sessions: ReadingSession[],
  now: Date = new Date(),
): { upcoming: ReadingSession[]; past: ReadingSession[] } {
  const isUpcoming = (s: ReadingSession) =>
    s.status !== 'held' &&
    new Date(s.scheduledAt).getTime() + s.durationMinutes * 60_000 >=
      now.getTime();
  const upcoming = sessions
    .filter(isUpcoming)
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const past = sessions
    .filter(s => !isUpcoming(s))
    .sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  return { upcoming, past };
}

/**
 * All reading sessions, upcoming first (soonest first), then the past
 * ones (most recent first), each with its pick, notes and the action
 * items raised in it.
 */
export const ReadingSessionList = () => {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const api = useApi(postmortemsApiRef);
  const alertApi = useApi(alertApiRef);
  const language = useLanguage();
  const [scheduling, setScheduling] = useState<'session' | 'series'>();

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const page = await api.listReadingSessions({ limit: PAGE_SIZE });
    const pickIds = Array.from(
      new Set(
        page.items.flatMap(s => (s.postmortemId ? [s.postmortemId] : [])),
      ),
    );
    // A pick that was deleted since is said to be, without failing the
    // whole list.
    const picks = new Map<string, Postmortem>();
    await Promise.all(
      pickIds.map(id =>
        api
          .getPostmortem(id)
          .then(p => picks.set(id, p))
          .catch(() => undefined),
      ),
    );
    const actionItems = new Map<string, ActionItem[]>();
    await Promise.all(
      page.items.map(s =>
        api
          .listReadingSessionActionItems(s.id)
          .then(result => actionItems.set(s.id, result.items))
          .catch(() => undefined),
      ),
    );
    return { sessions: page.items, picks, actionItems };
  }, [api]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (loading && !value) return <Progress />;
  if (!value) return null;

  const { upcoming, past } = splitSessions(value.sessions);
  // The groups that have upcoming sessions, each with its calendar.
  const groups = Array.from(new Set(upcoming.map(s => s.ownerGroup))).sort();
  const groupName = (ref: string) => {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  };

  const onSeriesScheduled = (result: ReadingSessionSeriesResponse) => {
    setScheduling(undefined);
    const created =
      result.items.length > 0
        ? t('readingSeries.created', { count: result.items.length })
        : t('readingSeries.nothingCreated');
    const skipped =
      result.skippedMonths.length > 0
        ? ` ${t('readingSeries.skipped', {
            months: result.skippedMonths.join(', '),
          })}`
        : '';
    alertApi.post({
      message: `${created}${skipped}`,
      severity: result.items.length > 0 ? 'success' : 'warning',
      display: result.skippedMonths.length > 0 ? 'permanent' : 'transient',
    });
    retry();
  };
  const render = (sessions: ReadingSession[], empty: string) =>
    sessions.length === 0 ? (
      <Typography color="textSecondary" paragraph>
        {empty}
      </Typography>
    ) : (
      sessions.map(s => (
        <SessionItem
          key={s.id}
          session={s}
          pick={s.postmortemId ? value.picks.get(s.postmortemId) : undefined}
          actionItems={value.actionItems.get(s.id) ?? []}
        />
      ))
    );

  return (
    <Box>
      <Box display="flex" alignItems="center" mb={1}>
        <Typography variant="h5" component="h2" style={{ flexGrow: 1 }}>
          {t('readingSession.upcoming')}
        </Typography>
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          <Button
            color="primary"
            variant="outlined"
            startIcon={<DateRangeIcon />}
            onClick={() => setScheduling('series')}
          >
            {t('readingSeries.schedule')}
          </Button>
          <Button
            color="primary"
            variant="contained"
            startIcon={<EventIcon />}
            onClick={() => setScheduling('session')}
          >
            {t('readingSession.schedule')}
          </Button>
        </Box>
      </Box>
      {groups.length > 0 && (
        <Box display="flex" flexWrap="wrap" mb={1} style={{ gap: 8 }}>
          {groups.map(group => (
            <AddToCalendarButton
              key={group}
              variant="text"
              label={t('calendar.addGroup', { group: groupName(group) })}
              load={() => api.getGroupCalendar(group, { language })}
              filename={`reading-sessions-${groupName(group).replace(
                /[^\w.-]+/g,
                '-',
              )}.ics`}
            />
          ))}
        </Box>
      )}
      {render(upcoming, t('readingSession.noUpcoming'))}
      <Box mt={3} mb={1}>
        <Typography variant="h5" component="h2">
          {t('readingSession.past')}
        </Typography>
      </Box>
      {render(past, t('readingSession.noPast'))}
      {scheduling === 'series' && (
        <ScheduleSeriesDialog
          onClose={() => setScheduling(undefined)}
          onScheduled={onSeriesScheduled}
        />
      )}
      {scheduling === 'session' && (
        <ScheduleSessionDialog
          onClose={() => setScheduling(undefined)}
          onScheduled={() => {
            setScheduling(undefined);
            alertApi.post({
              message: t('readingSession.scheduled'),
              severity: 'success',
              display: 'transient',
            });
            retry();
          }}
        />
      )}
    </Box>
  );
};
