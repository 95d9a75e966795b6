/*
 * The OpenAPI document of the postmortems API, generated from the zod
 * schemas of `@postmortems/backstage-plugin-postmortems-common` that the
 * routes validate with: a shape is written once, and the document follows.
 * `yarn workspace @postmortems/backstage-plugin-postmortems-backend
 * openapi:generate` writes it to `openapi.yaml`; a test fails while that
 * file differs from what this module builds.
 */

import {
  actionItemSchema,
  createActionItemRequestSchema,
  createPostmortemRequestSchema,
  createReadingSessionRequestSchema,
  currentReadingSessionQuerySchema,
  currentReadingSessionResponseSchema,
  errorResponseBodySchema,
  listActionItemsQuerySchema,
  listPostmortemsQuerySchema,
  listReadingSessionsQuerySchema,
  pageSchema,
  postmortemRevisionSchema,
  postmortemSchema,
  postmortemSnapshotSchema,
  postmortemTemplateSchema,
  readingSessionSchema,
  readingSessionSuggestionSchema,
  readingSessionSuggestionsQuerySchema,
  readingSessionSuggestionsResponseSchema,
  revisionsResponseSchema,
  suggestionReasonSchema,
  templatesResponseSchema,
  updateActionItemRequestSchema,
  updatePostmortemRequestSchema,
  updateReadingSessionRequestSchema,
} from '@postmortems/backstage-plugin-postmortems-common';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const healthResponseSchema = z.object({ status: z.literal('ok') }).strict();

/** The named shapes: `components.schemas`, referenced wherever used. */
const COMPONENTS = {
  Error: errorResponseBodySchema,
  Postmortem: postmortemSchema,
  PostmortemSnapshot: postmortemSnapshotSchema,
  PostmortemRevision: postmortemRevisionSchema,
  RevisionsResponse: revisionsResponseSchema,
  PostmortemPage: pageSchema(postmortemSchema),
  ActionItem: actionItemSchema,
  ActionItemPage: pageSchema(actionItemSchema),
  ReadingSession: readingSessionSchema,
  ReadingSessionPage: pageSchema(readingSessionSchema),
  CurrentReadingSessionResponse: currentReadingSessionResponseSchema,
  SuggestionReason: suggestionReasonSchema,
  ReadingSessionSuggestion: readingSessionSuggestionSchema,
  ReadingSessionSuggestionsResponse: readingSessionSuggestionsResponseSchema,
  PostmortemTemplate: postmortemTemplateSchema,
  TemplatesResponse: templatesResponseSchema,
  HealthResponse: healthResponseSchema,
  CreatePostmortemRequest: createPostmortemRequestSchema,
  UpdatePostmortemRequest: updatePostmortemRequestSchema,
  CreateActionItemRequest: createActionItemRequestSchema,
  UpdateActionItemRequest: updateActionItemRequestSchema,
  CreateReadingSessionRequest: createReadingSessionRequestSchema,
  UpdateReadingSessionRequest: updateReadingSessionRequestSchema,
};

type ComponentName = keyof typeof COMPONENTS;

/** The answers besides the 2xx one, each a `components.responses` entry. */
const ERRORS = {
  400: ['BadRequest', 'Invalid input; `error.fields` names each field'],
  401: ['Unauthorized', 'No or bad credentials'],
  403: ['Forbidden', 'A permission denied the write'],
  404: ['NotFound', 'No such item (or a deleted postmortem)'],
  409: ['Conflict', 'The item changed since the given version'],
} as const;

type ErrorStatus = keyof typeof ERRORS;

/** One route of the API. */
interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  tag?: 'Postmortems' | 'Action items' | 'Reading sessions' | 'Templates';
  summary: string;
  description?: string;
  /** Without credentials (only `/health`). */
  public?: true;
  query?: z.ZodType;
  body?: ComponentName;
  /** The success status, its description and shape (none: no content). */
  success: [status: 200 | 201 | 204, description: string, ComponentName?];
  errors: ErrorStatus[];
}

const READ: ErrorStatus[] = [400, 401];
const READ_ONE: ErrorStatus[] = [400, 401, 404];
const WRITE: ErrorStatus[] = [400, 401, 403];
const CHANGE: ErrorStatus[] = [400, 401, 403, 404, 409];

