/*
 * The action item: what a client sends, the filters of the lists, and what
 * the server answers.
 */

import { z } from 'zod';
import { ACTION_ITEM_KINDS, ACTION_ITEM_STATUSES, PRIORITIES } from '../enums';
import {
  booleanFlagSchema,
  dateSchema,
  entityRefSchema,
  entityRefValue,
  httpUrlSchema,
  markdown,
  ownerRefSchema,
  pageFields,
  recordFields,
  repeatable,
  text,
  timestampValue,
  uuidSchema,
  versionSchema,
} from './fields';

const actionItemFields = {
  title: text(300).optional(),
  description: markdown().nullable().optional(),
  owner: ownerRefSchema
    .nullable()
    .optional()
    .describe('A user or group ref with kind (`group:sre`)'),
  dueDate: dateSchema.nullable().optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  kind: z.enum(ACTION_ITEM_KINDS).optional(),
  externalUrl: httpUrlSchema.nullable().optional(),
  readingSessionId: uuidSchema.nullable().optional(),
};

/**
 * The body of `POST /postmortems/:id/action-items`.
 *
 * @public
 */
export const createActionItemRequestSchema = z
  .object({ ...actionItemFields, title: text(300) })
  .strict();

/**
 * The body of `POST /postmortems/:id/action-items`.
 *
 * @public
 */
export type CreateActionItemRequest = z.input<
  typeof createActionItemRequestSchema
>;

/**
 * The body of `PATCH /action-items/:id`.
 *
 * @public
 */
export const updateActionItemRequestSchema = z
  .object({ ...actionItemFields, version: versionSchema })
  .strict();

/**
 * The body of `PATCH /action-items/:id`.
 *
 * @public
 */
export type UpdateActionItemRequest = z.input<
  typeof updateActionItemRequestSchema
>;

/**
 * The query of `GET /action-items`, `GET /postmortems/:id/action-items`
 * and `GET /reading-sessions/:id/action-items`.
 *
 * @public
 */
export const listActionItemsQuerySchema = z
  .object({
    entityRef: repeatable(entityRefSchema)
      .optional()
      .describe('Of postmortems about any of these entities (repeatable)'),
    owner: repeatable(ownerRefSchema)
      .optional()
      .describe('Owned by any of these users or groups (repeatable)'),
    status: repeatable(z.enum(ACTION_ITEM_STATUSES))
      .optional()
      .describe('In any of these statuses (repeatable)'),
    priority: repeatable(z.enum(PRIORITIES))
      .optional()
      .describe('Of any of these priorities (repeatable)'),
    overdue: booleanFlagSchema
      .optional()
      .describe('`true`: only open ones due before today'),
    ...pageFields,
  })
  .strict();

/**
 * Filters of the action item lists, as the client gives them.
 *
 * @public
 */
export type ListActionItemsQuery = z.output<typeof listActionItemsQuerySchema>;

/**
 * An action item as the API returns it.
 *
 * @public
 */
export const actionItemSchema = z
  .object({
    ...recordFields,
    postmortemId: z.string().meta({ format: 'uuid' }),
    title: z.string(),
    description: z.string().optional(),
    owner: entityRefValue.optional(),
    dueDate: z.string().meta({ format: 'date' }).optional(),
    status: z.enum(ACTION_ITEM_STATUSES),
    priority: z.enum(PRIORITIES),
    kind: z.enum(ACTION_ITEM_KINDS),
    externalUrl: z.string().meta({ format: 'uri' }).optional(),
    readingSessionId: z.string().meta({ format: 'uuid' }).optional(),
    completedAt: timestampValue.optional(),
    overdue: z.boolean().describe('Not done/won’t do and due before today'),
    entityRefs: z
      .array(entityRefValue)
      .describe('The entities of its postmortem'),
    postmortemTitle: z.string(),
  })
  .strict();

/**
 * An action item as the API returns it.
 *
 * @public
 */
export type ActionItem = z.output<typeof actionItemSchema>;
