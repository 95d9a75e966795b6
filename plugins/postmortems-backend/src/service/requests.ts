import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ListActionItemsQuery,
  fieldErrorsOfIssues,
  invalidRequest,
} from '@postmortems/backstage-plugin-postmortems-common';
import { ActionItemFilter } from '@postmortems/backstage-plugin-postmortems-node';
import { z } from 'zod';

/**
 * The parsed value, or a 400 that names each bad field, as data
 * (`error.fields`) and in the message
 * (`Invalid request: startedAt: must be an ISO 8601 timestamp with offset`).
 */
export function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const [first, ...rest] = fieldErrorsOfIssues(result.error.issues);
    throw invalidRequest(first, ...rest);
  }
  return result.data;
}

/** The item, or a `NotFoundError` (404) naming what was looked for. */
export function found<T>(
  item: T | undefined,
  what: 'Postmortem' | 'Action item' | 'Reading session',
  id: string,
): T {
  if (item === undefined) {
    throw new NotFoundError(`${what} ${id} not found`);
  }
  return item;
}

/**
 * Checks that the row a body refers to (a pick, a reading session) exists.
 * A foreign key would reject an unknown one with a database error (a 500);
 * checking first makes it the client's 400, naming the field.
 */
export async function referenced(
  field: string,
  id: string | null | undefined,
  get: (id: string) => Promise<unknown>,
  what: 'postmortem' | 'reading session',
): Promise<void> {
  if (id && !(await get(id))) {
    throw invalidRequest({
      field,
      message: `no ${what} ${id}`,
      code: 'not_found',
    });
  }
}

/** An action item list's query as the store's filter (plural names). */
export function actionItemFilterOf(
  query: ListActionItemsQuery,
): ActionItemFilter {
  const { entityRef, owner, status, ...rest } = query;
  return { ...rest, entityRefs: entityRef, owners: owner, statuses: status };
}

/**
 * Who made a request, as recorded in createdBy/updatedBy: the user's entity
 * ref, or the subject of a service (e.g. `plugin:catalog`).
 */
export function principalRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  return principal.subject ?? principal.type;
}

/** Lets the request through, or throws NotAllowedError (403). */
export async function authorize(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed: the permission ${permission.name} was denied`,
    );
  }
}
