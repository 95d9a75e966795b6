import { Knex } from 'knex';
import {
  LIKE_ESCAPE,
  containsPattern,
  engineOf,
  normalizeSearch,
} from '../conversions';
import { OVERFLOW_WORD, gramsDecide, queryGrams } from './grams';

/**
 * Keeps the postmortems (alias `p`) whose search text contains `q`, in two
 * steps: the engine's full-text index over `search_grams` picks the
 * candidates that have all the query's grams (see `grams.ts`), so a search
 * does not read every postmortem, and the LIKE on `search_text` keeps
 * exactly those that contain the query, as a plain scan would. For a
 * query of one or two code points the grams decide alone (`gramsDecide`).
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
  const { whereCandidates, recheck } = searchConditions(db, q);
  whereCandidates(query);
  return recheck ? query.where(recheck) : query;
}

/**
 * The two steps of {@link whereSearchMatches} apart: `whereCandidates`
 * adds what the index answers, and `recheck` (when the grams do not decide
 * alone) is the LIKE that keeps exactly the matches. A page can then sort
 * candidates first and read the text of only those it shows.
 */
export function searchConditions(
  db: Knex,
  q: string,
): {
  whereCandidates: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
  recheck?: Knex.Raw;
} {
  const text = normalizeSearch(q);
  const grams = queryGrams(text);
  const like = db.raw(`p.search_text LIKE ? ESCAPE '${LIKE_ESCAPE}'`, [
    containsPattern(text),
  ]);
  if (grams.length === 0) {
    return { whereCandidates: query => query, recheck: like };
  }
  const matches = indexMatches(db);
  if (gramsDecide(text)) {
    // One or two code points: having the gram is containing the text, so
    // the LIKE reads only the few postmortems too long to index word by
    // word (some 250 ms saved at 100,000 postmortems for a word in 16 % of
    // them). One index condition, not an OR of two: MySQL reads the whole
    // table for a MATCH inside an OR.
    return {
      whereCandidates: query =>
        query.where(matches('p', grams, OVERFLOW_WORD)).where(q2 =>
          q2
            .whereNotIn(
              'p.id',
              db('postmortems as o')
                .select('o.id')
                .where(matches('o', [OVERFLOW_WORD])),
            )
            .orWhere(like),
        ),
    };
  }
  return {
    whereCandidates: query => query.where(matches('p', grams, OVERFLOW_WORD)),
    recheck: like,
  };
}

/**
 * The engine's full-text condition on the postmortems as `alias`: those
 * whose words include all of `words`, or `orWord`.
 */
function indexMatches(
  db: Knex,
): (alias: string, words: string[], orWord?: string) => Knex.Raw {
  const engine = engineOf(db);
  if (engine === 'mysql') {
    // InnoDB FULLTEXT in boolean mode: + makes a word required, and a
    // group beside a bare word matches rows with either. MariaDB has no
    // ngram parser, hence grams of our own.
    return (alias, words, orWord) =>
      db.raw(`MATCH(${alias}.search_grams) AGAINST (? IN BOOLEAN MODE)`, [
        `(${words.map(word => `+${word}`).join(' ')})${
          orWord ? ` ${orWord}` : ''
        }`,
      ]);
  }
  if (engine === 'pg') {
    // The GIN index on the generated tsvector column; 'simple' neither
    // stems nor drops stopwords.
    return (alias, words, orWord) =>
      db.raw(`${alias}.search_vector @@ to_tsquery('simple', ?)`, [
        `(${words.join(' & ')})${orWord ? ` | ${orWord}` : ''}`,
      ]);
  }
  return (alias, words, orWord) =>
    db.raw(
      `${alias}.id IN (SELECT postmortem_id FROM postmortems_search WHERE postmortems_search MATCH ?)`,
      [`(${words.join(' AND ')})${orWord ? ` OR ${orWord}` : ''}`],
    );
}
