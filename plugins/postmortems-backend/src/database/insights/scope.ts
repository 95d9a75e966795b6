import { Knex } from 'knex';
import { InsightsCalendar } from './calendar';
import { EngineSql, Fragment, list, raw, sql } from './sql';

/** What every query of one insights request shares. */
export interface InsightsQueryContext {
  db: Knex;
  engine: EngineSql;
  calendar: InsightsCalendar;
  /** The scope's entities; none: the whole portal. */
  entityRefs: string[];
}

/** `postmortems p`, read through the index of live ones with their facts. */
export function postmortemsTable(context: InsightsQueryContext): Fragment {
  return context.engine.tableThrough(
    'postmortems',
    'p',
    'postmortems_live_facts_idx',
  );
}

/** `action_items a`, read through the index of a postmortem's item facts. */
export function itemsTable(context: InsightsQueryContext): Fragment {
  return context.engine.tableThrough(
    'action_items',
    'a',
    'action_items_postmortem_facts_idx',
  );
}

/** The start of the range and its end (exclusive), as instants. */
export function rangeOf(calendar: InsightsCalendar): [Date, Date] {
  const { monthStarts } = calendar;
  return [monthStarts[0], monthStarts[monthStarts.length - 1]];
}

/**
 * The conditions on `postmortems p` of the scope's live postmortems that
 * started within the range. An entity's are found on the lookup index of
 * its timeline (`postmortem_entities`: entity, start, id, of live ones), a
 * postmortem about two of a team's entities once; the portal's on the
 * index of live postmortems by start.
 */
export function postmortemsInRange(context: InsightsQueryContext): Fragment {
  const [start, end] = rangeOf(context.calendar);
  const live = sql`p.deleted_at IS NULL AND p.started_at >= ${start} AND p.started_at < ${end}`;
  if (context.entityRefs.length === 0) {
    return live;
  }
  return sql`p.id IN (
      SELECT e.postmortem_id FROM postmortem_entities e
      WHERE e.entity_ref IN (${list(context.entityRefs)})
        AND e.deleted_at IS NULL
        AND e.started_at >= ${start} AND e.started_at < ${end}
    ) AND ${live}`;
}

/**
 * The conditions on `action_items a` of the items of the scope's live
 * postmortems, whenever these started. The portal's are the items not of a
 * deleted postmortem: the few deleted ids, rather than a join of every
 * item with its postmortem.
 */
export function itemsOfScope(context: InsightsQueryContext): Fragment {
  if (context.entityRefs.length === 0) {
    return raw(
      'a.postmortem_id NOT IN (SELECT d.id FROM postmortems d WHERE d.deleted_at IS NOT NULL)',
    );
  }
  return sql`a.postmortem_id IN (
      SELECT e.postmortem_id FROM postmortem_entities e
      WHERE e.entity_ref IN (${list(
        context.entityRefs,
      )}) AND e.deleted_at IS NULL
    )`;
}
