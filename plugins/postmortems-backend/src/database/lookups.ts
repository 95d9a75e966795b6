import { Knex } from 'knex';
import { NO_DUE_DATE } from './rows';

/**
 * The ids of the postmortems about any of these entities, as a subquery of
 * the lookup table `postmortem_entities` (indexed by entity ref).
 */
export function postmortemIdsAbout(
  db: Knex,
  entityRefs: string[],
): Knex.QueryBuilder {
  return db('postmortem_entities')
    .select('postmortem_id')
    .whereIn('entity_ref', entityRefs);
}

/**
 * Copies a postmortem's `started_at` and `deleted_at` to its rows in
 * `postmortem_entities`, whose index yields an entity's timeline in page
 * order; in the transaction of the change.
 */
export async function syncEntityTimeline(
  tx: Knex.Transaction,
  postmortemId: string,
): Promise<void> {
  await tx('postmortem_entities')
    .where({ postmortem_id: postmortemId })
    .update({
      started_at: tx('postmortems')
        .select('started_at')
        .where({ id: postmortemId }),
      deleted_at: tx('postmortems')
        .select('deleted_at')
        .where({ id: postmortemId }),
    });
}

/**
 * Recounts what a postmortem keeps of its action items for ranking (how
 * many are open, the two earliest due dates among them), in the
 * transaction of the change, which holds the postmortem's row lock
 * (`lockPostmortemRow`); the items are read as committed (a locking read),
 * not from an older snapshot.
 */
export async function refreshOpenItems(
  tx: Knex.Transaction,
  postmortemId: string,
): Promise<void> {
  const open = await tx('action_items')
    .where({ postmortem_id: postmortemId, is_open: true })
    .select('due_key')
    .orderBy('due_key')
    .forShare();
  const dues = open
    .map(row => row.due_key as string)
    .filter(due => due !== NO_DUE_DATE);
  await tx('postmortems')
    .where({ id: postmortemId })
    .update({
      open_items: open.length,
      first_open_due: dues[0] ?? null,
      second_open_due: dues[1] ?? null,
    });
}
