import {
  ActionItemCounts,
  Postmortem,
} from '@postmortems/backstage-plugin-postmortems-common';
import { compact, toNumber, toOptionalIso } from './conversions';
import { CLOSED_STATUSES, Row, rowToPostmortem } from './rows';
import { StoreContext } from './StoreContext';

/**
 * Postmortem rows as the API returns them: with their action item counts and
 * readings, found with one grouped query each rather than one per
 * postmortem. Lists, single reads and suggestions all go through here.
 */
export async function decoratePostmortems(
  ctx: StoreContext,
  rows: Row[],
): Promise<Postmortem[]> {
  if (rows.length === 0) {
    return [];
  }
  const { db } = ctx;
  const ids = rows.map(r => r.id);
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
  return rows.map(row => {
    const c = countsById.get(row.id);
    const r = readingsById.get(row.id);
    const total = toNumber(c?.total);
    const done = toNumber(c?.done);
    const actionItemCounts: ActionItemCounts = {
      open: total - done,
      overdue: toNumber(c?.overdue),
      done,
      total,
    };
    return {
      ...rowToPostmortem(row),
      actionItemCounts,
      readings: compact({
        count: toNumber(r?.readings),
        lastReadAt: toOptionalIso(r?.last_read_at),
      }),
    };
  });
}
