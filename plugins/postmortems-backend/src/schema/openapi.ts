/*
 * The OpenAPI document of the postmortems API, generated from the zod
 * schemas of `@postmortems/backstage-plugin-postmortems-common` that the
 * routes validate with: a shape is written once, and the document follows.
 * `yarn workspace @postmortems/backstage-plugin-postmortems-backend
 * openapi:generate` writes it to `openapi.yaml`; a test fails while that
 * file differs from what this module builds.
 */

import { z } from 'zod';
import { COMPONENTS, ERRORS, OPERATIONS, Operation } from './operations';

type JsonSchema = Record<string, unknown>;

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
      [status]: {
        description,
        ...(shape ? { content: json(shape) } : {}),
        ...(op.produces
          ? { content: { [op.produces]: { schema: { type: 'string' } } } }
          : {}),
      },
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
    tags: [
      'Postmortems',
      'Action items',
      'Reading sessions',
      'Insights',
      'Templates',
    ].map(name => ({ name })),
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
