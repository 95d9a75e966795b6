import {
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import express from 'express';
import { authorize } from './requests';
import { RouteContext } from './RouteContext';

/**
 * The audit events of the plugin's writes, named as Backstage's own
 * plugins name theirs (the catalog's `entity-mutate`): one event per kind
 * of resource, `actionType` in its meta telling which write.
 */
export type AuditEventId =
  | 'postmortem-mutate'
  | 'action-item-mutate'
  | 'reading-session-mutate';

/** What an audited write is, before it runs. */
export interface AuditOptions {
  eventId: AuditEventId;
  /** `create`, `update`, `delete`, `restore`, `import` … */
  actionType: string;
  /** The resource written, as far as the request names it. */
  meta?: JsonObject;
  /** The permission the write needs (a denial is a failed event). */
  permission: BasicPermission;
  /** Default `medium`: a write endpoint. */
  severityLevel?: AuditorServiceEventSeverityLevel;
}

/**
 * Runs a write route's work, given the caller's credentials once its
 * permission is granted, as an audit event of Backstage's auditor service:
 * initiated with who asks (the auditor reads the request's credentials),
 * what and which resource; then succeeded, with what `run` returns added
 * to its meta (the ids written), or failed with the error (a refused
 * permission, bad input, a conflict), which is thrown on.
 */
export async function audited(
  context: RouteContext,
  req: express.Request,
  res: express.Response,
  options: AuditOptions,
  run: (credentials: BackstageCredentials) => Promise<JsonObject | void>,
): Promise<void> {
  const meta: JsonObject = {
    actionType: options.actionType,
    ...options.meta,
  };
  const event = await context.auditor.createEvent({
    eventId: options.eventId,
    severityLevel: options.severityLevel ?? 'medium',
    request: req,
    meta,
  });
  let written: JsonObject | void;
  try {
    const credentials = context.credentials(res);
    await authorize(context.permissions, credentials, options.permission);
    written = await run(credentials);
  } catch (error) {
    await event.fail({ meta, error: error as Error });
    throw error;
  }
  await event.success({ meta: { ...meta, ...(written ?? {}) } });
}
