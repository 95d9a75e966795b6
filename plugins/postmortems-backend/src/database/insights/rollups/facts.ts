import { Knex } from 'knex';
import { toMillis, toOptionalMillis } from '../../conversions';
import { Row } from '../../rows';
import { PostmortemFacts } from './tally';

/** Rows per `IN (…)`: well under every engine's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    out.push(values.slice(i, i + CHUNK));
  }
  return out;
}

/**
 * The facts of these postmortems (those that exist) from their rows, their
 * entity lookup rows, their action items and the held sessions that picked
 * them. With `locking`, read as committed (a share lock on PostgreSQL and
 * MySQL, whose REPEATABLE READ would otherwise answer from the
 * transaction's snapshot): a write reads them after taking the
 * postmortem's row lock.
 */
export async function readFacts(
  db: Knex | Knex.Transaction,
  ids: string[],
  options: { locking?: boolean } = {},
): Promise<Map<string, PostmortemFacts>> {
  const facts = new Map<string, PostmortemFacts>();
  const locked = (query: Knex.QueryBuilder) =>
    options.locking ? query.forShare() : query;
  for (const batch of chunks([...new Set(ids)])) {
    // One after the other: a transaction is one connection.
    const postmortems: Row[] = await locked(
      db('postmortems')
        .whereIn('id', batch)
        .select(
          'id',
          'deleted_at',
          'started_at',
          'severity',
          'detection',
          'detected_at',
          'resolved_at',
        ),
    );
    const entities: Row[] = await locked(
      db('postmortem_entities')
        .whereIn('postmortem_id', batch)
        .select('postmortem_id', 'entity_ref'),
    );
    const items: Row[] = await locked(
      db('action_items')
        .whereIn('postmortem_id', batch)
        .select(
          'postmortem_id',
          'owner',
          'created_at',
          'completed_at',
          'is_open',
          'due_key',
        ),
    );
    const reads: Row[] = await locked(
      db('reading_sessions')
        .whereIn('postmortem_id', batch)
        .where('status', 'held')
        .select('postmortem_id'),
    );
    for (const row of postmortems) {
      facts.set(row.id, {
        id: row.id,
        live: row.deleted_at === null || row.deleted_at === undefined,
        startedAt: toMillis(row.started_at),
        severity: row.severity ?? null,
        detection: row.detection ?? null,
        detectedAt: toOptionalMillis(row.detected_at),
        resolvedAt: toOptionalMillis(row.resolved_at),
        entityRefs: [],
        wasRead: false,
        items: [],
      });
    }
    for (const row of entities) {
      facts.get(row.postmortem_id)?.entityRefs.push(row.entity_ref);
    }
    for (const row of items) {
      facts.get(row.postmortem_id)?.items.push({
        owner: row.owner ?? null,
        createdAt: toMillis(row.created_at),
        completedAt: toOptionalMillis(row.completed_at),
        isOpen: Boolean(row.is_open),
        dueKey: row.due_key,
      });
    }
    for (const row of reads) {
      const found = facts.get(row.postmortem_id);
      if (found) found.wasRead = true;
    }
  }
  return facts;
}
