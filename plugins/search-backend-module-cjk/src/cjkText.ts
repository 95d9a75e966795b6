/*
 * Japanese, Chinese and Korean text has no spaces between words, and the
 * portal's search engines (Lunr, PostgreSQL's english text search) split
 * words at spaces and punctuation: a whole sentence becomes one "word", and
 * a word inside it is never found. Here such text is indexed as overlapping
 * pairs of characters (bigrams), and a query is turned into the pairs of its
 * own words: `滞留` is found in `キューにジョブが滞留し`.
 *
 * The engines' own pipelines would mangle the pairs (Lunr's trimmer drops
 * every character outside [A-Za-z0-9_]), so each pair is written as an ASCII
 * token: `c` and the two code points as six decimal digits each. Tokens
 * that end in a digit and have no vowels pass Lunr's stemmer and stop-word
 * filter and PostgreSQL's english configuration unchanged.
 */

/**
 * A run of characters of the scripts written without spaces, with the long
 * vowel mark and the iteration marks that belong to them.
 */
const CJK_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3006\u30fc\uff70]+/gu;

const CJK_TOKEN = /^c(?:\d{6}){1,2}$/;

/** Text as it is indexed and searched: NFKC (half-width kana → full), lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The runs of CJK characters of a text, normalised, in order. */
export function cjkRuns(text: string): string[] {
  return normalizeText(text).match(CJK_RUN) ?? [];
}

function encodeChars(chars: string[]): string {
  return `c${chars
    .map(char => String(char.codePointAt(0)).padStart(6, '0'))
    .join('')}`;
}

/**
 * The tokens of one run: each pair of neighbouring characters, and the last
 * character alone, so that every character starts some token (a
 * one-character query is a prefix search).
 */
function runTokens(run: string): string[] {
  const chars = Array.from(run);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    tokens.push(encodeChars([chars[i], chars[i + 1]]));
  }
  tokens.push(encodeChars([chars[chars.length - 1]]));
  return tokens;
}

/** The index tokens of a text's CJK runs, separated by spaces ('' if none). */
export function indexTokens(text: string): string {
  return cjkRuns(text).flatMap(runTokens).join(' ');
}

/**
 * The tokens a query's CJK word must match, all of them: its pairs, or for
 * one character that character (matched as a prefix of the indexed tokens).
 */
export function queryTokens(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) {
    return [encodeChars(chars)];
  }
  return runTokens(run).slice(0, -1);
}

/** Whether a word of a query is one of the tokens made here. */
export function isCjkToken(word: string): boolean {
  return CJK_TOKEN.test(word);
}

/** Whether a token stands for one character (a prefix search). */
export function isSingleCharacterToken(word: string): boolean {
  return word.length === 7;
}

/**
 * A query's term as the engine is asked: each CJK run replaced by its
 * tokens, everything else as typed.
 */
export function translateTerm(term: string): string {
  const normalized = term.normalize('NFKC');
  return normalized
    .replace(CJK_RUN, run => ` ${queryTokens(run.toLowerCase()).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim();
}
