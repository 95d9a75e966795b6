import { normalizeSearch } from '../conversions';
import {
  gramsDecide,
  MAX_INDEXED_WORDS,
  MAX_QUERY_GRAMS,
  OVERFLOW_WORD,
  queryGrams,
  searchGramsOf,
} from './grams';

// The words of single code points, spelled by hand: c mod 26^4 in base 26.
const A = 'aadt'; // 'a' is 97 = 3 * 26 + 19
const B = 'aadu'; // 'b' is 98
const SPACE = 'aabg'; // ' ' is 32 = 1 * 26 + 6

describe('searchGramsOf', () => {
  it('gives a text with too many distinct words the overflow word alone', () => {
    // n distinct code points in a row: n unigrams and n - 1 bigrams.
    const text = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        String.fromCodePoint(0x4e00 + i),
      ).join('');
    const most = Math.floor((MAX_INDEXED_WORDS + 1) / 2);
    expect(searchGramsOf(text(most)).split(' ')).toHaveLength(2 * most - 1);
    expect(2 * (most + 1) - 1).toBeGreaterThan(MAX_INDEXED_WORDS);
    expect(searchGramsOf(text(most + 1))).toBe(OVERFLOW_WORD);
    expect(OVERFLOW_WORD).toMatch(/^z[a-z]+$/);
  });

  it('spells each code point as four letters, base 26', () => {
    expect(searchGramsOf('a')).toBe(`u${A}`);
    expect(searchGramsOf(' ')).toBe(`u${SPACE}`);
    // U+6EDE 滞 is 28382 = 1 * 26^3 + 15 * 26^2 + 25 * 26 + 16.
    expect(searchGramsOf('滞')).toBe('ubpzq');
  });

  it('has a unigram per distinct code point and a bigram per distinct pair', () => {
    expect(searchGramsOf('ab')).toBe(`u${A} u${B} b${A}${B}`);
    expect(searchGramsOf('abab').split(' ')).toEqual([
      `u${A}`,
      `u${B}`,
      `b${A}${B}`,
      `b${B}${A}`,
    ]);
    expect(searchGramsOf('aaaa')).toBe(`u${A} b${A}${A}`);
  });

  it('counts whitespace and punctuation as code points', () => {
    expect(searchGramsOf('a b')).toBe(
      `u${A} u${SPACE} b${A}${SPACE} u${B} b${SPACE}${B}`,
    );
    expect(searchGramsOf('%_!\n').split(' ')).toHaveLength(7);
  });

  it('takes a character outside the BMP as one code point', () => {
    const words = searchGramsOf('😀a').split(' ');
    expect(words).toHaveLength(3);
    expect(words[0]).toMatch(/^u[a-z]{4}$/);
  });

  it('reads a lone surrogate as U+FFFD, as the drivers store it', () => {
    expect(searchGramsOf('\ud800')).toBe(searchGramsOf('\ufffd'));
    expect(searchGramsOf('a\udc00')).toBe(searchGramsOf('a\ufffd'));
  });

  it('is empty for an empty text', () => {
    expect(searchGramsOf('')).toBe('');
  });

  it('only makes words every full-text parser keeps whole', () => {
    const text = normalizeSearch(
      'ＡＢＣ ｷｭｰ 非同期ジョブのキュー滞留 100% done_ok! AND OR NOT NEAR 😀',
    );
    for (const word of searchGramsOf(text).split(' ')) {
      expect(word).toMatch(/^(u[a-z]{4}|b[a-z]{8})$/);
    }
  });
});

describe('queryGrams', () => {
  it('asks for the unigram of a single code point', () => {
    expect(queryGrams('a')).toEqual([`u${A}`]);
    expect(queryGrams('😀')).toEqual([searchGramsOf('😀')]);
  });

  it('asks for the distinct bigrams of a longer query', () => {
    expect(queryGrams('ab')).toEqual([`b${A}${B}`]);
    expect(queryGrams('abab')).toEqual([`b${A}${B}`, `b${B}${A}`]);
    expect(queryGrams('滞留')).toEqual(
      searchGramsOf('滞留')
        .split(' ')
        .filter(word => word.startsWith('b')),
    );
  });

  it('asks for nothing on an empty query', () => {
    expect(queryGrams('')).toEqual([]);
  });

  it('asks for words the text has when the text contains the query', () => {
    const text = normalizeSearch(
      'キューにジョブが滞留し、請求書の作成が遅れた。',
    );
    const words = new Set(searchGramsOf(text).split(' '));
    for (const query of ['滞留', 'ジョブが', 'の', '。', 'し、請求']) {
      for (const word of queryGrams(query)) {
        expect(words).toContain(word);
      }
    }
  });

  it(`asks for at most ${MAX_QUERY_GRAMS} distinct bigrams, spread over a long query`, () => {
    const query = Array.from({ length: 100 }, (_, i) =>
      String.fromCodePoint(0x3042 + i),
    ).join('');
    expect(queryGrams(query.slice(0, 25))).toHaveLength(MAX_QUERY_GRAMS);
    const words = queryGrams(query);
    expect(words).toHaveLength(MAX_QUERY_GRAMS);
    expect(new Set(words).size).toBe(MAX_QUERY_GRAMS);
    const bigrams = searchGramsOf(query)
      .split(' ')
      .filter(word => word.startsWith('b'));
    expect(words[0]).toBe(bigrams[0]);
    expect(words[MAX_QUERY_GRAMS - 1]).toBe(bigrams[bigrams.length - 1]);
    for (const word of words) {
      expect(bigrams).toContain(word);
    }
  });
});

describe('gramsDecide', () => {
  it('trusts the grams alone for one or two code points with spellings of their own', () => {
    expect(gramsDecide('滞')).toBe(true);
    expect(gramsDecide('滞留')).toBe(true);
    expect(gramsDecide('𠮷野')).toBe(true); // U+20BB7 is below 26^4
    expect(gramsDecide('滞留し')).toBe(false);
    expect(gramsDecide('')).toBe(false);
    // U+E0061 (a tag character) shares its spelling with U+0041 + 26^4·k.
    expect(gramsDecide('\u{E0061}')).toBe(false);
  });
});
