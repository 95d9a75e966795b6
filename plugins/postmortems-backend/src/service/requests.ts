import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { describeValidationError } from '@postmortems/backstage-plugin-postmortems-common';
import { z } from 'zod';

/**
 * The parsed value, or an InputError (400) that names each bad field:
 * `Invalid request: startedAt: must be an ISO 8601 timestamp with offset`.
 */
export function parse<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `Invalid request: ${describeValidationError(result.error)}`,
    );
  }
  return result.data;
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
