/*
 * Calendar months of the browser (the arithmetic of `YYYY-MM` months is
 * the common package's).
 */

import { monthOfIndex } from '@postmortems/backstage-plugin-postmortems-common';

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
