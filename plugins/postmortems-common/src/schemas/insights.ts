/*
 * Insights (issue 15): what the postmortems of a scope say together, per
 * month and per quarter of the configured time zone. A scope is a set of
 * catalog entities (a service, or every entity a team owns) or, without
 * entities, the whole portal.
 */

import { z } from 'zod';
import { SEVERITIES } from '../enums';
import { monthSpan } from '../months';
import { entityRefSchema, entityRefValue, repeatable } from './fields';

/**
 * The longest range insights cover, in months: five years.
 *
 * @public
 */
export const INSIGHTS_MAX_MONTHS = 60;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month, `YYYY-MM`. */
const monthSchema = z
  .string()
  .regex(MONTH, { message: 'must be a month as YYYY-MM' })
  .meta({ pattern: MONTH.source, example: '2026-11' });

/**
 * The query of `GET /insights`.
 *
 * @public
 */
export const insightsQuerySchema = z
  .object({
    entityRef: repeatable(entityRefSchema)
      .optional()
      .describe(
        'The postmortems about any of these entities (repeatable); none: the whole portal',
      ),
    from: monthSchema
      .optional()
      .describe(
        'First month of the range, inclusive; default: 11 months before `to`',
      ),
    to: monthSchema
      .optional()
      .describe('Last month of the range, inclusive; default: this month'),
    months: z
      .string()
      .refine(
        s =>
          /^\d{1,2}$/.test(s) &&
          Number(s) >= 1 &&
          Number(s) <= INSIGHTS_MAX_MONTHS,
        { message: `must be an integer from 1 to ${INSIGHTS_MAX_MONTHS}` },
      )
      .transform(Number)
      .meta({ type: 'integer', minimum: 1, maximum: INSIGHTS_MAX_MONTHS })
      .optional()
      .describe(
        'The last this many months up to `to`, instead of `from`: "the last 12 months" in the zone of the API, whatever the zone of the one asking',
      ),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.months !== undefined && value.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['months'],
        params: { code: 'not_with', field: 'from' },
        message: 'must not be given with from',
      });
      return;
    }
    if (!value.from || !value.to) return;
    const span = monthSpan(value.from, value.to);
    if (span < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        params: { code: 'not_before', field: 'from' },
        message: 'must not be before from',
      });
    } else if (span > INSIGHTS_MAX_MONTHS) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        params: { code: 'too_long', max: INSIGHTS_MAX_MONTHS },
        message: `must be at most ${INSIGHTS_MAX_MONTHS} months before to`,
      });
    }
  });

/**
 * The query of `GET /insights`, as the client gives it.
 *
 * @public
 */
export type InsightsQuery = z.output<typeof insightsQuerySchema>;

const count = z.number().int().min(0);
const share = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe('From 0 to 1; null when there is nothing to divide');
const median = (unit: string) =>
  z
    .number()
    .nullable()
    .describe(
      `Median in ${unit} (the mean of the middle two for an even count); null without data`,
    );

const severityCounts = Object.fromEntries(
  SEVERITIES.map(s => [s, count]),
) as Record<(typeof SEVERITIES)[number], typeof count>;

/**
 * The insights of a scope over a range of months.
 *
 * @public
 */
export const insightsSchema = z
  .object({
    range: z
      .object({
        from: monthSchema,
        to: monthSchema,
        timezone: z
          .string()
          .describe(
            'The IANA zone whose calendar months and quarters these are (`postmortems.readingSessions.timezone`)',
          ),
      })
      .strict(),
    entityRefs: z
      .array(entityRefValue)
      .describe('The scope; empty for the whole portal'),
    incidents: z
      .array(
        z
          .object({ month: monthSchema, total: count, ...severityCounts })
          .strict(),
      )
      .describe(
        'Live postmortems (any status) that started in each month, by severity; every month of the range, oldest first',
      ),
    detection: z
      .array(
        z
          .object({
            month: monthSchema,
            customer_report: count,
            monitoring_alert: count,
            internal_discovery: count,
            other: count,
            customerShare: share.describe(
              'customer_report ÷ all four; null in a month without incidents',
            ),
          })
          .strict(),
      )
      .describe('How the incidents of each month were detected'),
    durations: z
      .array(
        z
          .object({
            quarter: z.string().meta({ example: '2026-Q4' }),
            incidents: count,
            medianMinutesToDetect: median('minutes').describe(
              'Whole minutes (rounded down) from startedAt to detectedAt, over the incidents that have detectedAt',
            ),
            medianMinutesToResolve: median('minutes').describe(
              'Whole minutes (rounded down) from startedAt to resolvedAt, over the incidents that have resolvedAt',
            ),
          })
          .strict(),
      )
      .describe(
        'Per calendar quarter that the range touches, by the incidents that started in it within the range',
      ),
    actionItems: z
      .object({
        months: z
          .array(
            z
              .object({
                month: monthSchema,
                opened: count.describe('Created in the month'),
                closed: count.describe('Became done or won’t do in the month'),
              })
              .strict(),
          )
          .describe(
            'Action items of the scope’s postmortems (whenever these started)',
          ),
        openByAge: z
          .object({
            days0to30: count,
            days31to90: count,
            days91to180: count,
            over180: count,
          })
          .strict()
          .describe(
            'The scope’s action items open today (open or in progress), by whole days since they were created: calendar days of the zone from the day of creation to today',
          ),
        medianDaysToClose: median('days').describe(
          'Over the items closed (done or won’t do) within the range, from creation to completion, in whole days of 24 h (rounded down)',
        ),
        dueInRange: count.describe(
          'Items with a due date within the range and before today',
        ),
        closedByDueDate: count.describe(
          'Of those, closed on or before their due date (in the zone)',
        ),
        closedByDueDateShare: share,
      })
      .strict(),
    reading: z
      .object({
        postmortems: count.describe('The incidents of the range'),
        read: count.describe(
          'Of those, picked by a reading session that was held',
        ),
        share,
      })
      .strict(),
    owners: z
      .array(
        z
          .object({
            owner: entityRefValue
              .nullable()
              .describe('A user or group ref; null for unassigned items'),
            open: count,
            overdue: count,
            closed: count.describe('Closed within the range'),
            medianDaysToClose: median('days'),
          })
          .strict(),
      )
      .describe(
        'Action-item health per owner of the scope’s items: those with open items first (most open first, then most overdue, most closed, by ref, unassigned last), at most 50; an owner with nothing open and nothing closed within the range is left out',
      ),
    topEntities: z
      .object({
        byIncidents: z.array(
          z.object({ entityRef: entityRefValue, count }).strict(),
        ),
        byOverdueItems: z.array(
          z.object({ entityRef: entityRefValue, count }).strict(),
        ),
      })
      .strict()
      .describe(
        'The ten entities with the most incidents in the range and the most overdue items today (ties by ref); only for the whole portal, else empty',
      ),
  })
  .strict();

/**
 * The insights of a scope over a range of months.
 *
 * @public
 */
export type Insights = z.output<typeof insightsSchema>;
