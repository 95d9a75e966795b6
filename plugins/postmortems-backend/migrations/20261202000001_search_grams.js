/*
 * Substring search over an index instead of a scan of every postmortem:
 * `postmortems.search_grams` holds one word per distinct code point and per
 * distinct pair of neighbouring code points of `search_text` (see
 * src/database/search/grams.ts), and each engine indexes those words with
 * what it has built in, no extension needed:
 *
 * - PostgreSQL: a stored generated tsvector column with a GIN index;
 * - MySQL/MariaDB: an InnoDB FULLTEXT index (MariaDB has no ngram parser,
 *   hence words of our own);
 * - SQLite: an FTS5 table, kept in step by triggers.
 *
 * Search still checks `search_text` with LIKE, so the index only has to
 * find every match, never decide one.
 */

// @ts-check

const BATCH_SIZE = 500;

/*
 * The tokenizer as it is at this version, copied from grams.ts rather than
 * imported: migrations ship as plain JS beside the compiled src and must go
 * on computing what this version stored when src changes.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SPELLING_MODULUS = 26 ** 4;

/**
 * @param {number} point
 * @returns {string}
 */
function spell(point) {
  let n = point % SPELLING_MODULUS;
  let letters = '';
  for (let i = 0; i < 4; i++) {
    letters = LETTERS[n % 26] + letters;
    n = Math.floor(n / 26);
  }
  return letters;
}

/**
 * @param {string} searchText
 * @returns {string}
 */
function searchGramsOf(searchText) {
  /** @type {number[]} */
  const points = [];
  for (const char of searchText) {
    const point = /** @type {number} */ (char.codePointAt(0));
    points.push(point >= 0xd800 && point <= 0xdfff ? 0xfffd : point);
  }
  const words = new Set();
  points.forEach((point, i) => {
    words.add(`u${spell(point)}`);
    if (i > 0) {
      words.add(`b${spell(points[i - 1])}${spell(point)}`);
    }
  });
  // MAX_INDEXED_WORDS and OVERFLOW_WORD of grams.ts.
  return words.size > 50_000 ? 'zzzzzzz' : [...words].join(' ');
}

/**
 * @param {import('knex').Knex} knex
 * @returns {'pg' | 'mysql' | 'sqlite'}
 */
function engineOf(knex) {
  const client = String(knex.client.config.client);
  if (client.includes('mysql')) {
    return 'mysql';
  }
  if (client === 'pg' || client.includes('postgres')) {
    return 'pg';
  }
  return 'sqlite';
}

/**
 * Fills `search_grams` of the rows there are, a batch at a time in `id`
 * order, so that no more than a batch of texts is in memory at once.
 *
 * @param {import('knex').Knex} knex
 */
async function backfill(knex) {
  /** @type {string | undefined} */
  let after;
  for (;;) {
    const query = knex('postmortems')
      .select('id', 'search_text')
      .orderBy('id')
      .limit(BATCH_SIZE);
    if (after !== undefined) {
      query.where('id', '>', after);
    }
    const rows = await query;
    for (const row of rows) {
      await knex('postmortems')
        .where({ id: row.id })
        .update({ search_grams: searchGramsOf(row.search_text) });
    }
    if (rows.length < BATCH_SIZE) {
      return;
    }
    after = rows[rows.length - 1].id;
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const engine = engineOf(knex);

  // Nullable: MySQL allows no literal default on a TEXT column, and every
  // write of a postmortem sets it (rows.ts, postmortemColumns).
  await knex.schema.alterTable('postmortems', table => {
    table
      .text('search_grams', 'longtext')
      .nullable()
      .comment(
        'Space-separated words of the code points and code point pairs of search_text, for the search index',
      );
  });
  // Before the index exists, so that it is built once from full rows.
  await backfill(knex);

  if (engine === 'pg') {
    // 'simple' lower-cases and neither stems nor drops stopwords, so each
    // word is one lexeme as it is. A tsvector holds at most 1 MB, some
    // 74,000 of these words: a postmortem with more distinct code point
    // pairs than that (over 70,000 characters of varied text) fails to save.
    await knex.raw(
      `ALTER TABLE postmortems ADD COLUMN search_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('simple', search_grams)) STORED`,
    );
    await knex.raw(
      "COMMENT ON COLUMN postmortems.search_vector IS 'search_grams as a tsvector, for the GIN index'",
    );
    await knex.raw(
      'CREATE INDEX postmortems_search_vector_idx ON postmortems USING GIN (search_vector)',
    );
  } else if (engine === 'mysql') {
    // InnoDB's parser keeps every word here: letters only, 5 or 9 long
    // (above innodb_ft_min_token_size, 3) and none a default stopword. A
    // server configured with a larger minimum or its own stopwords would
    // lose words, and search would miss postmortems.
    await knex.raw(
      'ALTER TABLE postmortems ADD FULLTEXT INDEX postmortems_search_grams_ft (search_grams)',
    );
  } else {
    // Found by postmortem_id, not by rowid: postmortems has no INTEGER
    // PRIMARY KEY, so SQLite does not promise to keep its rowids (VACUUM).
    // Finding an entry by postmortem_id scans the FTS table (some 0.2 s at
    // 100,000 postmortems), which the update trigger pays only when the
    // text changed. A later migration that makes Knex rebuild postmortems
    // on SQLite drops these triggers and must create them again.
    await knex.raw(
      'CREATE VIRTUAL TABLE postmortems_search USING fts5(postmortem_id UNINDEXED, search_grams)',
    );
    await knex.raw(
      'INSERT INTO postmortems_search (postmortem_id, search_grams) SELECT id, search_grams FROM postmortems',
    );
    await knex.raw(`
      CREATE TRIGGER postmortems_search_insert AFTER INSERT ON postmortems
      BEGIN
        INSERT INTO postmortems_search (postmortem_id, search_grams)
          VALUES (new.id, new.search_grams);
      END`);
    await knex.raw(`
      CREATE TRIGGER postmortems_search_update AFTER UPDATE OF id, search_grams ON postmortems
      WHEN old.id IS NOT new.id OR old.search_grams IS NOT new.search_grams
      BEGIN
        DELETE FROM postmortems_search WHERE postmortem_id = old.id;
        INSERT INTO postmortems_search (postmortem_id, search_grams)
          VALUES (new.id, new.search_grams);
      END`);
    await knex.raw(`
      CREATE TRIGGER postmortems_search_delete AFTER DELETE ON postmortems
      BEGIN
        DELETE FROM postmortems_search WHERE postmortem_id = old.id;
      END`);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const engine = engineOf(knex);
  if (engine === 'pg') {
    await knex.raw('DROP INDEX postmortems_search_vector_idx');
    await knex.raw('ALTER TABLE postmortems DROP COLUMN search_vector');
  } else if (engine === 'mysql') {
    await knex.raw(
      'ALTER TABLE postmortems DROP INDEX postmortems_search_grams_ft',
    );
  } else {
    await knex.raw('DROP TRIGGER postmortems_search_insert');
    await knex.raw('DROP TRIGGER postmortems_search_update');
    await knex.raw('DROP TRIGGER postmortems_search_delete');
    await knex.raw('DROP TABLE postmortems_search');
  }
  // The engine's own DROP COLUMN, not Knex's dropColumn: on SQLite that
  // rebuilds the table, and dropping the old postmortems inside the
  // migration's transaction (foreign keys on) would cascade to every row
  // that refers to it.
  await knex.raw('ALTER TABLE postmortems DROP COLUMN search_grams');
};
