/*
 * Validation of every body, query and path parameter of the postmortems API.
 * Only APIs that zod 3.25 and zod 4 share are used, because the package
 * accepts either. Timestamps, dates and UUIDs are checked with our own rules
 * rather than zod's formats, whose strictness differs between versions.
 */

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import {
  ACTION_ITEM_KINDS,
  ACTION_ITEM_STATUSES,
  DETECTIONS,
  POSTMORTEM_STATUSES,
  PRIORITIES,
  READING_SESSION_STATUSES,
  SEVERITIES,
} from './types';

/** Sizes that keep a single request and a single row reasonable. */
const MAX_MARKDOWN = 100_000;
const MAX_URL = 2_000;

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Date.parse rolls 2026-02-30 over into March; a real calendar day is wanted.
function isCalendarDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/**
 * An ISO 8601 timestamp with an offset (`Z` or `+09:00`), returned as UTC
 * (`2026-11-01T03:00:00.000Z`).
 *
 * @public
 */
export const timestampSchema = z
  .string()
  .refine(
    s => {
      const match = ISO_TIMESTAMP.exec(s);
      return (
        !!match &&
        isCalendarDay(match[1], match[2], match[3]) &&
        !Number.isNaN(Date.parse(s))
      );
    },
    { message: 'must be an ISO 8601 timestamp with offset' },
  )
  .transform(s => new Date(s).toISOString());

/**
 * A calendar date, `YYYY-MM-DD`.
 *
 * @public
 */
export const dateSchema = z.string().refine(
  s => {
    const match = ISO_DATE.exec(s);
    return !!match && isCalendarDay(match[1], match[2], match[3]);
  },
  { message: 'must be a date as YYYY-MM-DD' },
);

/**
 * A UUID, returned lower-cased.
 *
 * @public
 */
export const uuidSchema = z
  .string()
  .refine(s => UUID.test(s), { message: 'must be a UUID' })
  .transform(s => s.toLowerCase());

/**
 * An http(s) link.
 *
 * @public
 */
export const httpUrlSchema = z
  .string()
  .max(MAX_URL)
  .refine(
    s => {
      try {
        const url = new URL(s);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'must be an http or https URL' },
  );

/**
 * Normalises a catalog entity reference (`Component:Default/X` becomes
 * `component:default/x`), or throws when it is not one.
 *
 * @param ref - the reference as written
 * @param options - `defaultKind` when the kind may be left out, `kinds` when
 *   only some kinds are allowed (lower-case)
 * @public
 */
export function normalizeEntityRef(
  ref: string,
  options?: { defaultKind?: string; kinds?: string[] },
): string {
  const parsed = parseEntityRef(ref.trim(), {
    defaultKind: options?.defaultKind,
    defaultNamespace: 'default',
  });
  const normalized = stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
  const kind = normalized.slice(0, normalized.indexOf(':'));
  if (options?.kinds && !options.kinds.includes(kind)) {
    throw new Error(`must be a ${options.kinds.join(' or ')} ref`);
  }
  return normalized;
}

function refSchema(options: {
  defaultKind?: string;
  kinds?: string[];
  example: string;
}) {
  return z
    .string()
    .max(255)
    .transform((value, ctx) => {
      try {
        return normalizeEntityRef(value, options);
      } catch (error) {
        const kindError =
          error instanceof Error && error.message.startsWith('must be a ');
        ctx.addIssue({
          code: 'custom',
          message: kindError
            ? `${error.message}, e.g. ${options.example}`
            : `must be an entity ref like ${options.example}`,
        });
        return z.NEVER;
      }
    });
}

/**
 * A catalog entity the postmortem is about; the kind is required.
 *
 * @public
 */
export const entityRefSchema = refSchema({
  example: 'component:default/seikyu-kanri-robo',
});

/**
 * A user ref; `hanako.yamada` means `user:default/hanako.yamada`.
 *
 * @public
 */
export const userRefSchema = refSchema({
  defaultKind: 'user',
  kinds: ['user'],
  example: 'user:default/hanako.yamada',
});

/**
 * A group ref; `sre` means `group:default/sre`.
 *
 * @public
 */
export const groupRefSchema = refSchema({
  defaultKind: 'group',
  kinds: ['group'],
  example: 'group:default/sre',
});

/**
 * The owner of an action item: a user or group, with its kind
 * (`group:sre` or `group:default/sre`).
 *
 * @public
 */
export const ownerRefSchema = refSchema({
  kinds: ['user', 'group'],
  example: 'group:default/sre',
});

function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });
}

function markdown() {
  return z.string().max(MAX_MARKDOWN, {
    message: `must be at most ${MAX_MARKDOWN} characters`,
  });
}

/**
 * One entry of a postmortem's timeline.
 *
 * @public
 */
export const timelineEntrySchema = z
  .object({ at: timestampSchema, text: text(2_000) })
  .strict();

const INCIDENT_TIMES = [
  'startedAt',
  'detectedAt',
  'mitigatedAt',
  'resolvedAt',
] as const;

/**
 * The incident times of a postmortem, in the order they must happen.
 *
 * @public
 */
export type IncidentTimes = Partial<
  Record<(typeof INCIDENT_TIMES)[number], string | null>
>;

