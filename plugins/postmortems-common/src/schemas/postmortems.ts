/*
 * The postmortem: what a client sends to write one, the filters of the
 * list, and what the server answers. Every type of it is inferred from
 * these schemas.
 */

import { z } from 'zod';
import { FieldError } from '../errors';
import { DETECTIONS, POSTMORTEM_STATUSES, SEVERITIES } from '../enums';
import {
  booleanFlagSchema,
  checkRange,
  dedupe,
  entityRefSchema,
  entityRefValue,
  markdown,
  pageFields,
  principalValue,
  rangeFields,
  recordFields,
  repeatable,
  searchSchema,
  text,
  timestampSchema,
  timestampValue,
  userRefSchema,
  versionSchema,
} from './fields';

/**
 * One entry of a postmortem's timeline.
 *
 * @public
 */
export const timelineEntrySchema = z
  .object({ at: timestampSchema, text: text(2_000) })
  .strict();

/**
 * One entry of a postmortem's timeline.
 *
 * @public
 */
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/**
 * The incident times of a postmortem, in the order they must happen.
 *
 * @public
 */
export type IncidentTimes = Partial<
  Record<
    'startedAt' | 'detectedAt' | 'mitigatedAt' | 'resolvedAt',
    string | null
  >
>;

const INCIDENT_TIMES: ReadonlyArray<keyof IncidentTimes> = [
  'startedAt',
  'detectedAt',
  'mitigatedAt',
  'resolvedAt',
];

/**
 * Checks that started ≤ detected ≤ mitigated ≤ resolved (the ones given),
 * and names the first field that goes backwards (code `not_before`, with
 * the earlier field in `params.field`).
 *
 * @public
 */
export function incidentTimesError(
  times: IncidentTimes,
): FieldError | undefined {
  let previous: { field: string; at: number } | undefined;
  for (const field of INCIDENT_TIMES) {
    const value = times[field];
    if (!value) {
      continue;
    }
    const at = Date.parse(value);
    if (previous && at < previous.at) {
      return {
        field,
        message: `must not be before ${previous.field}`,
        code: 'not_before',
        params: { field: previous.field },
      };
    }
    previous = { field, at };
  }
  return undefined;
}

const postmortemFields = {
  title: text(200),
  entityRefs: z
    .array(entityRefSchema)
    .min(1, { message: 'must name at least one entity' })
    .max(50)
    .transform(dedupe)
    .describe('Refs with kind; `Component:Default/X` is normalised'),
  status: z.enum(POSTMORTEM_STATUSES),
  severity: z.enum(SEVERITIES),
  detection: z.enum(DETECTIONS),
  startedAt: timestampSchema,
  detectedAt: timestampSchema.nullable(),
  mitigatedAt: timestampSchema.nullable(),
  resolvedAt: timestampSchema.nullable(),
  template: z
    .string()
    .min(1)
    .max(64, { message: 'must be at most 64 characters' }),
  sections: z
    .record(
      z.string().min(1).max(64, { message: 'must be at most 64 characters' }),
      markdown(),
    )
    .describe('Section key → Markdown; only the keys of the template'),
  timeline: z.array(timelineEntrySchema).max(500),
  tags: z.array(text(100)).max(50).transform(dedupe),
  authors: z
    .array(userRefSchema)
    .max(50)
    .transform(dedupe)
    .describe('User refs; the kind defaults to user'),
};

/**
 * The body of `POST /postmortems`. What is left out gets its default
 * (status `draft`, template `sre-book`, nothing else).
 *
 * @public
 */
export const createPostmortemRequestSchema = z
  .object({
    ...postmortemFields,
    status: postmortemFields.status.optional(),
    detectedAt: postmortemFields.detectedAt.optional(),
    mitigatedAt: postmortemFields.mitigatedAt.optional(),
    resolvedAt: postmortemFields.resolvedAt.optional(),
    template: postmortemFields.template.optional(),
    sections: postmortemFields.sections.optional(),
    timeline: postmortemFields.timeline.optional(),
    tags: postmortemFields.tags.optional(),
    authors: postmortemFields.authors.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const error = incidentTimesError(value);
    if (error) {
      ctx.addIssue({
        code: 'custom',
        path: [error.field],
        message: error.message,
        params: { code: error.code, ...error.params },
      });
    }
  });

/**
 * The body of `POST /postmortems`.
 *
 * @public
 */
export type CreatePostmortemRequest = z.input<
  typeof createPostmortemRequestSchema
>;

/**
 * The body of `PATCH /postmortems/:id`: the fields to change, and the
 * `version` the change was based on; `null` clears an optional time. The
 * incident times are checked against the stored ones by the backend, since
 * a patch may change only one.
 *
 * @public
 */
