import { ResponseError } from '@backstage/errors';

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
 * Which form field a 400 from the API is about. The API names the field in
 * its message (`title: …`, `body/startedAt must …`, `"dueDate" …`); the
 * field named first wins. Nested paths such as `sections.summary` or
 * `sections/summary` match the field `sections.summary`.
 */
export function fieldOfError(
  error: unknown,
  fields: readonly string[],
): { field?: string; message: string } | undefined {
  if (!ResponseError.is(error) || error.statusCode !== 400) return undefined;
  const message = errorMessage(error);
  const normalised = message.replace(/[/[\]]+/g, '.');
  let best: { field: string; index: number } | undefined;
  // Longer names first so `sections.summary` wins over `sections`.
  for (const field of [...fields].sort((a, b) => b.length - a.length)) {
    const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(
      `(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`,
    ).exec(normalised);
    if (match && (!best || match.index < best.index)) {
      best = { field, index: match.index };
    }
  }
  return { field: best?.field, message };
}
