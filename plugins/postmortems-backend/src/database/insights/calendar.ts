import { DateTime } from 'luxon';
import {
  monthIndex,
  monthOfIndex,
  quarterOfMonth,
} from '@postmortems/backstage-plugin-postmortems-common';

/*
 * The calendar of an insights request, resolved in JavaScript (luxon) so
 * that the SQL only compares stored timestamps with bound instants: every
 * engine then buckets the same way, whatever its own time zone support
 * (SQLite and MySQL without time zone tables have none), and a daylight
 * saving change is simply a month or day that is not 24 h × n long.
 */

const DAY_MS = 86_400_000;

/**
 * The due days from `firstDay` on whose end in the zone is
 * `firstEnd + whole days since firstDay`: a stretch of days without a
 * change of the zone's offset.
 */
export interface DuePeriod {
  firstDay: string;
  firstEnd: Date;
}

/** The instants and days an insights request is bucketed by. */
export interface InsightsCalendar {
  /** Every month of the range, `YYYY-MM`, oldest first. */
  months: string[];
  /**
   * Where each month starts in the zone, then where the range ends: one
   * more instant than months.
   */
  monthStarts: Date[];
  /** Every quarter the range touches, `YYYY-Qn`, oldest first. */
  quarters: string[];
  /** Where each quarter after the first starts within the range. */
  quarterStarts: Date[];
  /** The first and last day of the range, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** Today in the zone, `YYYY-MM-DD`. */
  today: string;
  /**
   * Where the days 30, 90 and 180 days before today start: an item created
   * before `ageStarts[0]` is at least 31 whole days old, and so on.
   */
  ageStarts: [Date, Date, Date];
  /** The days 30, 90 and 180 days before today, `YYYY-MM-DD`. */
  ageDays: [string, string, string];
  /** The ends of the due days of the range, in stretches of one offset. */
  duePeriods: DuePeriod[];
}

/** Whole days from one `YYYY-MM-DD` to another, by the calendar alone. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

function plusDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of a month (`YYYY-MM`), `YYYY-MM-DD`. */
function lastDayOf(month: string): string {
  const n = monthIndex(month);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(Math.floor(n / 12), (n % 12) + 1, 0))
    .toISOString()
    .slice(0, 10);
}

/**
 * The stretches of due days between the first day of the range and the last
 * (whose end is `monthStarts`' last instant): each month's last day ends
 * where the next month starts, so only a month whose end differs from the
 * current stretch's prediction is searched, by halving, for the day its
 * offset changed. Two changes that cancel out within one month (none of
 * today's zones has them) would go unnoticed.
 */
function duePeriodsOf(
  firstDay: string,
  months: string[],
  monthStarts: Date[],
  zone: string,
): DuePeriod[] {
  const endOf = (day: string) =>
    DateTime.fromISO(day, { zone }).plus({ days: 1 }).startOf('day').toMillis();
  const periods: DuePeriod[] = [
    { firstDay, firstEnd: new Date(endOf(firstDay)) },
  ];
  const fits = (day: string, end: number) => {
    const period = periods[periods.length - 1];
    return (
      end ===
      period.firstEnd.getTime() + daysBetween(period.firstDay, day) * DAY_MS
    );
  };
  months.forEach((month, i) => {
    const monthFirst = `${month}-01`;
    const monthLast = lastDayOf(month);
    const lastEnd = monthStarts[i + 1].getTime();
    while (!fits(monthLast, lastEnd)) {
      const period = periods[periods.length - 1];
      // The first day of this month (or of the stretch) that does not fit.
      let low = period.firstDay > monthFirst ? period.firstDay : monthFirst;
      let high = monthLast;
      while (low < high) {
        const mid = plusDays(low, Math.floor(daysBetween(low, high) / 2));
        if (fits(mid, endOf(mid))) {
          low = plusDays(mid, 1);
        } else {
          high = mid;
        }
      }
      periods.push({ firstDay: low, firstEnd: new Date(endOf(low)) });
    }
  });
  return periods;
}

/**
 * The calendar of the months `from` to `to` (inclusive) in `zone`, on the
 * day `today` (`YYYY-MM-DD` in the zone).
 */
export function insightsCalendar(
  from: string,
  to: string,
  zone: string,
  today: string,
): InsightsCalendar {
  const first = monthIndex(from);
  const count = monthIndex(to) - first + 1;
  const months = Array.from({ length: count }, (_, i) =>
    monthOfIndex(first + i),
  );
  const monthStarts = Array.from({ length: count + 1 }, (_, i) => {
    const n = first + i;
    return DateTime.fromObject(
      { year: Math.floor(n / 12), month: (n % 12) + 1, day: 1 },
      { zone },
    ).toJSDate();
  });
  const quarters = [quarterOfMonth(from)];
  const quarterStarts: Date[] = [];
  for (let i = 1; i < count; i++) {
    if ((first + i) % 3 === 0) {
      quarters.push(quarterOfMonth(months[i]));
      quarterStarts.push(monthStarts[i]);
    }
  }
  const todayStart = DateTime.fromISO(today, { zone });
  const ageStart = (days: number) =>
    todayStart.minus({ days }).startOf('day').toJSDate();
  const firstDay = `${from}-01`;
  return {
    months,
    monthStarts,
    quarters,
    quarterStarts,
    firstDay,
    lastDay: lastDayOf(to),
    today,
    ageStarts: [ageStart(30), ageStart(90), ageStart(180)],
    ageDays: [
      plusDays(today, -30),
      plusDays(today, -90),
      plusDays(today, -180),
    ],
    duePeriods: duePeriodsOf(firstDay, months, monthStarts, zone),
  };
}
