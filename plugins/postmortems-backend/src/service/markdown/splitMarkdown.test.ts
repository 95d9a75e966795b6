import { normalizeHeading, splitMarkdown } from './splitMarkdown';

describe('splitMarkdown', () => {
  it('splits off the front matter and finds the headings', () => {
    const { frontMatter, lines, headings } = splitMarkdown(
      '\uFEFF---\r\ntitle: x\r\nseverity: sev2\r\n---\r\n# Title #\r\n\r\n## サマリ\r\ntext\r\n',
    );
    expect(frontMatter).toBe('title: x\nseverity: sev2');
    expect(lines[0]).toBe('# Title #');
    expect(headings).toEqual([
      { level: 1, text: 'Title', line: 0 },
      { level: 2, text: 'サマリ', line: 2 },
    ]);
  });

  it('has no front matter unless the file starts with --- and closes it', () => {
    expect(splitMarkdown('# T\n---\na: b\n---\n').frontMatter).toBeUndefined();
    const unclosed = splitMarkdown('---\na: b\n# T\n');
    expect(unclosed.frontMatter).toBeUndefined();
    expect(unclosed.lines[0]).toBe('---');
  });

  it('ignores # inside fenced code blocks, of either fence, until the same fence closes', () => {
    const { headings } = splitMarkdown(
      [
        '## Summary',
        '```bash',
        '# a comment, not a heading',
        '~~~',
        '## still code',
        '```',
        '## Impact',
        '~~~~',
        '## code',
        '~~~',
        '## code, the fence needs four',
        '~~~~',
        '   ## Trigger',
        '    ## indented code, not a heading',
        '#hashtag',
        '##',
      ].join('\n'),
    );
    expect(headings.map(h => [h.level, h.text])).toEqual([
      [2, 'Summary'],
      [2, 'Impact'],
      [2, 'Trigger'],
      [2, ''],
    ]);
  });

  it('compares headings case-, width- and space-insensitively', () => {
    expect(normalizeHeading('ＲＯＯＴ  Causes：')).toBe('root causes');
    expect(normalizeHeading('ｻﾏﾘ')).toBe('サマリ');
    expect(normalizeHeading(' Action Items: ')).toBe('action items');
  });
});
