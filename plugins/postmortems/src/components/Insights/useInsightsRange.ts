import {
  INSIGHTS_MAX_MONTHS,
  addMonths,
  isMonth,
  monthSpan,
} from '@postmortems/backstage-plugin-postmortems-common';
import { useMemo } from 'react';
import { useQueryParams } from '../../hooks/useQueryParams';
import { monthOf } from '../../lib/months';

/** The ranges to choose from: the last 6, 12 or 24 months, or any. */
export const RANGE_CHOICES = ['6', '12', '24', 'custom'] as const;

export type RangeChoice = (typeof RANGE_CHOICES)[number];

const DEFAULT_CHOICE: RangeChoice = '12';

const RANGE_KEYS = ['range', 'from', 'to'] as const;

/** Why a custom range cannot be asked for, per field. */
export type RangeError = 'month' | 'notBefore' | 'tooLong';

/**
 * The range of the insights, kept in the URL (`?range=6`, or
 * `?range=custom&from=2026-01&to=2026-06`) like the lists' filters, so a
 * view can be shared and survives a reload. The default, the last 12
 * months, leaves the URL as it is.
 *
 * "The last n months" are asked as such (`months=n`): the API ends them
 * with this month of its own zone, which differs from the browser's only
 * in the hours around midnight at the turn of a month; the months shown
 * while choosing a custom range are the browser's.
 */
export function useInsightsRange(now: Date = new Date()) {
  const params = useQueryParams(RANGE_KEYS);
  const chosen = params.value('range');
  const choice: RangeChoice =
    RANGE_CHOICES.find(c => c === chosen) ?? DEFAULT_CHOICE;
  const thisMonth = monthOf(now);
  const fromParam = params.value('from');
  const toParam = params.value('to');

  const range = useMemo(() => {
    if (choice !== 'custom') {
      const months = Number(choice);
      return {
        from: addMonths(thisMonth, -(months - 1)),
        to: thisMonth,
        errors: {} as { from?: RangeError; to?: RangeError },
      };
    }
    const errors: { from?: RangeError; to?: RangeError } = {};
    if (!isMonth(fromParam)) errors.from = 'month';
    if (!isMonth(toParam)) errors.to = 'month';
    if (isMonth(fromParam) && isMonth(toParam)) {
      const span = monthSpan(fromParam, toParam);
      if (span < 1) errors.to = 'notBefore';
      else if (span > INSIGHTS_MAX_MONTHS) errors.from = 'tooLong';
    }
    return { from: fromParam ?? '', to: toParam ?? '', errors };
  }, [choice, thisMonth, fromParam, toParam]);

  const { set } = params;
  const valid = !range.errors.from && !range.errors.to;
  return {
    choice,
    from: range.from,
    to: range.to,
    errors: range.errors,
    /** The range to ask for; undefined while a custom one is invalid. */
    query: useMemo(() => {
      if (!valid) return undefined;
      return choice === 'custom'
        ? { from: range.from, to: range.to }
        : { months: Number(choice) };
    }, [valid, choice, range.from, range.to]),
    /** A custom range starts as the range shown, to be adjusted. */
    choose: (next: RangeChoice) =>
      set(
        next === 'custom'
          ? { range: next, from: range.from, to: range.to }
          : {
              range: next === DEFAULT_CHOICE ? undefined : next,
              from: undefined,
              to: undefined,
            },
      ),
    /** Edits one end of a custom range, without a history entry each time. */
    setMonth: (end: 'from' | 'to', month: string) =>
      set({ [end]: month }, { replace: true }),
  };
}
