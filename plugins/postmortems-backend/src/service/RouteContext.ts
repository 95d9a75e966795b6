import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { PostmortemTemplate } from '@postmortems/backstage-plugin-postmortems-common';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
import express from 'express';

/** What the route modules share; built once by `createRouter`. */
export interface RouteContext {
  stores: PostmortemsStores;
  permissions: PermissionsService;
  templates: PostmortemTemplate[];
  /** The IANA time zone that decides the month of a reading session. */
  timezone: string;
  clock: () => Date;
  /** The app's base URL (`app.baseUrl`), for links into the app. */
  appBaseUrl: string;
  logger: LoggerService;
  /** Records every write as an audit event (see `audit.ts`). */
  auditor: AuditorService;
  /** The credentials the authentication middleware found. */
  credentials(res: express.Response): BackstageCredentials;
}