export const updatePostmortemRequestSchema = z
  .object(postmortemFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();

/**
 * The body of `PATCH /postmortems/:id`.
 *
 * @public
 */
export type UpdatePostmortemRequest = z.input<
  typeof updatePostmortemRequestSchema
>;

/**
 * The query of `GET /postmortems`. `from` is inclusive, `to` exclusive,
 * both on `startedAt`.
 *
 * @public
 */
export const listPostmortemsQuerySchema = z
  .object({
    entityRef: repeatable(entityRefSchema)
      .optional()
      .describe('Any of these entities (repeatable)'),
    status: z.enum(POSTMORTEM_STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    detection: z.enum(DETECTIONS).optional(),
    tag: z.string().trim().min(1).max(100).optional(),
    q: searchSchema
      .optional()
      .describe(
        'Substring of the title or a section, in any language and case',
      ),
    ...rangeFields,
    deleted: booleanFlagSchema
      .optional()
      .describe(
        '`true`: the soft-deleted postmortems instead of the live ones (to offer a restore), most recently deleted first',
      ),
    ...pageFields,
  })
  .strict()
  .superRefine(checkRange);

/**
 * Filters of `GET /postmortems`, as the client gives them.
 *
 * @public
 */
export type ListPostmortemsQuery = z.output<typeof listPostmortemsQuerySchema>;

/**
 * Counts of a postmortem's action items.
 *
 * @public
 */
export const actionItemCountsSchema = z
  .object({
    open: z.number().int().describe('Not done and not won’t do'),
    overdue: z.number().int().describe('Open ones due before today'),
    done: z.number().int().describe('Done or won’t do'),
    total: z.number().int(),
  })
  .strict();

/**
 * Counts of a postmortem's action items.
 *
 * @public
 */
export type ActionItemCounts = z.output<typeof actionItemCountsSchema>;

/**
 * A postmortem as it was after one change: without the counts, which
 * belong to the present.
 *
 * @public
 */
export const postmortemSnapshotSchema = z
  .object({
    ...recordFields,
    title: z.string(),
    entityRefs: z.array(entityRefValue),
    status: z.enum(POSTMORTEM_STATUSES),
    severity: z.enum(SEVERITIES),
    detection: z.enum(DETECTIONS),
    startedAt: timestampValue,
    detectedAt: timestampValue.optional(),
    mitigatedAt: timestampValue.optional(),
    resolvedAt: timestampValue.optional(),
    template: z.string(),
    sections: z.record(z.string(), z.string()),
    timeline: z.array(
      z.object({ at: timestampValue, text: z.string() }).strict(),
    ),
    tags: z.array(z.string()),
    authors: z.array(entityRefValue),
    deletedAt: timestampValue
      .optional()
      .describe('When it was soft deleted; only on deleted postmortems'),
    deletedBy: principalValue
      .optional()
      .describe('Who deleted it; only on deleted postmortems'),
  })
  .strict();

/**
 * A postmortem as the API returns it.
 *
 * @public
 */
export const postmortemSchema = postmortemSnapshotSchema
  .extend({
    actionItemCounts: actionItemCountsSchema,
    readings: z
      .object({
        count: z.number().int(),
        lastReadAt: timestampValue.optional(),
      })
      .strict()
      .optional()
      .describe(
        'How often it was read in a held reading session, and when last',
      ),
  })
  .strict();

/**
 * A postmortem as the API returns it.
 *
 * @public
 */
export type Postmortem = z.output<typeof postmortemSchema>;

/**
 * One accepted change of a postmortem.
 *
 * @public
 */
export const postmortemRevisionSchema = z
  .object({
    postmortemId: z.string().meta({ format: 'uuid' }),
    version: z.number().int(),
    action: z.enum(['created', 'updated', 'deleted', 'restored']),
    changedAt: timestampValue,
    changedBy: principalValue,
    changedFields: z
      .array(z.string())
      .describe('The names of the fields the change touched'),
    snapshot: postmortemSnapshotSchema,
  })
  .strict();

/**
 * One accepted change of a postmortem.
 *
 * @public
 */
export type PostmortemRevision = z.output<typeof postmortemRevisionSchema>;

/**
 * The answer of `GET /postmortems/:id/revisions`, oldest first.
 *
 * @public
 */
export const revisionsResponseSchema = z
  .object({
    items: z.array(postmortemRevisionSchema),
    totalCount: z.number().int(),
  })
  .strict();

/**
 * The answer of `GET /postmortems/:id/revisions`.
 *
 * @public
 */
export type RevisionsResponse = z.output<typeof revisionsResponseSchema>;
