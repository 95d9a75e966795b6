import { Postmortem } from '@postmortems/backstage-plugin-postmortems-common';
import { Knex } from 'knex';
import { compact, toNumber, toOptionalIso } from './conversions';
import { CLOSED_STATUSES, Row, rowToPostmortem } from './rows';
import { StoreContext } from './StoreContext';

/** What the API adds to a stored postmortem. */
export type PostmortemDecoration = Pick<
  Postmortem,
  'actionItemCounts' | 'readings'
>;

/**
 * The action item counts and readings of the postmortems that `ids` selects
 * (a list, or a subquery of ids when there are thousands), found with one
 * grouped query each rather than one per postmortem. The answer gives zero
 * counts for a postmortem without action items or readings.
 */
export async function loadDecorations(
  ctx: StoreContext,
  ids: string[] | Knex.QueryBuilder,
): Promise<(id: string) => PostmortemDecoration> {
  const { db } = ctx;
  const [counts, readings] = await Promise.all([
    db('action_items')
      .whereIn('postmortem_id', ids)
      .groupBy('postmortem_id')
      .select(
        'postmortem_id',
        db.raw('COUNT(*) AS total'),
        db.raw(
          'SUM(CASE WHEN status IN (?, ?) THEN 1 ELSE 0 END) AS done',
          CLOSED_STATUSES,
        ),
        db.raw(
          'SUM(CASE WHEN status NOT IN (?, ?) AND due_date < ? THEN 1 ELSE 0 END) AS overdue',
          [...CLOSED_STATUSES, ctx.today()],
        ),
      ),
    db('reading_sessions')
      .whereIn('postmortem_id', ids)
      .where('status', 'held')
      .groupBy('postmortem_id')
      .select(
        'postmortem_id',
        db.raw('COUNT(*) AS readings'),
        db.raw('MAX(scheduled_at) AS last_read_at'),
      ),
  ]);
  const countsById = new Map(counts.map((c: Row) => [c.postmortem_id, c]));
  const readingsById = new Map(readings.map((r: Row) => [r.postmortem_id, r]));
  return id => {
    const c = countsById.get(id);
    const r = readingsById.get(id);
    const total = toNumber(c?.total);
    const done = toNumber(c?.done);
    return {
      actionItemCounts: {
        open: total - done,
        overdue: toNumber(c?.overdue),
        done,
        total,
      },
      readings: compact({
        count: toNumber(r?.readings),
        lastReadAt: toOptionalIso(r?.last_read_at),
      }),
    };
  };
}

/**
 * Postmortem rows as the API returns them: with their action item counts and
 * readings. Lists and single reads go through here; suggestions rank on the
 * same decorations of a lighter projection.
 */
export async function decoratePostmortems(
  ctx: StoreContext,
  rows: Row[],
): Promise<Postmortem[]> {
  if (rows.length === 0) {
    return [];
  }
  const decorationOf = await loadDecorations(
    ctx,
    rows.map(r => r.id),
  );
  return rows.map(row => ({
    ...rowToPostmortem(row),
    ...decorationOf(row.id),
  }));
}
