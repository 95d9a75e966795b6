import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useLanguage } from '../../hooks/useLanguage';
import { postmortemsTranslationRef } from '../../translation';

// The backend's words for its one-session-a-month guard (a 409, like a
// stale version, which is told apart by them).
const DUPLICATE_MONTH = /already has a reading session in \d{4}-\d{2}/;

/** Whether a save was refused because the group already meets that month. */
export function isDuplicateMonth(error: unknown): boolean {
  return (
    ResponseError.is(error) &&
    error.statusCode === 409 &&
    DUPLICATE_MONTH.test(error.body?.error?.message ?? '')
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
