/*
 * Calendar months as the insights API takes them (`YYYY-MM`), counted as
 * a month index (year × 12 + month − 1) so ranges are plain subtraction.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month as `YYYY-MM`. */
export function isMonth(value: string | undefined): value is string {
  return value !== undefined && MONTH.test(value);
}

function monthIndex(month: string): number {
  const [, year, m] = MONTH.exec(month)!;
  return Number(year) * 12 + Number(m) - 1;
}

function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(
    2,
    '0',
  )}`;
}

/** The month `n` months after `month` (before it for a negative `n`). */
export function addMonths(month: string, n: number): string {
  return monthOfIndex(monthIndex(month) + n);
}

/** How many months `from` to `to` cover, both included (0 or less: none). */
export function monthSpan(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/** The month of a moment on the browser's calendar. */
export function monthOf(date: Date): string {
  return monthOfIndex(date.getFullYear() * 12 + date.getMonth());
}

/** The year and quarter number of `2026-Q4`, or undefined for another text. */
export function parseQuarter(
  quarter: string,
): { year: string; quarter: string } | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return match ? { year: match[1], quarter: match[2] } : undefined;
}
