import { randomUUID } from 'node:crypto';
import {
  Postmortem,
  ReadingSession,
  ReadingSessionSeriesResponse,
  ReadingSessionSeriesRule,
  WEEKDAYS,
  createReadingSessionSeriesRequestSchema,
  idParamsSchema,
  invalidRequest,
  readingSessionCalendarQuerySchema,
  readingSessionCreatePermission,
  readingSessionInviteQuerySchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import express, { Router } from 'express';
import { DateTime } from 'luxon';
import { CalendarLanguage, buildCalendar } from './calendar';
import { monthOf } from './readingSessionsRoutes';
import { found, parse, principalRef } from './requests';
import { audited } from './audit';
import { RouteContext } from './RouteContext';

/** How many upcoming sessions the calendar of a group holds. */
const GROUP_CALENDAR_SIZE = 24;

/**
 * The day and time a series meets in `month` (`yyyy-MM`): the n-th (or
 * last) such weekday of the month, at the rule's wall-clock time in the
 * rule's zone (a time that does not exist on a day clocks go forward
 * moves on to the first one that does).
 */
export function occurrenceOf(
  month: string,
  rule: ReadingSessionSeriesRule,
): DateTime {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: rule.timezone });
  const weekday = WEEKDAYS.indexOf(rule.weekday) + 1;
  let day: number;
  if (rule.week === 'last') {
    const last = first.endOf('month');
    day = last.day - ((last.weekday - weekday + 7) % 7);
  } else {
    day = 1 + ((weekday - first.weekday + 7) % 7) + 7 * (rule.week - 1);
  }
  const [hour, minute] = rule.time.split(':').map(Number);
  return DateTime.fromObject(
    { year: first.year, month: first.month, day, hour, minute },
    { zone: rule.timezone },
  );
}

function monthAfter(month: string, n: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' })
    .plus({ months: n })
    .toFormat('yyyy-MM');
}

/**
 * `/reading-sessions/series` and the calendar invites. Registered before
 * the reading session routes, so that `series` and `calendar.ics` are not
 * taken for an `:id`.
 */
export function registerReadingSessionSeriesRoutes(
  router: Router,
  context: RouteContext,
) {
  const { stores } = context;

  router.post('/reading-sessions/series', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'reading-session-mutate',
        actionType: 'create-series',
        permission: readingSessionCreatePermission,
      },
      async credentials => {
        const body = parse(createReadingSessionSeriesRequestSchema, req.body);
        const { rule } = body;
        if (!DateTime.local().setZone(rule.timezone).isValid) {
          throw invalidRequest({
            field: 'rule.timezone',
            message: `"${rule.timezone}" is not an IANA time zone`,
            code: 'timezone',
          });
        }

        // The months (in the configured zone, as for a single session) in
        // which the group already meets, from this month or the start month
        // on: one a month is the rule.
        const thisMonth = monthOf(context.clock(), context.timezone).month;
        const firstMonth =
          body.startMonth && body.startMonth < thisMonth
            ? body.startMonth
            : thisMonth;
        const { items: existing } =
          await stores.readingSessions.listReadingSessions({
            ownerGroup: body.ownerGroup,
            from: DateTime.fromFormat(firstMonth, 'yyyy-MM', {
              zone: context.timezone,
            })
              .toUTC()
              .toISO()!,
            limit: 1_000,
          });
        const taken = new Set(
          existing
            .filter(s => s.status !== 'cancelled')
            .map(s => monthOf(s.scheduledAt, context.timezone).month),
        );
        const monthOfOccurrence = (month: string) =>
          monthOf(occurrenceOf(month, rule).toJSDate(), context.timezone).month;

        let startMonth = body.startMonth;
        if (!startMonth) {
          // This month if its day is still ahead and free, else the next free.
          startMonth = thisMonth;
          const now = context.clock().getTime();
          if (occurrenceOf(startMonth, rule).toMillis() <= now) {
            startMonth = monthAfter(startMonth, 1);
          }
          while (taken.has(monthOfOccurrence(startMonth))) {
            startMonth = monthAfter(startMonth, 1);
          }
        }

        const seriesId = randomUUID();
        const skippedMonths: string[] = [];
        const inputs = [];
        for (let i = 0; i < body.months; i++) {
          const month = monthAfter(startMonth, i);
          const at = occurrenceOf(month, rule);
          const meetingMonth = monthOf(at.toJSDate(), context.timezone).month;
          if (taken.has(meetingMonth)) {
            skippedMonths.push(month);
            continue;
          }
          taken.add(meetingMonth);
          inputs.push({
            ownerGroup: body.ownerGroup,
            scheduledAt: at.toUTC().toISO()!,
            durationMinutes: body.durationMinutes,
            facilitator: body.facilitator,
            participants: body.participants,
            seriesId,
          });
        }
        const items = await stores.readingSessions.createReadingSessions(
          inputs,
          principalRef(credentials),
        );
        const answer: ReadingSessionSeriesResponse = {
          seriesId,
          items,
          skippedMonths,
        };
        res.status(201).json(answer);
        return { seriesId, readingSessionIds: items.map(item => item.id) };
      },
    );
  });

  const sendCalendar = async (
    res: express.Response,
    sessions: ReadingSession[],
    filename: string,
    language: CalendarLanguage | undefined,
  ) => {
    const pickIds = [
      ...new Set(
        sessions.flatMap(s => (s.postmortemId ? [s.postmortemId] : [])),
      ),
    ];
    const picks = new Map<string, Postmortem>(
      (await stores.postmortems.getPostmortems(pickIds)).map(p => [p.id, p]),
    );
    const text = buildCalendar({
      sessions,
      picks,
      timezone: context.timezone,
      appBaseUrl: context.appBaseUrl,
      language,
    });
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .attachment(filename)
      .send(text);
  };

  // The group's upcoming sessions (planned and cancelled, so that a
  // calendar that imported one sees it cancelled), from today on.
  router.get('/reading-sessions/calendar.ics', async (req, res) => {
    const { ownerGroup, lang } = parse(
      readingSessionCalendarQuerySchema,
      req.query,
    );
    const today = DateTime.fromJSDate(context.clock(), {
      zone: context.timezone,
    }).startOf('day');
    const { items } = await stores.readingSessions.listReadingSessions({
      ownerGroup,
      from: today.toUTC().toISO()!,
      limit: 1_000,
    });
    const upcoming = items
      .filter(s => s.status !== 'held')
      .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))
      .slice(0, GROUP_CALENDAR_SIZE);
    const name = ownerGroup.replace(/^group:/, '').replace(/[^\w.-]+/g, '-');
    await sendCalendar(res, upcoming, `reading-sessions-${name}.ics`, lang);
  });

  router.get('/reading-sessions/:id/calendar.ics', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    const { lang } = parse(readingSessionInviteQuerySchema, req.query);
    const session = found(
      await stores.readingSessions.getReadingSession(id),
      'Reading session',
      id,
    );
    await sendCalendar(res, [session], `reading-session-${id}.ics`, lang);
  });
}
