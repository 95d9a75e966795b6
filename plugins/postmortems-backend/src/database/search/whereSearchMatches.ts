import { Knex } from 'knex';
import { LIKE_ESCAPE, containsPattern, normalizeSearch } from '../conversions';
import { OVERFLOW_WORD, queryGrams } from './grams';

/**
 * Keeps the postmortems (alias `p`) whose search text contains `q`, in two
 * steps: the engine's full-text index over `search_grams` picks the
 * candidates that have all the query's grams (see `grams.ts`), so a search
 * does not read every postmortem, and the LIKE on `search_text` keeps
 * exactly those that contain the query, as a plain scan would.
 *
 * A postmortem too long to index word by word carries only the overflow
 * word (see `MAX_INDEXED_WORDS`), which every search also asks for.
 *
 * The index is the one migrations/20261202000001_search_grams.js builds:
 * none of them needs a database extension, so there is no engine to fall
 * back from.
 */
export function whereSearchMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  q: string,
): Knex.QueryBuilder {
  const text = normalizeSearch(q);
  const grams = queryGrams(text);
  if (grams.length > 0) {
    const client = String(db.client.config.client);
    if (client.includes('mysql')) {
      // InnoDB FULLTEXT in boolean mode: + makes every word required.
      // MariaDB has no ngram parser, hence grams of our own.
      // A group and a bare word: rows with all of the group, or the word.
      query.whereRaw('MATCH(p.search_grams) AGAINST (? IN BOOLEAN MODE)', [
        `(${grams.map(gram => `+${gram}`).join(' ')}) ${OVERFLOW_WORD}`,
      ]);
    } else if (client === 'pg' || client.includes('postgres')) {
      // The GIN index on the generated tsvector column; 'simple' neither
      // stems nor drops stopwords.
      query.whereRaw("p.search_vector @@ to_tsquery('simple', ?)", [
        `(${grams.join(' & ')}) | ${OVERFLOW_WORD}`,
      ]);
    } else {
      query.whereRaw(
        'p.id IN (SELECT postmortem_id FROM postmortems_search WHERE postmortems_search MATCH ?)',
        [`(${grams.join(' AND ')}) OR ${OVERFLOW_WORD}`],
      );
    }
  }
  return query.whereRaw(`p.search_text LIKE ? ESCAPE '${LIKE_ESCAPE}'`, [
    containsPattern(text),
  ]);
}