/** Every route the router serves (the contract test holds them equal). */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness, without credentials',
    public: true,
    success: [200, 'Alive', 'HealthResponse'],
    errors: [],
  },
  {
    method: 'get',
    path: '/templates',
    tag: 'Templates',
    summary: 'The templates postmortems are written in',
    success: [
      200,
      'The built-in `sre-book`, then those of `postmortems.templates`',
      'TemplatesResponse',
    ],
    errors: [401],
  },
  {
    method: 'get',
    path: '/postmortems',
    tag: 'Postmortems',
    summary: 'List postmortems, newest first by startedAt, then by id',
    description:
      'With `deleted=true`, the soft-deleted postmortems instead (each with `deletedAt` and `deletedBy`), most recently deleted first, then by id, so that a UI can offer to restore them; the other filters apply as usual. A cursor belongs to the list it came from.',
    query: listPostmortemsQuerySchema,
    success: [200, 'A page', 'PostmortemPage'],
    errors: READ,
  },
  {
    method: 'post',
    path: '/postmortems',
    tag: 'Postmortems',
    summary: 'Create a postmortem',
    description: 'Needs `postmortem.create`.',
    body: 'CreatePostmortemRequest',
    success: [201, 'Created', 'Postmortem'],
    errors: WRITE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}',
    tag: 'Postmortems',
    summary: 'One postmortem',
    success: [200, 'The postmortem', 'Postmortem'],
    errors: READ_ONE,
  },
  {
    method: 'patch',
    path: '/postmortems/{id}',
    tag: 'Postmortems',
    summary: 'Change a postmortem',
    description:
      'Needs `postmortem.update`. The fields given replace the stored ones; `null` clears an optional time. The incident times are checked against the stored ones (started ≤ detected ≤ mitigated ≤ resolved).',
    body: 'UpdatePostmortemRequest',
    success: [
      200,
      'Changed (or unchanged when nothing differed)',
      'Postmortem',
    ],
    errors: CHANGE,
  },
  {
    method: 'delete',
    path: '/postmortems/{id}',
    tag: 'Postmortems',
    summary: 'Soft delete a postmortem (undo with restore)',
    description: 'Needs `postmortem.delete`.',
    success: [204, 'Deleted'],
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/postmortems/{id}/restore',
    tag: 'Postmortems',
    summary: 'Undo the deletion of a postmortem',
    description: 'Needs `postmortem.update`. 409 when it is not deleted.',
    success: [200, 'Restored', 'Postmortem'],
    errors: CHANGE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}/revisions',
    tag: 'Postmortems',
    summary: 'Every accepted change, oldest first',
    success: [200, 'The history', 'RevisionsResponse'],
    errors: READ_ONE,
  },
  {
    method: 'get',
    path: '/postmortems/{id}/action-items',
    tag: 'Action items',
    summary: 'The action items of a postmortem, soonest due first',
    query: listActionItemsQuerySchema,
    success: [200, 'A page', 'ActionItemPage'],
    errors: READ_ONE,
  },
  {
    method: 'post',
    path: '/postmortems/{id}/action-items',
    tag: 'Action items',
    summary: 'Add an action item',
    description: 'Needs `postmortem.actionItem.create`.',
    body: 'CreateActionItemRequest',
    success: [201, 'Created', 'ActionItem'],
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/action-items',
    tag: 'Action items',
    summary: 'Action items across postmortems, soonest due first',
    query: listActionItemsQuerySchema,
    success: [200, 'A page', 'ActionItemPage'],
    errors: READ,
  },
  {
    method: 'get',
    path: '/action-items/{id}',
    tag: 'Action items',
    summary: 'One action item',
    success: [200, 'The action item', 'ActionItem'],
    errors: READ_ONE,
  },
  {
    method: 'patch',
    path: '/action-items/{id}',
    tag: 'Action items',
    summary: 'Change an action item',
    description:
      'Needs `postmortem.actionItem.update`. `completedAt` is set when the status becomes done or wont_do and cleared when it is reopened.',
    body: 'UpdateActionItemRequest',
    success: [200, 'Changed', 'ActionItem'],
    errors: CHANGE,
  },
  {
    method: 'delete',
    path: '/action-items/{id}',
    tag: 'Action items',
    summary: 'Delete an action item',
    description: 'Needs `postmortem.actionItem.delete`.',
    success: [204, 'Deleted'],
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/reading-sessions',
    tag: 'Reading sessions',
    summary: 'Reading sessions, newest first by scheduledAt',
    query: listReadingSessionsQuerySchema,
    success: [200, 'A page', 'ReadingSessionPage'],
    errors: READ,
  },
  {
    method: 'post',
    path: '/reading-sessions',
    tag: 'Reading sessions',
    summary: 'Schedule a reading session',
    description: 'Needs `postmortem.readingSession.create`.',
    body: 'CreateReadingSessionRequest',
    success: [201, 'Created', 'ReadingSession'],
    errors: WRITE,
  },
  {
    method: 'get',
    path: '/reading-sessions/current',
    tag: 'Reading sessions',
    summary: "The group's session of this month",
    description:
      'The month is the calendar month in `postmortems.readingSessions.timezone` (UTC by default). A cancelled session gives way to any other; then the earliest wins. With a pick, also the pick and its open action items.',
    query: currentReadingSessionQuerySchema,
    success: [
      200,
      'The session, or `{ "session": null }`',
      'CurrentReadingSessionResponse',
    ],
    errors: READ,
  },
  {
    method: 'get',
    path: '/reading-sessions/suggestions',
    tag: 'Reading sessions',
    summary: "Ranked candidates for a group's next pick",
    description:
      'Published postmortems, best first, with the reasons. Deterministic for the same data and date; a postmortem picked for an upcoming planned session of the group is left out.',
    query: readingSessionSuggestionsQuerySchema,
    success: [200, 'The candidates', 'ReadingSessionSuggestionsResponse'],
    errors: READ,
  },
  {
    method: 'get',
    path: '/reading-sessions/{id}',
    tag: 'Reading sessions',
    summary: 'One reading session',
    success: [200, 'The session', 'ReadingSession'],
    errors: READ_ONE,
  },
  {
    method: 'patch',
    path: '/reading-sessions/{id}',
    tag: 'Reading sessions',
    summary: 'Pick, reschedule, record notes and participants, mark held',
    description: 'Needs `postmortem.readingSession.update`.',
    body: 'UpdateReadingSessionRequest',
    success: [200, 'Changed', 'ReadingSession'],
    errors: CHANGE,
  },
  {
    method: 'get',
    path: '/reading-sessions/{id}/action-items',
    tag: 'Reading sessions',
    summary: 'The action items raised in a session',
    query: listActionItemsQuerySchema,
    success: [200, 'A page', 'ActionItemPage'],
    errors: READ_ONE,
  },
];

