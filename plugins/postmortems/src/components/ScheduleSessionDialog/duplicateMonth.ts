import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { fieldErrorsOfResponse } from '@postmortems/backstage-plugin-postmortems-common';
import { useLanguage } from '../../hooks/useLanguage';
import { postmortemsTranslationRef } from '../../translation';

/**
 * Whether a save was refused because the group already meets that month:
 * a 409 whose `fields` say so (a stale version's 409 names no field).
 */
export function isDuplicateMonth(error: unknown): boolean {
  return (
    fieldErrorsOfResponse(error, 409)?.some(
      f => f.field === 'scheduledAt' && f.code === 'one_per_month',
    ) ?? false
  );
}

/**
 * The message for the date field when the month of `at` already has a
 * session: the month as the reader says it, in the time zone that decides
 * months (the browser's when not given).
 */
export function useDuplicateMonthText(): (
  at: string,
  timeZone?: string,
) => string {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  const language = useLanguage();
  return (at, timeZone) =>
    t('sessionPlanning.duplicateMonth', {
      month: new Intl.DateTimeFormat(language, {
        year: 'numeric',
        month: 'long',
        timeZone,
      }).format(new Date(at)),
    });
}
