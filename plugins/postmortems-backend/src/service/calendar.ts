/*
 * Calendar invites (RFC 5545) of reading sessions: one VEVENT a session,
 * its times in the configured time zone with a VTIMEZONE that says what that
 * zone's offsets are, and a SEQUENCE that grows with each change so that a
 * calendar that imported it before takes the new one.
 */

import {
  CALENDAR_LANGUAGES,
  Postmortem,
  ReadingSession,
} from '@postmortems/backstage-plugin-postmortems-common';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** The languages an invite is written in. */
export type CalendarLanguage = (typeof CALENDAR_LANGUAGES)[number];

const TEXTS = {
  en: {
    calendar: 'Postmortem reading sessions',
    summary: 'Postmortem reading session',
    pick: 'Pick',
    noPick: 'No pick yet: choose what to read on the session page.',
    cancelled: 'This reading session is cancelled.',
    session: 'Session',
    postmortem: 'Postmortem',
  },
  ja: {
    calendar: 'ポストモーテム読書会',
    summary: 'ポストモーテム読書会',
    pick: '読むもの',
    noPick: 'まだ選ばれていません。読書会のページで選んでください。',
    cancelled: 'この読書会は中止になりました。',
    session: '読書会',
    postmortem: 'ポストモーテム',
  },
} satisfies Record<CalendarLanguage, Record<string, string>>;

/** What the invites of some sessions are built from. */
export interface CalendarOptions {
  sessions: ReadingSession[];
  /** The picks of the sessions, by id; a missing one is left out. */
  picks: Map<string, Postmortem>;
  /** The IANA zone the times are written in (the TZID). */
  timezone: string;
  /** The app's base URL (`app.baseUrl`), for the links to the pages. */
  appBaseUrl: string;
  language?: CalendarLanguage;
}

/** The page of a reading session in the app. */
export function sessionUrl(appBaseUrl: string, id: string): string {
  return `${appBaseUrl.replace(/\/+$/, '')}/postmortems/reading-sessions/${id}`;
}

/** The page of a postmortem in the app. */
export function postmortemUrl(appBaseUrl: string, id: string): string {
  return `${appBaseUrl.replace(/\/+$/, '')}/postmortems/${id}`;
}

/** The `UID` of a session's VEVENT: the same for every version of it. */
export function sessionUid(id: string): string {
  return `${id}@postmortems`;
}

/** The iCalendar text of the sessions, one VEVENT each. */
export function buildCalendar(options: CalendarOptions): string {
  const { sessions, picks, timezone, appBaseUrl } = options;
  const t = TEXTS[options.language ?? 'en'];
  const years = sessions.map(
    s => DateTime.fromISO(s.scheduledAt, { zone: timezone }).year,
  );
  const calendar = ical({
    name: t.calendar,
    prodId: { company: 'postmortems', product: 'reading-sessions' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would write DTSTAMP, CREATED
    // and LAST-MODIFIED in it, and RFC 5545 wants those in UTC. The
    // events carry the zone; the generator writes its VTIMEZONE.
    timezone: {
      name: null,
      generator: zone =>
        vtimezone(
          zone,
          Math.min(...years, DateTime.now().year),
          Math.max(...years, DateTime.now().year),
        ),
    },
  });
  for (const session of sessions) {
    const pick = session.postmortemId
      ? picks.get(session.postmortemId)
      : undefined;
    const start = DateTime.fromISO(session.scheduledAt, { zone: timezone });
    const url = sessionUrl(appBaseUrl, session.id);
    const description = [
      ...(session.status === 'cancelled' ? [t.cancelled, ''] : []),
      ...(pick
        ? [
            `${t.pick}: ${pick.title}`,
            `${t.postmortem}: ${postmortemUrl(appBaseUrl, pick.id)}`,
          ]
        : [t.noPick]),
      `${t.session}: ${url}`,
    ].join('\n');
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.version - 1,
      start,
      end: start.plus({ minutes: session.durationMinutes }),
      timezone,
      stamp: DateTime.fromISO(session.updatedAt, { zone: 'utc' }),
      created: DateTime.fromISO(session.createdAt, { zone: 'utc' }),
      lastModified: DateTime.fromISO(session.updatedAt, { zone: 'utc' }),
      summary: pick ? `${t.summary}: ${pick.title}` : t.summary,
      description,
      url,
      status:
        session.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${mm}`;
}

const HOUR = 3_600_000;

/**
 * A VTIMEZONE of `zone` for the years `fromYear` to `toYear`, from the
 * offsets the runtime's time zone data gives: the observance at the start
 * of the range, then one per change of offset in it (found hour by hour,
 * then to the minute).
 */
export function vtimezone(
  zone: string,
  fromYear: number,
  toYear: number,
): string | null {
  const begin = DateTime.fromObject({ year: fromYear }, { zone });
  if (!begin.isValid) return null;
  const end = DateTime.fromObject({ year: toYear + 1 }, { zone }).toMillis();
  const observance = (at: number, from: number) => {
    const after = DateTime.fromMillis(at, { zone });
    const kind = after.isInDST ? 'DAYLIGHT' : 'STANDARD';
    const local = DateTime.fromMillis(at, { zone: 'utc' }).plus({
      minutes: from,
    });
    return [
      `BEGIN:${kind}`,
      `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(after.offset)}`,
      `TZNAME:${after.offsetNameShort ?? offsetText(after.offset)}`,
      `END:${kind}`,
    ];
  };
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(begin.toMillis(), begin.offset),
  ];
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  let before = begin.offset;
  for (let t = begin.toMillis(); t < end; t += HOUR) {
    const next = offsetAt(t + HOUR);
    if (next !== before) {
      // The first minute with the new offset.
      let lo = t;
      let hi = t + HOUR;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      lines.push(...observance(hi, before));
      before = next;
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
