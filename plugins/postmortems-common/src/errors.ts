/*
 * The one format of a rejected request. A 400 of the postmortems API is
 * Backstage's usual error body, whose `error` also carries `fields`: where
 * in the request each problem is (a dotted path into the body or query,
 * `startedAt`, `sections.summary`, `entityRefs.0`, or `body` for the body
 * as a whole) and what is wrong there. The message says the same in one line
 * for people and logs: `Invalid request: startedAt: must be …; title: …`.
 */

import { ConflictError, InputError, ResponseError } from '@backstage/errors';
import { z } from 'zod';

/**
 * One problem of a rejected request.
 *
 * @public
 */
export const fieldErrorSchema = z
  .object({
    field: z
      .string()
      .describe(
        'A dotted path into the body or query, e.g. `sections.summary`',
      ),
    message: z.string(),
    code: z
      .string()
      .optional()
      .describe(
        'What is wrong, stable for clients to translate: zod’s issue code (`too_small`, `too_big`, `invalid_value` …) or one of ours (`not_before`, `timestamp`, `date`, `uuid`, `url`, `entity_ref`, `unknown_field`, `unknown_template`, `unknown_section`, `not_found`, `cursor`, `malformed_body`)',
      ),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe(
        'Values the message names, e.g. `{ "field": "startedAt" }` for `not_before`, `{ "maximum": 200 }` for `too_big`',
      ),
  })
  .strict();

/**
 * One problem of a rejected request.
 *
 * @public
 */
export type FieldError = z.output<typeof fieldErrorSchema>;

/**
 * An `InputError` (a 400) that names its fields. Backstage's error handler
 * serializes the error's own properties, so `fields` reaches the client as
 * `body.error.fields`.
 *
 * @public
 */
export type InvalidRequestError = InputError & { fields: FieldError[] };

/**
 * The error that rejects a request for the given fields.
 *
 * @public
 */
export function invalidRequest(
  ...fields: [FieldError, ...FieldError[]]
): InvalidRequestError {
  const message = fields.map(f => `${f.field}: ${f.message}`).join('; ');
  return Object.assign(new InputError(`Invalid request: ${message}`), {
    fields,
  });
}

/**
 * A `ConflictError` (a 409) about the given fields: the request is valid,
 * but clashes with what is stored (a month that already has a session).
 * Like a 400, it carries `fields`, so that a client tells it apart from a
 * stale version and shows it at the field, without reading the message.
 *
 * @public
 */
export function conflictAt(
  message: string,
  ...fields: [FieldError, ...FieldError[]]
): ConflictError & { fields: FieldError[] } {
  return Object.assign(new ConflictError(message), { fields });
}

type IssueParams = Record<string, string | number>;

/** What a message names, of zod's own issue properties. */
function paramsOfIssue(issue: {
  minimum?: unknown;
  maximum?: unknown;
}): IssueParams | undefined {
  const params: IssueParams = {};
  for (const key of ['minimum', 'maximum'] as const) {
    const value = issue[key];
    if (typeof value === 'number' || typeof value === 'bigint') {
      params[key] = Number(value);
    }
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/**
 * The field errors of zod's issues (zod 3 and 4 describe issues alike);
 * an unknown key is an error of its own field. Each gets a `code` to
 * translate: our refinements give theirs in `params.code` (with the values
 * their message names beside it), other issues keep zod's code.
 *
 * @public
 */
export function fieldErrorsOfIssues(
  issues: ReadonlyArray<{
    path: ReadonlyArray<PropertyKey>;
    message: string;
    code?: string;
    keys?: ReadonlyArray<string>;
    params?: Record<string, unknown>;
    minimum?: unknown;
    maximum?: unknown;
  }>,
): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map(key => ({
        field: [...path, key].join('.'),
        message: 'unknown field',
        code: 'unknown_field',
      }));
    }
    const { code: ownCode, ...own } = issue.params ?? {};
    const params =
      typeof ownCode === 'string'
        ? (Object.fromEntries(
            Object.entries(own).filter(
              ([, v]) => typeof v === 'string' || typeof v === 'number',
            ),
          ) as IssueParams)
        : paramsOfIssue(issue);
    const code = typeof ownCode === 'string' ? ownCode : issue.code;
    return [
      {
        field: path.join('.') || 'body',
        message: issue.message,
        ...(code ? { code } : {}),
        ...(params && Object.keys(params).length > 0 ? { params } : {}),
      },
    ];
  });
}

/**
 * The fields a 400 of the postmortems API names (or, with `status: 409`, a
 * conflict made by {@link conflictAt}), read from the error body;
 * `undefined` for any other error.
 *
 * @public
 */
export function fieldErrorsOfResponse(
  error: unknown,
  status: 400 | 409 = 400,
): FieldError[] | undefined {
  if (!ResponseError.is(error) || error.statusCode !== status) {
    return undefined;
  }
  const fields = (error.body?.error as { fields?: unknown } | undefined)
    ?.fields;
  if (!Array.isArray(fields)) {
    return undefined;
  }
  return fields.filter(
    (f): f is FieldError =>
      typeof f?.field === 'string' &&
      typeof f?.message === 'string' &&
      (f.code === undefined || typeof f.code === 'string'),
  );
}

/**
 * Backstage's error body, as every error of the postmortems API has it;
 * a 400, and a 409 about a field, add `error.fields`.
 *
 * @public
 */
export const errorResponseBodySchema = z
  .object({
    error: z
      .object({
        name: z.string(),
        message: z.string(),
        fields: z
          .array(fieldErrorSchema)
          .optional()
          .describe('On a 400: each field of the request that is wrong'),
      })
      .loose(),
    request: z.object({ method: z.string(), url: z.string() }).optional(),
    response: z.object({ statusCode: z.number().int() }),
  })
  .describe('Backstage’s error body');
