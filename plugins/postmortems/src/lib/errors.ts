import { ResponseError } from '@backstage/errors';
import {
  FieldError,
  fieldErrorsOfResponse,
} from '@postmortems/backstage-plugin-postmortems-common';

/** Whether an error is the API's 409: someone else changed the record. */
export function isConflict(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 409;
}

/** The message of an error, preferring the server's own words. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The form fields a 400 from the API is about, each with the text to show
 * under it, or `undefined` when it names none of them (the caller then shows
 * the whole message above the form).
 *
 * The API names the fields as data (`error.fields`, see
 * `fieldErrorsOfResponse`); under a field only its own message is shown,
 * since its name would repeat the label. A nested path such as
 * `sections.summary` matches that field, and `entityRefs.0` matches
 * `entityRefs`; the first message about a field is the one to fix first.
 * `text` says each in the reader's language (see `useFieldErrorText`).
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  text: (fieldError: FieldError) => string = fieldError => fieldError.message,
): Partial<Record<F, string>> | undefined {
  const found = placeFieldErrors(
    fieldErrorsOfResponse(error) ?? [],
    fields,
    text,
  );
  return Object.keys(found).length > 0 ? found : undefined;
}

/**
 * Field errors (the API's, or the form's own check with the same schemas)
 * under the form fields they are about.
 */
export function placeFieldErrors<F extends string>(
  fieldErrors: readonly FieldError[],
  fields: readonly F[],
  text: (fieldError: FieldError) => string,
): Partial<Record<F, string>> {
  // Longer names first so `sections.summary` wins over `sections`.
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  const found: Partial<Record<F, string>> = {};
  for (const fieldError of fieldErrors) {
    const path = fieldError.field;
    const field = byLength.find(
      name => path === name || path.startsWith(`${name}.`),
    );
    if (field && found[field] === undefined) found[field] = text(fieldError);
  }
  return found;
}
