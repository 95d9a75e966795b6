import { findRanges, highlightWords } from './highlight';
import { translateTerm } from './cjkText';

const tags = { preTag: '<b>', postTag: '</b>' };

describe('findRanges', () => {
  it('finds a word after NFKC and lower case, in the original offsets', () => {
    expect(findRanges('ｼﾞｮﾌﾞｷｭｰの監視', ['キュー'])).toEqual([[5, 8]]);
    expect(findRanges('㈱請求', ['(株)請求'])).toEqual([[0, 3]]);
    expect(findRanges('ｼﾞｮﾌﾞｷｭｰ', ['ジョブ'])).toEqual([[0, 5]]);
  });

  it('merges overlapping matches and never matches across a tag', () => {
    expect(findRanges('滞留滞留', ['滞留', '留滞'])).toEqual([[0, 4]]);
    expect(findRanges('滞<b>留</b>', ['滞留'], tags)).toEqual([]);
  });
});

describe('highlightWords', () => {
  const original = `${'あ'.repeat(100)}キューが滞留した${'い'.repeat(300)}`;

  it("marks the word in the engine's highlight when it is there", () => {
    expect(
      highlightWords({
        highlighted: 'ジョブが<b>deadlock</b>で滞留',
        original: 'unused',
        words: ['滞留'],
        tags,
        wholeField: false,
      }),
    ).toBe('ジョブが<b>deadlock</b>で<b>滞留</b>');
  });

  it("cuts a snippet around the first word when the engine's snippet lacks it", () => {
    const snippet = highlightWords({
      highlighted: 'あああ',
      original,
      words: ['滞留'],
      tags,
      wholeField: false,
    })!;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('キューが<b>滞留</b>した');
    expect(snippet.length).toBeLessThan(220);
  });

  it('marks the whole field for an engine that highlights whole fields', () => {
    expect(
      highlightWords({
        highlighted: undefined,
        original: 'キューが滞留した',
        words: ['滞留'],
        tags,
        wholeField: true,
      }),
    ).toBe('キューが<b>滞留</b>した');
  });

  it('gives nothing when the field does not contain the word', () => {
    expect(
      highlightWords({
        highlighted: undefined,
        original: 'deadlock',
        words: ['滞留'],
        tags,
        wholeField: true,
      }),
    ).toBeUndefined();
  });
});

describe('translateTerm', () => {
  it('sends a Japanese word as its pairs and keeps other words', () => {
    expect(translateTerm('滞留')).toBe('c028382030041');
    expect(translateTerm('ｷｭｰ deadlock')).toBe(
      'c012461012517 c012517012540 deadlock',
    );
    expect(translateTerm('滞')).toBe('c028382');
    expect(translateTerm('deadlock autoscaling')).toBe('deadlock autoscaling');
  });
});
