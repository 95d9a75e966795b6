/*
 * The fields the postmortems API's shapes are made of: what a client may
 * send (validated and normalised here) and what the server writes back.
 * Timestamps, dates and UUIDs are checked with our own rules rather than
 * zod's formats, which are stricter than what the API has always accepted
 * (`+0900` offsets, upper-case UUIDs). `.meta()` tells the OpenAPI document
 * what a refinement checks.
 */

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

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
    {
      message: 'must be an ISO 8601 timestamp with offset',
      params: { code: 'timestamp' },
    },
  )
  .transform(s => new Date(s).toISOString())
  .meta({ format: 'date-time' });

/**
 * A calendar date, `YYYY-MM-DD`.
 *
 * @public
 */
export const dateSchema = z
  .string()
  .refine(
    s => {
      const match = ISO_DATE.exec(s);
      return !!match && isCalendarDay(match[1], match[2], match[3]);
    },
    { message: 'must be a date as YYYY-MM-DD', params: { code: 'date' } },
  )
  .meta({ format: 'date' });

/**
 * A UUID, returned lower-cased.
 *
 * @public
 */
export const uuidSchema = z
  .string()
  .refine(s => UUID.test(s), {
    message: 'must be a UUID',
    params: { code: 'uuid' },
  })
  .transform(s => s.toLowerCase())
  .meta({ format: 'uuid' });

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
    { message: 'must be an http or https URL', params: { code: 'url' } },
  )
  .meta({ format: 'uri', description: 'http or https' });

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
    .meta({ examples: [options.example] })
    .transform((value, ctx) => {
      try {
        return normalizeEntityRef(value, options);
      } catch (error) {
        const kindError =
          error instanceof Error && error.message.startsWith('must be a ');
        ctx.addIssue({
          code: 'custom',
          params: { code: 'entity_ref', example: options.example },
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

/** The values without repeats, in their first order. */
export function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Trimmed text of one to `max` characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });
}

/** Markdown of a section, a description or notes. */
export function markdown() {
  return z.string().max(MAX_MARKDOWN, {
    message: `must be at most ${MAX_MARKDOWN} characters`,
  });
}

/*
 * Query strings: Express gives a string, an array for a repeated parameter,
 * or an object for `a[b]=` syntax; only the first two are accepted.
 */

/** A query parameter that may be given more than once. */
export function repeatable<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess(
    value => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item).max(50),
  );
}

/** `limit` of a list, from 1 to `max`. */
export const limitSchema = (max: number) =>
  z
    .string()
    .refine(s => /^\d{1,4}$/.test(s) && Number(s) >= 1 && Number(s) <= max, {
      message: `must be an integer from 1 to ${max}`,
    })
    .transform(Number)
    .meta({ type: 'integer', minimum: 1, maximum: max });

export const cursorSchema = z.string().min(1).max(1_000);

/** The paging parameters every list takes. */
export const pageFields = {
  limit: limitSchema(100).optional(),
  cursor: cursorSchema.optional(),
};

/** A time range: `from` inclusive, `to` exclusive. */
export const rangeFields = {
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};

/** A yes/no query parameter: exactly `true` or `false`. */
export const booleanFlagSchema = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform(v => v === 'true');

export const searchSchema = z.string().trim().max(200);

/** `to` must not be before `from`. */
export function checkRange(
  value: { from?: string; to?: string },
  ctx: z.RefinementCtx,
) {
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      params: { code: 'not_before', field: 'from' },
      message: 'must not be before from',
    });
  }
}

/** The `version` a change is based on (optimistic concurrency). */
export const versionSchema = z
  .number({ message: 'must be the version the change is based on' })
  .int()
  .min(1)
  .describe('The version the change is based on');

/**
 * A path with an `:id`.
 *
 * @public
 */
export const idParamsSchema = z.object({ id: uuidSchema });

/*
 * What the server writes back. Responses are typed and documented by these
 * schemas but never parsed: the server produced them.
 */

/** A timestamp as the server writes it, in UTC. */
export const timestampValue = z.string().meta({ format: 'date-time' });

/** A normalised entity ref as stored, e.g. `component:default/x`. */
export const entityRefValue = z
  .string()
  .regex(/^[a-z0-9]+:[^/]+\/.+$/)
  .describe(
    'A normalised entity ref, e.g. `component:default/seikyu-kanri-robo`',
  );

/** Who made a change: a user's entity ref or a service's subject. */
export const principalValue = z.string();

/** The columns every stored resource has. */
export const recordFields = {
  id: z.string().meta({ format: 'uuid' }),
  createdAt: timestampValue,
  createdBy: principalValue,
  updatedAt: timestampValue,
  updatedBy: principalValue,
  version: z.number().int().min(1),
};

/**
 * Where a list stops counting: `totalCount` is exact up to this many
 * matching items, and beyond it the page says `totalCountCapped` and shows
 * as "1000+". Counting every match of a filter that matches most of
 * 1,000,000 action items would cost more than the page itself.
 *
 * @public
 */
export const TOTAL_COUNT_CAP = 1000;

/**
 * A page of a list.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /**
   * How many items match, on all pages: exact up to {@link TOTAL_COUNT_CAP},
   * where counting stops; then `totalCountCapped` is true and more match.
   */
  totalCount: number;
  /** True when more than `totalCount` (the cap) items match. */
  totalCountCapped?: boolean;
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * The schema of a page of `item`s; the compiler ties it to {@link Page}.
 *
 * @public
 */
export function pageSchema<T extends z.ZodType>(
  item: T,
): z.ZodType<Page<z.output<T>>> {
  return z
    .object({
      items: z.array(item),
      totalCount: z
        .number()
        .int()
        .describe(
          `How many match, on all pages: exact up to ${TOTAL_COUNT_CAP}, where counting stops`,
        ),
      totalCountCapped: z
        .boolean()
        .optional()
        .describe(
          `True when more than totalCount (the cap, ${TOTAL_COUNT_CAP}) match; shown as "${TOTAL_COUNT_CAP}+"`,
        ),
      nextCursor: z.string().optional(),
    })
    .strict();
}
