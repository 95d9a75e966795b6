const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A timestamp in the reader's locale, date and time. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A date in the reader's locale; takes ISO timestamps and `YYYY-MM-DD`. */
export function formatDate(value: string, locale: string): string {
  // A bare date is a calendar day, not an instant: format it in UTC so a
  // reader west of Greenwich does not see the day before.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: dateOnly ? 'UTC' : undefined,
  }).format(new Date(dateOnly ? `${value}T00:00:00Z` : value));
}

/**
 * A length of time such as "2h 15m" / "2時間15分", in at most two units,
 * with Intl's unit names so each locale gets its own words.
 */
export function formatDuration(ms: number, locale: string): string {
  // CLDR's narrow Japanese units are Latin ("4h"); the short ones read
  // naturally ("4 時間") once the space is dropped, as Japanese writes them.
  const japanese = locale.startsWith('ja');
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => {
    const text = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: japanese ? 'short' : 'narrow',
    }).format(value);
    return japanese ? text.replace(/\s+/g, '') : text;
  };
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  const days = Math.floor(minutes / (DAY / MINUTE));
  const hours = Math.floor((minutes % (DAY / MINUTE)) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(unit(days, 'day'));
    if (hours > 0) parts.push(unit(hours, 'hour'));
  } else if (hours > 0) {
    parts.push(unit(hours, 'hour'));
    if (rest > 0) parts.push(unit(rest, 'minute'));
  } else {
    parts.push(unit(rest, 'minute'));
  }
  return parts.join(japanese ? '' : ' ');
}

/** The time between two timestamps, or undefined if either is missing. */
export function durationBetween(
  from?: string,
  to?: string,
): number | undefined {
  if (!from || !to) return undefined;
  return new Date(to).getTime() - new Date(from).getTime();
}

/** "3 days ago" / "3 日前", in the largest unit that fits. */
export function formatRelative(
  iso: string,
  locale: string,
  now: Date = new Date(),
): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (abs < 30 * DAY) return format.format(Math.round(diff / DAY), 'day');
  if (abs < 365 * DAY) {
    return format.format(Math.round(diff / (30 * DAY)), 'month');
  }
  return format.format(Math.round(diff / (365 * DAY)), 'year');
}

/**
 * A list's total as shown: the count, or "1000+" when the API stopped
 * counting at its cap (`totalCountCapped`).
 */
export function formatTotal(page: {
  totalCount: number;
  totalCountCapped?: boolean;
}): string {
  return page.totalCountCapped
    ? `${page.totalCount}+`
    : String(page.totalCount);
}

/**
 * A calendar month (`YYYY-MM`) as the reader's language writes it: "Mar
 * 2026", "2026年3月". A month is not an instant, so it is formatted in UTC.
 */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A share from 0 to 1 as a percentage: "25%", "33.3%". */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** A number of days, such as a median: "12.5 days", "12.5日". */
export function formatDays(days: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(days);
  // As in formatDuration: Japanese writes a unit without the space.
  return locale.startsWith('ja') ? text.replace(/\s+/g, '') : text;
}
