/*
 * The words of the gram index behind substring search. Every engine's
 * full-text index splits text into words and finds rows that contain given
 * words; none of them finds a substring of a word, and Japanese has no
 * spaces to split on. So the text is indexed as the words of its code
 * points and of its pairs of neighbouring code points (unigrams and
 * bigrams), each spelled as one lower-case ASCII word:
 *
 * - letters only, so that FTS5's unicode61, PostgreSQL's parser and
 *   InnoDB's FULLTEXT parser each keep it as one word, unchanged;
 * - lower-case, so that FTS5 never reads one as its AND, OR, NOT or NEAR;
 * - 5 or 9 letters long: above InnoDB's innodb_ft_min_token_size (3),
 *   and never one of its default stopwords ("about", "und", "where", …:
 *   none has 5 letters starting with "u" or 9 starting with "b").
 *
 * A substring of the text has all its bigrams among the text's (and a
 * single code point, its unigram), so "contains all the query's words" is
 * a necessary condition that an index answers; the LIKE on `search_text`
 * then decides exactly. Code points that share a spelling (the spelling
 * keeps the code point modulo 26^4) only add candidates that the LIKE
 * drops.
 *
 * migrations/20261202000001_search_grams.js keeps a copy of this tokenizer
 * for its backfill: change the spelling and the stored words go stale, so a
 * change here needs a migration that recomputes them.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SPELLING_MODULUS = 26 ** 4;

/**
 * The most words a postmortem is indexed with. PostgreSQL's tsvector holds
 * at most 1 MB (some 74,000 of these words); a text with more distinct
 * code points and pairs (tens of thousands of characters of varied text)
 * is indexed as {@link OVERFLOW_WORD} alone instead, and every search takes
 * it as a candidate for the LIKE to decide: slower for that one, never
 * wrong, never a failed save.
 */
export const MAX_INDEXED_WORDS = 50_000;

/**
 * The only word of a postmortem with more than {@link MAX_INDEXED_WORDS}:
 * letters only, and no unigram or bigram word starts with "z".
 */
export const OVERFLOW_WORD = 'zzzzzzz';

/** The most words a query asks the index for; more cost more than they sift. */
export const MAX_QUERY_GRAMS = 24;

/**
 * The code points of `text`. A lone surrogate counts as U+FFFD, which is
 * what the database drivers store for it when they encode the text as
 * UTF-8, so the words and the stored text agree.
 */
function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const char of text) {
    const point = char.codePointAt(0)!;
    points.push(point >= 0xd800 && point <= 0xdfff ? 0xfffd : point);
  }
  return points;
}

/** A code point as 4 letters, base 26, most significant first. */
function spell(point: number): string {
  let n = point % SPELLING_MODULUS;
  let letters = '';
  for (let i = 0; i < 4; i++) {
    letters = LETTERS[n % 26] + letters;
    n = Math.floor(n / 26);
  }
  return letters;
}

function unigram(point: number): string {
  return `u${spell(point)}`;
}

function bigram(first: number, second: number): string {
  return `b${spell(first)}${spell(second)}`;
}

/**
 * The `search_grams` of a postmortem: the words of every distinct code
 * point and every distinct pair of neighbouring code points of its
 * `search_text` (already normalised by `searchTextOf`), whitespace and
 * punctuation included, space-separated in order of first appearance.
 */
export function searchGramsOf(searchText: string): string {
  const points = codePoints(searchText);
  const words = new Set<string>();
  points.forEach((point, i) => {
    words.add(unigram(point));
    if (i > 0) {
      words.add(bigram(points[i - 1], point));
    }
  });
  return words.size > MAX_INDEXED_WORDS ? OVERFLOW_WORD : [...words].join(' ');
}

/**
 * The words a postmortem's `search_grams` must all contain for its
 * `search_text` to contain `normalisedQuery` (already normalised by
 * `normalizeSearch`): the word of its only code point, or the words of its
 * distinct bigrams, at most {@link MAX_QUERY_GRAMS} of them, taken evenly
 * from the whole query when it has more (any of them is still necessary).
 * None for an empty query, which every text contains.
 */
export function queryGrams(normalisedQuery: string): string[] {
  const points = codePoints(normalisedQuery);
  if (points.length === 0) {
    return [];
  }
  if (points.length === 1) {
    return [unigram(points[0])];
  }
  const words = [
    ...new Set(points.slice(1).map((point, i) => bigram(points[i], point))),
  ];
  if (words.length <= MAX_QUERY_GRAMS) {
    return words;
  }
  return Array.from(
    { length: MAX_QUERY_GRAMS },
    (_, i) =>
      words[Math.floor((i * (words.length - 1)) / (MAX_QUERY_GRAMS - 1))],
  );
}

/**
 * Whether having all of `queryGrams(normalisedQuery)` already means the
 * text contains the query, so that no LIKE has to read the text: a query
 * of one or two code points is its own unigram or bigram, and each of its
 * code points has a spelling of its own (below 26^4; higher ones share).
 */
export function gramsDecide(normalisedQuery: string): boolean {
  const points = codePoints(normalisedQuery);
  return (
    points.length > 0 &&
    points.length <= 2 &&
    points.every(point => point < SPELLING_MODULUS)
  );
}
