import { Config } from '@backstage/config';
import { CronTime } from 'cron';
import { DateTime } from 'luxon';

/** The languages the notifications are written in. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * `postmortems.notifications` of app-config, checked at start: a wrong
 * value fails the backend with a message that names the key.
 */
export interface NotificationsConfig {
  /** The language of every notification. */
  language: Language;
  /** The zone that schedules, due dates and session times are read in. */
  timezone: string;
  /** How often the module looks whether a scheduled send is due. */
  checkEveryMinutes: number;
  overdueDigest: {
    enabled: boolean;
    /** A cron expression in `timezone`. */
    schedule: string;
    /** How many of the oldest items a digest names. */
    maxItems: number;
  };
  dueSoon: { enabled: boolean; daysBefore: number };
  readingSession: {
    enabled: boolean;
    /** The reminder with date, pick and its open action items. */
    daysBefore: number;
    /** Without a pick this many days before, suggestions go out. */
    noPickDaysBefore: number;
  };
  /** The cron expression (in `timezone`) of due-soon and session reminders. */
  remindersSchedule: string;
  assigned: { enabled: boolean };
  postmortemRead: { enabled: boolean };
  newPostmortem: { enabled: boolean };
}

const KEY = 'postmortems.notifications';

function cronAt(key: string, value: string, timezone: string): string {
  try {
    // eslint-disable-next-line no-new
    new CronTime(value, timezone);
  } catch (error) {
    throw new Error(`${key}: "${value}" is not a cron expression (${error})`);
  }
  return value;
}

function whole(
  config: Config | undefined,
  key: string,
  fallback: number,
  [min, max]: [number, number],
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${KEY}.${key}: ${value} must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/** Reads and checks the module's configuration. */
export function readNotificationsConfig(root: Config): NotificationsConfig {
  const timezone =
    root.getOptionalString('postmortems.readingSessions.timezone') ?? 'UTC';
  if (!DateTime.local().setZone(timezone).isValid) {
    throw new Error(
      `postmortems.readingSessions.timezone: "${timezone}" is not an IANA time zone`,
    );
  }
  const config = root.getOptionalConfig(KEY);
  const language = config?.getOptionalString('language') ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new Error(
      `${KEY}.language: "${language}" is not one of ${LANGUAGES.join(', ')}`,
    );
  }
  const enabled = (key: string) =>
    config?.getOptionalBoolean(`${key}.enabled`) ?? true;
  return {
    language: language as Language,
    timezone,
    checkEveryMinutes: whole(config, 'checkEveryMinutes', 5, [1, 60]),
    overdueDigest: {
      enabled: enabled('overdueDigest'),
      schedule: cronAt(
        `${KEY}.overdueDigest.schedule`,
        config?.getOptionalString('overdueDigest.schedule') ?? '0 9 * * 1-5',
        timezone,
      ),
      maxItems: whole(config, 'overdueDigest.maxItems', 5, [1, 20]),
    },
    dueSoon: {
      enabled: enabled('dueSoon'),
      daysBefore: whole(config, 'dueSoon.daysBefore', 3, [1, 30]),
    },
    readingSession: {
      enabled: enabled('readingSession'),
      daysBefore: whole(config, 'readingSession.daysBefore', 3, [1, 30]),
      noPickDaysBefore: whole(
        config,
        'readingSession.noPickDaysBefore',
        7,
        [1, 60],
      ),
    },
    remindersSchedule: cronAt(
      `${KEY}.reminders.schedule`,
      config?.getOptionalString('reminders.schedule') ?? '0 9 * * *',
      timezone,
    ),
    assigned: { enabled: enabled('assigned') },
    postmortemRead: { enabled: enabled('postmortemRead') },
    newPostmortem: { enabled: enabled('newPostmortem') },
  };
}

/**
 * The latest time at or before `now` that `cron` (in `timezone`) names,
 * looking back at most `withinMs`; undefined when there is none that recent.
 */
export function latestOccurrence(
  cron: string,
  timezone: string,
  now: Date,
  withinMs: number,
): Date | undefined {
  const time = new CronTime(cron, timezone);
  let latest: Date | undefined;
  // Occurrences strictly after `cursor`; the cursor starts one ms before
  // the window so an occurrence exactly at its start counts.
  let cursor = new Date(now.getTime() - withinMs - 1);
  for (let i = 0; i < 100_000; i++) {
    const next = time.getNextDateFrom(cursor, timezone).toJSDate();
    if (next.getTime() > now.getTime()) break;
    latest = next;
    cursor = next;
  }
  return latest;
}
