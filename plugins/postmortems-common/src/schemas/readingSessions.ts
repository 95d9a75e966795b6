/*
 * The reading session (ポストモーテム読書会): what a client sends, the
 * filters, the group's session of this month and the ranked suggestions.
 */

import { z } from 'zod';
import { READING_SESSION_STATUSES, SEVERITIES } from '../enums';
import { actionItemSchema } from './actionItems';
import {
  checkRange,
  dedupe,
  entityRefValue,
  groupRefSchema,
  limitSchema,
  markdown,
  pageFields,
  rangeFields,
  recordFields,
  timestampSchema,
  timestampValue,
  userRefSchema,
  uuidSchema,
  versionSchema,
} from './fields';
import { postmortemSchema } from './postmortems';

const DURATION = 'must be from 5 to 480 minutes';

const readingSessionFields = {
  ownerGroup: groupRefSchema.describe(
    'A group ref; the kind defaults to group',
  ),
  scheduledAt: timestampSchema,
  durationMinutes: z
    .number()
    .int()
    .min(5, { message: DURATION })
    .max(480, { message: DURATION })
    .optional()
    .describe('30 when left out'),
  facilitator: userRefSchema.nullable().optional(),
  postmortemId: uuidSchema.nullable().optional().describe('The pick'),
  status: z.enum(READING_SESSION_STATUSES).optional(),
  participants: z.array(userRefSchema).max(100).transform(dedupe).optional(),
  notes: markdown().nullable().optional(),
};

/**
 * The body of `POST /reading-sessions`.
 *
 * @public
 */
export const createReadingSessionRequestSchema = z
  .object(readingSessionFields)
  .strict();

/**
 * The body of `POST /reading-sessions`.
 *
 * @public
 */
export type CreateReadingSessionRequest = z.input<
  typeof createReadingSessionRequestSchema
>;

/**
 * The body of `PATCH /reading-sessions/:id`.
 *
 * @public
 */
export const updateReadingSessionRequestSchema = z
  .object({
    ...readingSessionFields,
    ownerGroup: readingSessionFields.ownerGroup.optional(),
    scheduledAt: readingSessionFields.scheduledAt.optional(),
    version: versionSchema,
  })
  .strict();

/**
 * The body of `PATCH /reading-sessions/:id`.
 *
 * @public
 */
export type UpdateReadingSessionRequest = z.input<
  typeof updateReadingSessionRequestSchema
>;

/**
 * The query of `GET /reading-sessions`: newest first; `from` is inclusive,
 * `to` exclusive, both on `scheduledAt`.
 *
 * @public
 */
export const listReadingSessionsQuerySchema = z
  .object({
    ownerGroup: groupRefSchema.optional(),
    status: z.enum(READING_SESSION_STATUSES).optional(),
    ...rangeFields,
    ...pageFields,
  })
  .strict()
  .superRefine(checkRange);

/**
 * Filters of `GET /reading-sessions`, as the client gives them.
 *
 * @public
 */
export type ListReadingSessionsQuery = z.output<
  typeof listReadingSessionsQuerySchema
>;

/**
 * The query of `GET /reading-sessions/current`.
 *
 * @public
 */
export const currentReadingSessionQuerySchema = z
  .object({ ownerGroup: groupRefSchema })
  .strict();

/**
 * The query of `GET /reading-sessions/suggestions`.
 *
 * @public
 */
export const readingSessionSuggestionsQuerySchema = z
  .object({
    ownerGroup: groupRefSchema,
    limit: limitSchema(20).optional().describe('5 when left out'),
  })
  .strict();

/**
 * A postmortem reading session (ポストモーテム読書会).
 *
 * @public
 */
export const readingSessionSchema = z
  .object({
    ...recordFields,
    ownerGroup: entityRefValue,
    scheduledAt: timestampValue,
    durationMinutes: z.number().int().min(5).max(480),
    facilitator: entityRefValue.optional(),
    postmortemId: z
      .string()
      .meta({ format: 'uuid' })
      .optional()
      .describe('The pick; absent until chosen'),
    status: z.enum(READING_SESSION_STATUSES),
    participants: z.array(entityRefValue),
    notes: z.string().optional(),
  })
  .strict();

/**
 * A postmortem reading session (ポストモーテム読書会).
 *
 * @public
 */
export type ReadingSession = z.output<typeof readingSessionSchema>;

/**
 * The answer of `GET /reading-sessions/current?ownerGroup=`: the group's
 * session of this month (in the configured time zone), with its pick and the
 * pick's action items that are still open.
 *
 * @public
 */
export const currentReadingSessionResponseSchema = z
  .object({
    session: readingSessionSchema.nullable(),
    timezone: z
      .string()
      .optional()
      .describe(
        'The IANA time zone the month and the session’s day are taken in',
      ),
    postmortem: postmortemSchema.optional().describe('The pick, if any'),
    actionItems: z
      .array(actionItemSchema)
      .optional()
      .describe('The pick’s open and in-progress action items'),
  })
  .strict();

/**
 * The answer of `GET /reading-sessions/current`.
 *
 * @public
 */
export type CurrentReadingSessionResponse = z.output<
  typeof currentReadingSessionResponseSchema
>;

const months = z.number().int();

/**
 * Why a postmortem is suggested for a reading session: a stable code with
 * parameters, so the UI can say it in the reader's language.
 *
 * @public
 */
export const suggestionReasonSchema = z.discriminatedUnion('code', [
  z
    .object({ code: z.literal('severity'), severity: z.enum(SEVERITIES) })
    .strict(),
  z
    .object({ code: z.literal('long_impact'), minutes: z.number().int() })
    .strict(),
  z.object({ code: z.literal('never_read') }).strict(),
  z
    .object({
      code: z.literal('read_long_ago'),
      lastReadAt: timestampValue,
      months,
    })
    .strict(),
  z
    .object({ code: z.literal('open_action_items'), count: z.number().int() })
    .strict(),
  z
    .object({
      code: z.literal('overdue_action_items'),
      count: z.number().int(),
    })
    .strict(),
  z.object({ code: z.literal('older_incident'), months }).strict(),
  z
    .object({
      code: z.literal('service_not_covered'),
      entityRef: entityRefValue,
      months: months.optional(),
    })
    .strict(),
  z
    .object({ code: z.literal('anniversary'), years: z.number().int() })
    .strict(),
]);

/**
 * Why a postmortem is suggested for a reading session.
 *
 * @public
 */
export type SuggestionReason = z.output<typeof suggestionReasonSchema>;

/**
 * A ranked candidate for a reading session's pick.
 *
 * @public
 */
export const readingSessionSuggestionSchema = z
  .object({
    postmortem: postmortemSchema,
    score: z.number(),
    reasons: z.array(suggestionReasonSchema),
  })
  .strict();

/**
 * A ranked candidate for a reading session's pick.
 *
 * @public
 */
export type ReadingSessionSuggestion = z.output<
  typeof readingSessionSuggestionSchema
>;

/**
 * The answer of `GET /reading-sessions/suggestions`, best first.
 *
 * @public
 */
export const readingSessionSuggestionsResponseSchema = z
  .object({ items: z.array(readingSessionSuggestionSchema) })
  .strict();

/**
 * The answer of `GET /reading-sessions/suggestions`.
 *
 * @public
 */
export type ReadingSessionSuggestionsResponse = z.output<
  typeof readingSessionSuggestionsResponseSchema
>;
