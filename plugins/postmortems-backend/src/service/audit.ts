import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { PostmortemsStores } from '@postmortems/backstage-plugin-postmortems-node';
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

/**
 * Runs a write as an audit event of Backstage's auditor service: initiated
 * with `meta` (and the request, from which the auditor tells who asks),
 * then succeeded with what `resultMeta` adds to it (the ids written), or
 * failed with the error, which is thrown on. The one lifecycle of every
 * audited write: the routes', a data provider's and the purge's.
 */
export async function recordAuditEvent<R>(
  auditor: AuditorService,
  options: {
    eventId: AuditEventId;
    meta: JsonObject;
    request?: express.Request;
    severityLevel?: AuditorServiceEventSeverityLevel;
  },
  run: () => Promise<R>,
  resultMeta: (result: R) => JsonObject | void = () => undefined,
): Promise<R> {
  const { meta } = options;
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: options.severityLevel ?? 'medium',
    request: options.request,
    meta,
  });
  let result: R;
  try {
    result = await run();
  } catch (error) {
    await event.fail({ meta, error: error as Error });
    throw error;
  }
  await event.success({ meta: { ...meta, ...(resultMeta(result) ?? {}) } });
  return result;
}

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
  await recordAuditEvent(
    context.auditor,
    {
      eventId: options.eventId,
      meta: { actionType: options.actionType, ...options.meta },
      request: req,
      severityLevel: options.severityLevel,
    },
    async () => {
      const credentials = context.credentials(res);
      await authorize(context.permissions, credentials, options.permission);
      return run(credentials);
    },
    written => written,
  );
}

/**
 * The stores as a data provider (`postmortemsExtensionPoint`) writes
 * through them: each write an audit event of its own, as the API's are.
 * No request is behind it, so the provider's name says who wrote
 * (`provider` in the meta, beside the `by` the provider passes the store).
 * The reads go straight to the stores.
 */
export function auditedStores(
  stores: PostmortemsStores,
  auditor: AuditorService,
  provider: string,
): PostmortemsStores {
  function audit<A extends unknown[], R>(
    eventId: AuditEventId,
    actionType: string,
    write: (...args: A) => Promise<R>,
    metaOf: (args: A, result?: R) => JsonObject,
  ) {
    return (...args: A): Promise<R> =>
      recordAuditEvent(
        auditor,
        { eventId, meta: { actionType, provider, ...metaOf(args) } },
        () => write(...args),
        result => metaOf(args, result),
      );
  }
  const wrap = <T extends object>(store: T, methods: Partial<T>): T =>
    Object.assign(Object.create(store), methods);
  const { postmortems: pm, actionItems: ai, readingSessions: rs } = stores;
  const postmortemId = ([id]: [string, ...unknown[]]) => ({ postmortemId: id });
  const actionItemId = ([id]: [string, ...unknown[]]) => ({ actionItemId: id });
  return {
    ...stores,
    postmortems: wrap(pm, {
      createPostmortem: audit(
        'postmortem-mutate',
        'create',
        pm.createPostmortem.bind(pm),
        (_, created) => (created ? { postmortemId: created.id } : {}),
      ),
      importPostmortem: audit(
        'postmortem-mutate',
        'import',
        pm.importPostmortem.bind(pm),
        (_, outcome) => {
          if (!outcome) return {};
          return 'duplicateOf' in outcome
            ? { duplicateOf: outcome.duplicateOf }
            : { postmortemId: outcome.postmortem.id };
        },
      ),
      updatePostmortem: audit(
        'postmortem-mutate',
        'update',
        pm.updatePostmortem.bind(pm),
        postmortemId,
      ),
      deletePostmortem: audit(
        'postmortem-mutate',
        'delete',
        pm.deletePostmortem.bind(pm),
        postmortemId,
      ),
      restorePostmortem: audit(
        'postmortem-mutate',
        'restore',
        pm.restorePostmortem.bind(pm),
        postmortemId,
      ),
    }),
    actionItems: wrap(ai, {
      createActionItem: audit(
        'action-item-mutate',
        'create',
        ai.createActionItem.bind(ai),
        ([id], created) => ({
          postmortemId: id,
          ...(created ? { actionItemId: created.id } : {}),
        }),
      ),
      updateActionItem: audit(
        'action-item-mutate',
        'update',
        ai.updateActionItem.bind(ai),
        actionItemId,
      ),
      deleteActionItem: audit(
        'action-item-mutate',
        'delete',
        ai.deleteActionItem.bind(ai),
        actionItemId,
      ),
    }),
    readingSessions: wrap(rs, {
      createReadingSession: audit(
        'reading-session-mutate',
        'create',
        rs.createReadingSession.bind(rs),
        (_, created) => (created ? { readingSessionId: created.id } : {}),
      ),
      createReadingSessions: audit(
        'reading-session-mutate',
        'create-series',
        rs.createReadingSessions.bind(rs),
        (_, created) =>
          created ? { readingSessionIds: created.map(s => s.id) } : {},
      ),
      updateReadingSession: audit(
        'reading-session-mutate',
        'update',
        rs.updateReadingSession.bind(rs),
        ([id]) => ({ readingSessionId: id }),
      ),
    }),
  };
}
