import {
  INSIGHTS_MAX_MONTHS,
  InsightsQuery,
  addMonths,
  insightsQuerySchema,
  invalidRequest,
  monthSpan,
} from '@postmortems/backstage-plugin-postmortems-common';
import { InsightsRequest } from '@postmortems/backstage-plugin-postmortems-node';
import { Router } from 'express';
import { DateTime } from 'luxon';
import { parse } from './requests';
import { RouteContext } from './RouteContext';

/**
 * The range of an insights query with its defaults: `to` this month in the
 * zone, `from` 11 months before `to` (`months - 1` with `months`). The schema checks a range that gives
 * both ends; one that gives only `from` is checked here against this
 * month, and named by `from`.
 */
export function insightsRequestOf(
  query: InsightsQuery,
  now: Date,
  timezone: string,
): InsightsRequest {
  const thisMonth = DateTime.fromJSDate(now, { zone: timezone }).toFormat(
    'yyyy-MM',
  );
  const to = query.to ?? thisMonth;
  const from = query.from ?? addMonths(to, -((query.months ?? 12) - 1));
  const span = monthSpan(from, to);
  if (span < 1) {
    throw invalidRequest({
      field: 'from',
      message: `must not be after ${to}, this month (the default of to)`,
      code: 'not_after',
      params: { month: to },
    });
  }
  if (span > INSIGHTS_MAX_MONTHS) {
    throw invalidRequest({
      field: 'from',
      message: `must be at most ${INSIGHTS_MAX_MONTHS} months before to`,
      code: 'too_long',
      params: { max: INSIGHTS_MAX_MONTHS },
    });
  }
  return { entityRefs: [...new Set(query.entityRef ?? [])], from, to };
}

/** `/insights`: what the postmortems of a scope say together. */
export function registerInsightsRoutes(router: Router, context: RouteContext) {
  router.get('/insights', async (req, res) => {
    const query = parse(insightsQuerySchema, req.query);
    res.json(
      await context.stores.insights.getInsights(
        insightsRequestOf(query, context.clock(), context.timezone),
      ),
    );
  });
}
