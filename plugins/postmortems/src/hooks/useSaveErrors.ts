import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { FieldError } from '@postmortems/backstage-plugin-postmortems-common';
import { useCallback, useState } from 'react';
import { errorMessage, fieldErrorsOf, isConflict } from '../lib/errors';
import { postmortemsTranslationRef } from '../translation';

/** The fields a message may name, by their labels in the form. */
const FIELD_LABELS = {
  startedAt: 'form.startedAt',
  detectedAt: 'form.detectedAt',
  mitigatedAt: 'form.mitigatedAt',
  resolvedAt: 'form.resolvedAt',
  title: 'form.title',
} as const;

/**
 * Says a field error in the reader's language, by its `code`: the API's
 * words are English and name fields as the code does (`startedAt`), so a
 * known code gets our text, naming a field by its label; an unknown one
 * keeps the API's text.
 */
export function useFieldErrorText(): (fieldError: FieldError) => string {
  const { t } = useTranslationRef(postmortemsTranslationRef);
  return useCallback(
    ({ code, params = {}, message }: FieldError) => {
      const value = (key: string) => String(params[key] ?? '');
      switch (code) {
        case 'too_small':
          return Number(params.minimum) <= 1
            ? t('form.required')
            : t('validation.tooSmall', { minimum: value('minimum') });
        case 'too_big':
          return t('validation.tooLong', { maximum: value('maximum') });
        case 'not_before': {
          const label =
            FIELD_LABELS[value('field') as keyof typeof FIELD_LABELS];
          return t('validation.notBefore', {
            field: label ? t(label) : value('field'),
          });
        }
        case 'timestamp':
          return t('validation.timestamp');
        case 'date':
          return t('validation.date');
        case 'url':
          return t('validation.url');
        case 'entity_ref':
          return t('validation.entityRef', { example: value('example') });
        case 'unknown_field':
          return t('validation.unknownField');
        case 'unknown_template':
          return t('validation.unknownTemplate', {
            template: value('template'),
          });
        case 'unknown_section':
          return t('validation.unknownSection', {
            template: value('template'),
          });
        case 'not_found':
          return t('validation.notFound');
        case 'invalid_value':
          return t('validation.invalidValue');
        default:
          return message;
      }
    },
    [t],
  );
}

/** Where a failed save was reported. */
export type SaveFailure = 'conflict' | 'fields' | 'form';

/**
 * What went wrong with a form's last save, in the three places the forms
 * show it: a conflict (409) with its reload, a 400 under each field it
 * names (in the reader's language), anything else above the form.
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
  const fieldErrorText = useFieldErrorText();
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
    const found = fieldErrorsOf(error, options.fields, fieldErrorText);
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
