import {
  DEFAULT_TEMPLATE_ID,
  Postmortem,
  createPostmortemRequestSchema,
  idParamsSchema,
  incidentTimesError,
  invalidRequest,
  listPostmortemsQuerySchema,
  postmortemCreatePermission,
  postmortemDeletePermission,
  postmortemUpdatePermission,
  updatePostmortemRequestSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { Router } from 'express';
import { z } from 'zod';
import { PostmortemInput } from '@postmortems/backstage-plugin-postmortems-node';
import { found, parse, principalRef } from './requests';
import { audited } from './audit';
import { RouteContext } from './RouteContext';
import { checkSections } from './templates';

/**
 * The rules that span fields, checked on the postmortem as it would be after
 * a change, so that a PATCH of one time or of the sections alone is checked
 * against what is stored.
 */
export function checkPostmortem(
  context: Pick<RouteContext, 'templates'>,
  postmortem: PostmortemInput,
) {
  checkSections(context.templates, postmortem.template, postmortem.sections);
  const timesError = incidentTimesError(postmortem);
  if (timesError) {
    throw invalidRequest(timesError);
  }
}

/** A parsed create body with the defaults of what it leaves out. */
export function postmortemInputOf(
  body: z.output<typeof createPostmortemRequestSchema>,
): PostmortemInput {
  return {
    ...body,
    status: body.status ?? 'draft',
    template: body.template ?? DEFAULT_TEMPLATE_ID,
    sections: body.sections ?? {},
    timeline: body.timeline ?? [],
    tags: body.tags ?? [],
    authors: body.authors ?? [],
  };
}

async function livePostmortem(
  context: RouteContext,
  id: string,
): Promise<Postmortem> {
  return found(
    await context.stores.postmortems.getPostmortem(id),
    'Postmortem',
    id,
  );
}

/** `/postmortems` and below, except action items. */
export function registerPostmortemRoutes(
  router: Router,
  context: RouteContext,
) {
  const { stores } = context;

  router.get('/postmortems', async (req, res) => {
    const query = parse(listPostmortemsQuerySchema, req.query);
    const { entityRef, ...filter } = query;
    res.json(
      await stores.postmortems.listPostmortems({
        ...filter,
        entityRefs: entityRef,
      }),
    );
  });

  router.post('/postmortems', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'postmortem-mutate',
        actionType: 'create',
        permission: postmortemCreatePermission,
      },
      async credentials => {
        const input = postmortemInputOf(
          parse(createPostmortemRequestSchema, req.body),
        );
        checkPostmortem(context, input);
        const created = await stores.postmortems.createPostmortem(
          input,
          principalRef(credentials),
        );
        res.status(201).json(created);
        return { postmortemId: created.id };
      },
    );
  });

  router.get('/postmortems/:id', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    res.json(await livePostmortem(context, id));
  });

  router.patch('/postmortems/:id', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'postmortem-mutate',
        actionType: 'update',
        meta: { postmortemId: req.params.id },
        permission: postmortemUpdatePermission,
      },
      async credentials => {
        const { id } = parse(idParamsSchema, req.params);
        const { version, ...patch } = parse(
          updatePostmortemRequestSchema,
          req.body,
        );
        const current = await livePostmortem(context, id);
        // The store rejects a stale version too, atomically; checking here first
        // lets the cross-field rules below run against the version the client saw.
        if (current.version === version) {
          checkPostmortem(context, {
            ...current,
            ...(patch as Partial<PostmortemInput>),
          });
        }
        const updated = await stores.postmortems.updatePostmortem(
          id,
          version,
          patch,
          principalRef(credentials),
        );
        res.json(updated);
      },
    );
  });

  router.delete('/postmortems/:id', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'postmortem-mutate',
        actionType: 'delete',
        meta: { postmortemId: req.params.id },
        permission: postmortemDeletePermission,
      },
      async credentials => {
        const { id } = parse(idParamsSchema, req.params);
        await stores.postmortems.deletePostmortem(
          id,
          principalRef(credentials),
        );
        res.status(204).end();
      },
    );
  });

  router.post('/postmortems/:id/restore', async (req, res) => {
    await audited(
      context,
      req,
      res,
      {
        eventId: 'postmortem-mutate',
        actionType: 'restore',
        meta: { postmortemId: req.params.id },
        permission: postmortemUpdatePermission,
      },
      async credentials => {
        const { id } = parse(idParamsSchema, req.params);
        res.json(
          await stores.postmortems.restorePostmortem(
            id,
            principalRef(credentials),
          ),
        );
      },
    );
  });

  router.get('/postmortems/:id/revisions', async (req, res) => {
    const { id } = parse(idParamsSchema, req.params);
    await livePostmortem(context, id);
    const items = await stores.postmortems.listRevisions(id);
    res.json({ items, totalCount: items.length });
  });
}
