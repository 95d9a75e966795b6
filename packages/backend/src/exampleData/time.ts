/* Dates of the example data, relative to "now". */

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export function iso(date: Date): string {
  return date.toISOString();
}

/** A day as YYYY-MM-DD, `days` from `now` (negative: in the past). */
export function dueIn(now: Date, days: number): string {
  return iso(new Date(now.getTime() + days * DAY)).slice(0, 10);
}

/** 16:00 in Tokyo (07:00 UTC) on the given UTC calendar day. */
export function tokyoAfternoon(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day, 7, 0, 0));
}
