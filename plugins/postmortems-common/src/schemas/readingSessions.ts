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
    seriesId: uuidSchema
      .optional()
      .describe('Only the occurrences of this series'),
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
    seriesId: z
      .string()
      .meta({ format: 'uuid' })
      .optional()
      .describe(
        'The series it was scheduled in (`POST /reading-sessions/series`); absent for a single session',
      ),
  })
  .strict();

/**
 * A postmortem reading session (ポストモーテム読書会).
 *
 * @public
 */
export type ReadingSession = z.output<typeof readingSessionSchema>;

/**
 * The days of the week a series can meet on.
 *
 * @public
 */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/**
 * A day of the week.
 *
 * @public
 */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The weeks of the month a series can meet in: the 1st to the 4th
 * occurrence of the weekday, or the last one.
 *
 * @public
 */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, 'last'] as const;

/**
 * A week of the month.
 *
 * @public
 */
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];

/**
 * When a series meets each month: e.g. the first Thursday, 16:00 in Tokyo.
 *
 * @public
 */
export const readingSessionSeriesRuleSchema = z
  .object({
    weekday: z.enum(WEEKDAYS, { message: 'must be a day of the week' }),
    week: z
      .literal(WEEKS_OF_MONTH, { message: 'must be 1, 2, 3, 4 or last' })
      .describe('The n-th such weekday of the month, or the last one'),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
        message: 'must be a time of day, HH:mm',
      })
      .describe('The wall-clock time in `timezone`, HH:mm'),
    timezone: z
      .string()
      .min(1)
      .max(64)
      .describe('An IANA time zone, e.g. Asia/Tokyo'),
  })
  .strict();

/**
 * When a series meets each month.
 *
 * @public
 */
export type ReadingSessionSeriesRule = z.output<
  typeof readingSessionSeriesRuleSchema
>;

const MONTHS = 'must be from 1 to 24';

/**
 * The body of `POST /reading-sessions/series`: one session a month for
 * `months` months, from `startMonth` on.
 *
 * @public
 */
export const createReadingSessionSeriesRequestSchema = z
  .object({
    ownerGroup: readingSessionFields.ownerGroup,
    rule: readingSessionSeriesRuleSchema,
    months: z
      .number()
      .int({ message: MONTHS })
      .min(1, { message: MONTHS })
      .max(24, { message: MONTHS }),
    startMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month, YYYY-MM' })
      .optional()
      .describe(
        'YYYY-MM; when left out, this month if its date is still ahead and it has no session, else the next month without one',
      ),
    durationMinutes: readingSessionFields.durationMinutes,
    facilitator: readingSessionFields.facilitator,
    participants: readingSessionFields.participants,
  })
  .strict();

/**
 * The body of `POST /reading-sessions/series`.
 *
 * @public
 */
export type CreateReadingSessionSeriesRequest = z.input<
  typeof createReadingSessionSeriesRequestSchema
>;

/**
 * The answer of `POST /reading-sessions/series`: the sessions created, and
 * the months skipped because the group already meets then.
 *
 * @public
 */
export const readingSessionSeriesResponseSchema = z
  .object({
    seriesId: z.string().meta({ format: 'uuid' }),
    items: z.array(readingSessionSchema),
    skippedMonths: z
      .array(z.string())
      .describe('YYYY-MM months that already had a planned or held session'),
  })
  .strict();

/**
 * The answer of `POST /reading-sessions/series`.
 *
 * @public
 */
export type ReadingSessionSeriesResponse = z.output<
  typeof readingSessionSeriesResponseSchema
>;

/**
 * The languages a calendar invite is written in.
 *
 * @public
 */
export const CALENDAR_LANGUAGES = ['en', 'ja'] as const;

const calendarLanguageSchema = z
  .enum(CALENDAR_LANGUAGES, { message: 'must be en or ja' })
  .optional()
  .describe('The language of the invite’s texts; en when left out');

/**
 * The query of `GET /reading-sessions/:id/calendar.ics`.
 *
 * @public
 */
export const readingSessionInviteQuerySchema = z
  .object({ lang: calendarLanguageSchema })
  .strict();

/**
 * The query of `GET /reading-sessions/calendar.ics`: the group's upcoming
 * sessions.
 *
 * @public
 */
export const readingSessionCalendarQuerySchema = z
  .object({ ownerGroup: groupRefSchema, lang: calendarLanguageSchema })
  .strict();

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
    next: readingSessionSchema
      .optional()
      .describe(
        'The group’s earliest planned session after this month, if any: what the home card shows when this month has no session or its one is over',
      ),
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
