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
  found,
  parse,
  principalRef,
  referenced,
} from './requests';
import { audited } from './audit';
import { RouteContext } from './RouteContext';

/** `/action-items` and `/postmortems/:id/action-items`. */
export function registerActionItemRoutes(
  router: Router,
  context: RouteContext,
) {
  const { stores } = context;

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
    await audited(
      context,
      req,
      res,
      {
        eventId: 'action-item-mutate',
        actionType: 'create',
        meta: { postmortemId: req.params.id },
        permission: actionItemCreatePermission,
      },
      async credentials => {
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
        return { actionItemId: created.id };
      },
    );
  });

  router.get('/action-items/:id', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    res.json(
      found(await stores.actionItems.getActionItem(id), 'Action item', id),
    );
  });

  router.patch('/action-items/:id', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'action-item-mutate',
        actionType: 'update',
        meta: { actionItemId: req.params.id },
        permission: actionItemUpdatePermission,
      },
      async credentials => {
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
      },
    );
  });

  router.delete('/action-items/:id', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'action-item-mutate',
        actionType: 'delete',
        meta: { actionItemId: req.params.id },
        permission: actionItemDeletePermission,
      },
      async () => {
        const { id } = parse(idParamsSchema, req.params);
        await stores.actionItems.deleteActionItem(id);
        res.status(204).end();
      },
    );
  });
}
