/*
 * Calendar months as the insights API takes them (`YYYY-MM`), counted as
 * a month index (year × 12 + month − 1) so that ranges are plain
 * subtraction. Which month a moment is in depends on a time zone; these
 * count months by their labels alone.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * True for a month as `YYYY-MM`.
 *
 * @public
 */
export function isMonth(value: string | undefined): value is string {
  return value !== undefined && MONTH.test(value);
}

/**
 * The index of a month `YYYY-MM`: year × 12 + month − 1.
 *
 * @public
 */
export function monthIndex(month: string): number {
  const match = MONTH.exec(month);
  if (!match) throw new TypeError(`Not a month as YYYY-MM: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * The month `YYYY-MM` of a month index.
 *
 * @public
 */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(
    2,
    '0',
  )}`;
}

/**
 * The month `n` months after `month` (before it for a negative `n`).
 *
 * @public
 */
export function addMonths(month: string, n: number): string {
  return monthOfIndex(monthIndex(month) + n);
}

/**
 * How many months `from` to `to` cover, both included (0 or less: none).
 *
 * @public
 */
export function monthSpan(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/**
 * The quarter `YYYY-Qn` of a month `YYYY-MM`.
 *
 * @public
 */
export function quarterOfMonth(month: string): string {
  const index = monthIndex(month);
  return `${month.slice(0, 4)}-Q${Math.floor((index % 12) / 3) + 1}`;
}
