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

/** The 400's usual form: `Invalid request: <field>: <message>; <field>: …`. */
const PREFIX = /^Invalid request: /;
const PART = /^([^\s:;]+): ([\s\S]*)$/;

/** `sections/summary` and `entityRefs[0]` read as `sections.summary`, `entityRefs.0`. */
function normalisePath(path: string): string {
  return path.replace(/[/[\]]+/g, '.').replace(/\.$/, '');
}

/**
 * The form fields a 400 from the API is about, each with the text to show
 * under it, or `undefined` when it names none (the caller then shows the
 * whole message above the form).
 *
 * The API names the field in its message (`title: …`, `body/startedAt
 * must …`, `"dueDate" …`). Where it uses its usual form, `Invalid request:
 * <field>: <message>; …`, each field gets just its own `<message>`: under
 * the field, its name would only repeat the label. Otherwise the field the
 * message names first gets the whole message. Nested paths such as
 * `sections.summary` or `sections/summary` match the field
 * `sections.summary`; `entityRefs.0` matches `entityRefs`.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> | undefined {
  if (!ResponseError.is(error) || error.statusCode !== 400) return undefined;
  const message = errorMessage(error);
  // Longer names first so `sections.summary` wins over `sections`.
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  const found: Partial<Record<F, string>> = {};

  for (const part of message.replace(PREFIX, '').split(/; (?=[^\s:;]+: )/)) {
    const match = PART.exec(part);
    if (!match) continue;
    const path = normalisePath(match[1]);
    const field = byLength.find(
      name => path === name || path.startsWith(`${name}.`),
    );
    // The first message about a field is the one to fix first.
    if (field && found[field] === undefined) found[field] = match[2];
  }
  if (Object.keys(found).length > 0) return found;

  const normalised = normalisePath(message);
  let best: { field: F; index: number } | undefined;
  for (const field of byLength) {
    const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(
      `(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`,
    ).exec(normalised);
    if (match && (!best || match.index < best.index)) {
      best = { field, index: match.index };
    }
  }
  if (!best) return undefined;
  found[best.field] = message;
  return found;
}
