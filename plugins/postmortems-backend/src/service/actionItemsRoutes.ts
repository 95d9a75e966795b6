import { InputError, NotFoundError } from '@backstage/errors';
import {
  actionItemCreatePermission,
  actionItemDeletePermission,
  actionItemUpdatePermission,
  createActionItemRequestSchema,
  idParamsSchema,
  listActionItemsQuerySchema,
  updateActionItemRequestSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Router } from 'express';
import { authorize, parse, principalRef } from './requests';
import { RouteContext } from './router';

/**
 * A foreign key would reject an unknown session with a database error (a
 * 500); checking first makes it the client's 400.
 */
async function checkReadingSession(
  context: RouteContext,
  readingSessionId: string | null | undefined,
) {
  if (
    readingSessionId &&
    !(await context.store.getReadingSession(readingSessionId))
  ) {
    throw new InputError(
      `Invalid request: readingSessionId: no reading session ${readingSessionId}`,
    );
  }
}

/** `/action-items` and `/postmortems/:id/action-items`. */
export function registerActionItemRoutes(
  router: Router,
  context: RouteContext,
) {
  const { store, permissions } = context;

  router.get('/action-items', async (req, res) => {
    const { entityRef, owner, status, ...rest } = parse(
      listActionItemsQuerySchema,
      req.query,
    );
    res.json(
      await store.listActionItems({
        ...rest,
        entityRefs: entityRef,
        owners: owner,
        statuses: status,
      }),
    );
  });

  router.get('/postmortems/:id/action-items', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    const { entityRef, owner, status, ...rest } = parse(
      listActionItemsQuerySchema,
      req.query,
    );
    if (!(await store.getPostmortem(id))) {
      throw new NotFoundError(`Postmortem ${id} not found`);
    }
    res.json(
      await store.listActionItems({
        ...rest,
        postmortemId: id,
        entityRefs: entityRef,
        owners: owner,
        statuses: status,
      }),
    );
  });

  router.post('/postmortems/:id/action-items', async (req, res) => {
    const credentials = context.credentials(res);
    await authorize(permissions, credentials, actionItemCreatePermission);
    const { id } = parse(idParamsSchema, req.params);
    const body = parse(createActionItemRequestSchema, req.body);
    await checkReadingSession(context, body.readingSessionId);
    const created = await store.createActionItem(
      id,
      body,
      principalRef(credentials),
    );
    res.status(201).json(created);
  });

  router.get('/action-items/:id', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    const item = await store.getActionItem(id);
    if (!item) {
      throw new NotFoundError(`Action item ${id} not found`);
    }
    res.json(item);
  });

  router.patch('/action-items/:id', async (req, res) => {
    const credentials = context.credentials(res);
    await authorize(permissions, credentials, actionItemUpdatePermission);
    const { id } = parse(idParamsSchema, req.params);
    const { version, ...patch } = parse(
      updateActionItemRequestSchema,
      req.body,
    );
    await checkReadingSession(context, patch.readingSessionId);
    res.json(
      await store.updateActionItem(
        id,
        version,
        patch,
        principalRef(credentials),
      ),
    );
  });

  router.delete('/action-items/:id', async (req, res) => {
    const credentials = context.credentials(res);
    await authorize(permissions, credentials, actionItemDeletePermission);
    const { id } = parse(idParamsSchema, req.params);
    await store.deleteActionItem(id);
    res.status(204).end();
  });
}
