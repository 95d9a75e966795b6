import { useCallback, useState } from 'react';
import { errorMessage, fieldErrorsOf, isConflict } from '../lib/errors';

/** Where a failed save was reported. */
export type SaveFailure = 'conflict' | 'fields' | 'form';

/**
 * What went wrong with a form's last save, in the three places the forms
 * show it: a conflict (409) with its reload, a 400 under each field it
 * names, anything else above the form.
 */
export function useSaveErrors<F extends string>(options: {
  /** The fields a 400 may name. */
  fields: readonly F[];
  /**
   * Whether a 409 is a conflict to reload. A create has no version to be
   * stale, so there it is shown as any other message.
   */
  conflicts?: boolean;
}) {
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>(
    {},
  );

  /** Forgets the last attempt's errors: before a save, after a reload. */
  const clear = useCallback(() => {
    setConflict(false);
    setFormError(undefined);
    setFieldErrors({});
  }, []);

  /** Shows why a save failed, and says where. */
  const fail = (error: unknown): SaveFailure => {
    if (options.conflicts !== false && isConflict(error)) {
      setConflict(true);
      return 'conflict';
    }
    const found = fieldErrorsOf(error, options.fields);
    if (found) {
      setFieldErrors(found);
      return 'fields';
    }
    setFormError(errorMessage(error));
    return 'form';
  };

  return {
    conflict,
    formError,
    fieldErrors,
    setFormError,
    setFieldErrors,
    clear,
    fail,
  };
}
