import {
  ReadingSessionSeriesRule,
  WEEKDAYS,
} from '@postmortems/backstage-plugin-postmortems-common';

/*
 * The dates a series will meet on, worked out as the backend does (the
 * n-th or last weekday of each month, at a wall-clock time in a zone), so
 * that the dialog can show them before anything is stored.
 */

const MINUTE = 60_000;

/** Whether the runtime knows `zone` as a time zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    return Boolean(
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
        .timeZone,
    );
  } catch {
    return false;
  }
}

/** The browser's own time zone. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The wall-clock parts of the instant `ms` in `zone`. */
function partsIn(ms: number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) =>
    Number(parts.find(p => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
  };
}

/** How far `zone` is ahead of UTC at the instant `ms`, in ms. */
function offsetAt(ms: number, zone: string): number {
  const p = partsIn(ms, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * The instant of a wall-clock time in `zone`. A time skipped when clocks go
 * forward becomes the one as far after the change (02:30 → 03:30).
 */
export function zonedTime(
  parts: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
  },
  zone: string,
): Date {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
  );
  let at = wall - offsetAt(wall, zone);
  const offset = offsetAt(at, zone);
  if (wall - at !== offset) at = wall - offset;
  return new Date(at);
}

/** `yyyy-MM` of the instant in `zone`. */
export function monthIn(at: Date | string, zone: string): string {
  const p = partsIn(new Date(at).getTime(), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** The month `n` months after `month` (`yyyy-MM`). */
export function monthAfter(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(
    2,
    '0',
  )}`;
}

/** The calendar day a series meets on in `month`. */
export function occurrenceDay(
  month: string,
  rule: Pick<ReadingSessionSeriesRule, 'weekday' | 'week'>,
): { year: number; month: number; day: number } {
  const [year, m] = month.split('-').map(Number);
  // 0 = Monday, as in WEEKDAYS.
  const weekdayOf = (day: number) =>
    (new Date(Date.UTC(year, m - 1, day)).getUTCDay() + 6) % 7;
  const target = WEEKDAYS.indexOf(rule.weekday);
  let day: number;
  if (rule.week === 'last') {
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    day = last - ((weekdayOf(last) - target + 7) % 7);
  } else {
    day = 1 + ((target - weekdayOf(1) + 7) % 7) + 7 * (rule.week - 1);
  }
  return { year, month: m, day };
}

/** The instant a series meets in `month`. */
export function occurrenceOf(
  month: string,
  rule: ReadingSessionSeriesRule,
): Date {
  const [hour, minute] = rule.time.split(':').map(Number);
  return zonedTime(
    { ...occurrenceDay(month, rule), hour, minute },
    rule.timezone,
  );
}

/** One date of a series' preview. */
export interface SeriesDate {
  /** The series month, `yyyy-MM`. */
  month: string;
  at: Date;
  /** The group already meets that month: the backend will skip it. */
  skipped: boolean;
}

/**
 * The dates of `months` months from `startMonth`; a month in `taken` (the
 * months, in `monthZone`, in which the group already meets) is skipped.
 */
export function seriesDates(options: {
  rule: ReadingSessionSeriesRule;
  months: number;
  startMonth: string;
  taken: ReadonlySet<string>;
  monthZone: string;
}): SeriesDate[] {
  const taken = new Set(options.taken);
  return Array.from({ length: options.months }, (_, i) => {
    const month = monthAfter(options.startMonth, i);
    const at = occurrenceOf(month, options.rule);
    const meeting = monthIn(at, options.monthZone);
    const skipped = taken.has(meeting);
    taken.add(meeting);
    return { month, at, skipped };
  });
}

/**
 * The month a series starts in when none is chosen, as the backend
 * decides it: this month if its date is still ahead, else the next one;
 * then on past the months in which the group already meets.
 */
export function defaultStartMonth(options: {
  rule: ReadingSessionSeriesRule;
  now: Date;
  taken: ReadonlySet<string>;
  monthZone: string;
}): string {
  const { rule, now, taken, monthZone } = options;
  let month = monthIn(now, monthZone);
  if (occurrenceOf(month, rule).getTime() <= now.getTime()) {
    month = monthAfter(month, 1);
  }
  for (
    let i = 0;
    i < 48 && taken.has(monthIn(occurrenceOf(month, rule), monthZone));
    i++
  ) {
    month = monthAfter(month, 1);
  }
  return month;
}