/**
 * Checks that started ≤ detected ≤ mitigated ≤ resolved (the ones given),
 * and names the first field that goes backwards.
 *
 * @public
 */
export function incidentTimesError(
  times: IncidentTimes,
): { field: string; message: string } | undefined {
  let previous: { field: string; at: number } | undefined;
  for (const field of INCIDENT_TIMES) {
    const value = times[field];
    if (!value) {
      continue;
    }
    const at = Date.parse(value);
    if (previous && at < previous.at) {
      return { field, message: `must not be before ${previous.field}` };
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
    .transform(dedupe),
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
  sections: z.record(
    z.string().min(1).max(64, { message: 'must be at most 64 characters' }),
    markdown(),
  ),
  timeline: z.array(timelineEntrySchema).max(500),
  tags: z.array(text(100)).max(50).transform(dedupe),
  authors: z.array(userRefSchema).max(50).transform(dedupe),
};

/**
 * The body of `POST /postmortems`.
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
      });
    }
  });

const versionSchema = z
  .number({ message: 'must be the version the change is based on' })
  .int()
  .min(1);

/**
 * The body of `PATCH /postmortems/:id`. The incident times are checked
 * against the stored ones by the backend, since a patch may change only one.
 *
 * @public
 */
export const updatePostmortemRequestSchema = z
  .object(postmortemFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();

const actionItemFields = {
  title: text(300).optional(),
  description: markdown().nullable().optional(),
  owner: ownerRefSchema.nullable().optional(),
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
 * The body of `PATCH /action-items/:id`.
 *
 * @public
 */
export const updateActionItemRequestSchema = z
  .object({ ...actionItemFields, version: versionSchema })
  .strict();

const readingSessionFields = {
  ownerGroup: groupRefSchema,
  scheduledAt: timestampSchema,
  durationMinutes: z
    .number()
    .int()
    .min(5, { message: 'must be from 5 to 480 minutes' })
    .max(480, { message: 'must be from 5 to 480 minutes' })
    .optional(),
  facilitator: userRefSchema.nullable().optional(),
  postmortemId: uuidSchema.nullable().optional(),
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

/*
 * Query strings: Express gives a string, an array for a repeated parameter,
 * or an object for `a[b]=` syntax; only the first two are accepted.
 */

function repeatable<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess(
    value => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item).max(50),
  );
}

const limitSchema = (max: number) =>
  z
    .string()
    .refine(s => /^\d{1,4}$/.test(s) && Number(s) >= 1 && Number(s) <= max, {
      message: `must be an integer from 1 to ${max}`,
    })
    .transform(Number);

const cursorSchema = z.string().min(1).max(1_000);

/** The paging parameters every list takes. */
const pageFields = {
  limit: limitSchema(100).optional(),
  cursor: cursorSchema.optional(),
};

/** A time range: `from` inclusive, `to` exclusive. */
const rangeFields = {
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};

/** A yes/no query parameter: exactly `true` or `false`. */
const booleanFlagSchema = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform(v => v === 'true');

const searchSchema = z.string().trim().max(200);

function checkRange(
  value: { from?: string; to?: string },
  ctx: z.RefinementCtx,
) {
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'must not be before from',
    });
  }
}

/**
 * The query of `GET /postmortems`. `from` is inclusive, `to` exclusive.
 *
 * @public
 */
export const listPostmortemsQuerySchema = z
  .object({
    entityRef: repeatable(entityRefSchema).optional(),
    status: z.enum(POSTMORTEM_STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    detection: z.enum(DETECTIONS).optional(),
    tag: z.string().trim().min(1).max(100).optional(),
    q: searchSchema.optional(),
    ...rangeFields,
    deleted: booleanFlagSchema.optional(),
    ...pageFields,
  })
  .strict()
  .superRefine(checkRange);

/**
 * The query of `GET /action-items` and `GET /postmortems/:id/action-items`.
 *
 * @public
 */
export const listActionItemsQuerySchema = z
  .object({
    entityRef: repeatable(entityRefSchema).optional(),
    owner: repeatable(ownerRefSchema).optional(),
    status: repeatable(z.enum(ACTION_ITEM_STATUSES)).optional(),
    overdue: booleanFlagSchema.optional(),
    ...pageFields,
  })
  .strict();

/**
 * The query of `GET /reading-sessions`. `from` is inclusive, `to` exclusive.
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
  .object({ ownerGroup: groupRefSchema, limit: limitSchema(20).optional() })
  .strict();

/**
 * A path with an `:id`.
 *
 * @public
 */
export const idParamsSchema = z.object({ id: uuidSchema });

/**
 * Says what is wrong with a request in one line, naming each field:
 * `startedAt: must be an ISO 8601 timestamp with offset`.
 *
 * @public
 */
export function describeValidationError(error: {
  issues: ReadonlyArray<{
    path: ReadonlyArray<PropertyKey>;
    message: string;
    code?: string;
    keys?: ReadonlyArray<string>;
  }>;
}): string {
  const parts: string[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        parts.push(`${path ? `${path}.` : ''}${key}: unknown field`);
      }
    } else {
      parts.push(`${path || '(body)'}: ${issue.message}`);
    }
  }
  return parts.join('; ');
}
