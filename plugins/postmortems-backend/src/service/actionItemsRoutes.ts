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
import {
  actionItemFilterOf,
  authorize,
  found,
  parse,
  principalRef,
  referenced,
} from './requests';
import { RouteContext } from './RouteContext';

/** `/action-items` and `/postmortems/:id/action-items`. */
export function registerActionItemRoutes(
  router: Router,
  context: RouteContext,
) {
  const { stores, permissions } = context;

  router.get('/action-items', async (req, res) => {
    const query = parse(listActionItemsQuerySchema, req.query);
    res.json(
      await stores.actionItems.listActionItems(actionItemFilterOf(query)),
    );
  });

  router.get('/postmortems/:id/action-items', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    const query = parse(listActionItemsQuerySchema, req.query);
    found(await stores.postmortems.getPostmortem(id), 'Postmortem', id);
    res.json(
      await stores.actionItems.listActionItems({
        ...actionItemFilterOf(query),
        postmortemId: id,
      }),
    );
  });

  router.post('/postmortems/:id/action-items', async (req, res) => {
    const credentials = context.credentials(res);
    await authorize(permissions, credentials, actionItemCreatePermission);
    const { id } = parse(idParamsSchema, req.params);
    const body = parse(createActionItemRequestSchema, req.body);
    await referenced(
      'readingSessionId',
      body.readingSessionId,
      sessionId => stores.readingSessions.getReadingSession(sessionId),
      'reading session',
    );
    const created = await stores.actionItems.createActionItem(
      id,
      body,
      principalRef(credentials),
    );
    res.status(201).json(created);
  });

  router.get('/action-items/:id', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    res.json(
      found(await stores.actionItems.getActionItem(id), 'Action item', id),
    );
  });

  router.patch('/action-items/:id', async (req, res) => {
    const credentials = context.credentials(res);
    await authorize(permissions, credentials, actionItemUpdatePermission);
    const { id } = parse(idParamsSchema, req.params);
    const { version, ...patch } = parse(
      updateActionItemRequestSchema,
      req.body,
    );
    await referenced(
      'readingSessionId',
      patch.readingSessionId,
      sessionId => stores.readingSessions.getReadingSession(sessionId),
      'reading session',
    );
    res.json(
      await stores.actionItems.updateActionItem(
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
    await stores.actionItems.deleteActionItem(id);
    res.status(204).end();
  });
}
