/** The calendar day of `at` in `timeZone` (the browser's when absent). */
function dayIn(at: Date, timeZone?: string): string {
  // en-CA writes dates as YYYY-MM-DD, which compare as strings.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * Whether a session's day has come in the configured time zone: from then
 * on it can be marked as held, not days before.
 */
export function sessionDayHasCome(
  scheduledAt: string,
  timeZone: string | undefined,
  now: Date = new Date(),
): boolean {
  return dayIn(now, timeZone) >= dayIn(new Date(scheduledAt), timeZone);
}
