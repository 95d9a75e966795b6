import { Knex } from 'knex';

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
