/*
 * Every shape of the postmortems API, once: the server validates with these
 * schemas, both plugins use the types inferred from them, and the backend's
 * OpenAPI document is generated from them.
 */

export {
  timestampSchema,
  dateSchema,
  uuidSchema,
  httpUrlSchema,
  normalizeEntityRef,
  entityRefSchema,
  userRefSchema,
  groupRefSchema,
  ownerRefSchema,
  idParamsSchema,
  pageSchema,
  TOTAL_COUNT_CAP,
} from './fields';
export type { Page } from './fields';
export * from './postmortems';
export * from './actionItems';
export * from './readingSessions';
export * from './templates';
export * from './markdown';
export * from './insights';