const ref = (name: string, kind = 'schemas') => ({
  $ref: `#/components/${kind}/${name}`,
});

/**
 * What a client sends is described (zod's input side of transforms); the
 * bounds zod gives every integer (±2^53-1) say nothing and are left out.
 */
const TO_JSON_SCHEMA = {
  io: 'input',
  override: ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) {
      delete jsonSchema.maximum;
    }
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) {
      delete jsonSchema.minimum;
    }
  },
} as const;

function inputSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, TO_JSON_SCHEMA);
  return rest;
}

/** The components, each shape once, nested named shapes as `$ref`s. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    ...TO_JSON_SCHEMA,
    uri: id => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema, $id, ...schema }]) => [
      id,
      schema,
    ]),
  );
}

/** A query's properties as OpenAPI parameters; arrays are repeatable. */
function queryParameters(query: z.ZodType): JsonSchema[] {
  const { properties = {}, required = [] } = inputSchemaOf(query) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, { description, ...s }]) => ({
    name,
    in: 'query',
    ...(required.includes(name) ? { required: true } : {}),
    ...(description ? { description } : {}),
    schema: s,
    ...(s.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

function operationObject(op: Operation): JsonSchema {
  const [status, description, shape] = op.success;
  const json = (name: string) => ({
    'application/json': { schema: ref(name) },
  });
  return {
    ...(op.tag ? { tags: [op.tag] } : {}),
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.public ? { security: [] } : {}),
    ...(op.query ? { parameters: queryParameters(op.query) } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: json(op.body) } }
      : {}),
    responses: {
      [status]: { description, ...(shape ? { content: json(shape) } : {}) },
      ...Object.fromEntries(
        op.errors.map(e => [e, ref(ERRORS[e][0], 'responses')]),
      ),
    },
  };
}

/** The whole OpenAPI 3.1 document. */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const op of OPERATIONS) {
    const item = (paths[op.path] ??= op.path.includes('{id}')
      ? { parameters: [ref('id', 'parameters')] }
      : {});
    item[op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'postmortems',
      version: '1',
      description: [
        'Postmortems, their action items and postmortem reading sessions (ポストモーテム読書会), served by the `postmortems` backend plugin.',
        '',
        'Every route but `/health` needs Backstage credentials (401 without). Writes are authorized with the plugin’s permissions (403 when denied). Bad input of any kind is a 400 whose `error.fields` names each field and what is wrong there, e.g. `{ "field": "startedAt", "message": "must be an ISO 8601 timestamp with offset" }`; a rejected request changes nothing. Changes carry the `version` they are based on and get a 409 when someone else changed the item since.',
        '',
        'Generated from the zod schemas of `@postmortems/backstage-plugin-postmortems-common`; do not edit by hand.',
      ].join('\n'),
      license: { name: 'UNLICENSED' },
    },
    servers: [{ url: '/api/postmortems' }],
    security: [{ BackstageToken: [] }],
    tags: ['Postmortems', 'Action items', 'Reading sessions', 'Templates'].map(
      name => ({ name }),
    ),
    paths,
    components: {
      securitySchemes: { BackstageToken: { type: 'http', scheme: 'bearer' } },
      parameters: {
        id: {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string', format: 'uuid' },
        },
      },
      responses: Object.fromEntries(
        Object.values(ERRORS).map(([name, description]) => [
          name,
          {
            description,
            content: { 'application/json': { schema: ref('Error') } },
          },
        ]),
      ),
      schemas: componentSchemas(),
    },
  };
}
