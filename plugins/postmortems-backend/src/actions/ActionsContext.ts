import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  PostmortemTemplate,
  postmortemReadPermission,
} from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import { authorize } from '../service/requests';

/** What the actions share; built once by `registerPostmortemsActions`. */
export interface ActionsContext {
  stores: PostmortemsStores;
  permissions: PermissionsService;
  templates: PostmortemTemplate[];
  /** The IANA time zone that decides the month of a reading session. */
  timezone: string;
  clock: () => Date;
  /** The app's base URL (`app.baseUrl`), for links into the app. */
  appBaseUrl: string;
}

/**
 * Lets the caller read, or throws a NotAllowedError: every action only
 * reads, and answers what the caller could read through the API.
 */
export async function authorizeRead(
  context: ActionsContext,
  credentials: BackstageCredentials,
): Promise<void> {
  await authorize(context.permissions, credentials, postmortemReadPermission);
}

/** The value as a query parameter: the API's schemas parse query strings. */
export function queryValue(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
