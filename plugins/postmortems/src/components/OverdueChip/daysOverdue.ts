const DAY_MS = 24 * 60 * 60 * 1000;

/** Today as `YYYY-MM-DD` in the browser's time zone. */
function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/**
 * How many days an overdue item is late: today minus its due date, at least
 * one (the server calls it overdue from the day after it was due, in its
 * own time zone, which may be a day ahead of the browser's).
 */
export function daysOverdue(dueDate: string, now: Date = new Date()): number {
  const days = Math.round(
    (Date.parse(localToday(now)) - Date.parse(dueDate)) / DAY_MS,
  );
  return Math.max(1, days);
}
