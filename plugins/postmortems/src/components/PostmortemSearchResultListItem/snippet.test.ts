import { snippetWindow, truncateText } from './snippet';

const PRE = '<abc123>';
const POST = '</abc123>';
const tagged = (word: string) => `${PRE}${word}${POST}`;
const visible = (text: string) => text.split(PRE).join('').split(POST).join('');

describe('truncateText', () => {
  it('keeps a short text whole', () => {
    expect(truncateText('  Queue backlog.  ')).toBe('Queue backlog.');
  });

  it('cuts a long text at the length, with an ellipsis', () => {
    const text = 'a'.repeat(500);
    expect(truncateText(text, 100)).toBe(`${'a'.repeat(100)}…`);
  });

  it('never splits a character outside the basic plane', () => {
    const text = `${'a'.repeat(99)}𠮷${'b'.repeat(100)}`;
    const cut = truncateText(text, 100);
    expect(cut).toBe(`${'a'.repeat(99)}𠮷…`);
  });
});

describe('snippetWindow', () => {
  it('leaves a short highlighted text (a PostgreSQL snippet) as it is', () => {
    const text = `The ${tagged('queue')} backed up.`;
    expect(snippetWindow(text, PRE, POST)).toBe(text);
  });

  it('shows the start when the first match is near it', () => {
    const text = `The ${tagged('queue')} backed up. ${'More text. '.repeat(
      60,
    )}`;
    const window = snippetWindow(text, PRE, POST, 100);
    expect(window.startsWith(`The ${tagged('queue')}`)).toBe(true);
    expect(window.endsWith('…')).toBe(true);
    expect(visible(window).length).toBeLessThanOrEqual(101);
  });

  it('moves to a match deep in a long English text, starting at a word', () => {
    const text = `${'Nothing happened here. '.repeat(40)}Then the ${tagged(
      'deadlock',
    )} stopped every write. ${'After that, recovery. '.repeat(40)}`;
    const window = snippetWindow(text, PRE, POST, 120);
    expect(window).toContain(tagged('deadlock'));
    expect(window.startsWith('…')).toBe(true);
    // It starts after a space, not in the middle of a word.
    expect(window).toMatch(/^…[A-Z]/);
    // Some context before the match.
    expect(window.indexOf(PRE)).toBeGreaterThan(30);
    expect(window.endsWith('…')).toBe(true);
  });

  it('moves to a match deep in Japanese text, starting after a sentence', () => {
    const text = `${'請求書の発行は通常どおり行われていた。'.repeat(
      20,
    )}夜間バッチの後、キューに${tagged(
      '滞留',
    )}が発生した。${'復旧作業を続けた。'.repeat(30)}`;
    const window = snippetWindow(text, PRE, POST, 80);
    expect(window).toContain(tagged('滞留'));
    expect(window).toMatch(/^…請求書|^…夜間/);
    expect(window.endsWith('…')).toBe(true);
  });

  it('never cuts inside a match or a tag at the end', () => {
    const text = `${'x '.repeat(200)}${tagged('deadlock')} and ${tagged(
      'deadlock',
    )}${' y'.repeat(200)}`;
    for (const length of [60, 61, 62, 63, 64, 65, 66, 70]) {
      const window = snippetWindow(text, PRE, POST, length);
      const opened = window.split(PRE).length - 1;
      const closed = window.split(POST).length - 1;
      expect([length, opened]).toEqual([length, closed]);
      // A tag is either whole or absent.
      expect(window.replace(/<\/?abc123>/g, '')).not.toMatch(/<\/?abc/);
    }
  });

  it('ends a window at the length in visible characters, tags not counted', () => {
    const many = Array.from({ length: 100 }, () => tagged('queue')).join(' ');
    const window = snippetWindow(many, PRE, POST, 50);
    // 50 visible characters, finished to the end of the match they fall in.
    expect(visible(window).replace(/…$/, '').length).toBeGreaterThanOrEqual(50);
    expect(visible(window).replace(/…$/, '').length).toBeLessThanOrEqual(55);
  });

  it('falls back to the start of the text when nothing is tagged', () => {
    const text = 'word '.repeat(200);
    expect(snippetWindow(text, PRE, POST, 20)).toBe('word word word word…');
  });
});
