/*
 * The parts of a Markdown file the importer reads: the YAML front matter,
 * and the ATX headings (`# Title`, `## Summary`) outside fenced code
 * blocks. Written by hand, to the CommonMark rules that matter here: a
 * heading is up to three spaces, one to six `#`, then a space or the end of
 * the line, and an optional closing run of `#`; a fence is three or more
 * backticks or tildes and is closed only by a run of the same character at
 * least as long. Setext headings (text underlined by `===`) are not read.
 */

/** A heading of the body. */
export interface MarkdownHeading {
  level: number;
  text: string;
  /** Its line, counted from 0 in `lines`. */
  line: number;
}

/** A file split into front matter and body. */
export interface SplitMarkdown {
  /** The YAML between the opening and closing `---`, if the file has one. */
  frontMatter?: string;
  /** The body's lines, without line endings. */
  lines: string[];
  headings: MarkdownHeading[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FRONT_MATTER_END = /^(---|\.\.\.)[ \t]*$/;

/**
 * The front matter (only at the very start: `---` on the first line, up to
 * a line `---` or `...`) and the body's headings.
 */
export function splitMarkdown(content: string): SplitMarkdown {
  let lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let frontMatter: string | undefined;
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, i) => i > 0 && FRONT_MATTER_END.test(l));
    if (end > 0) {
      frontMatter = lines.slice(1, end).join('\n');
      lines = lines.slice(end + 1);
    }
  }
  return { frontMatter, lines, headings: headingsOf(lines) };
}

/** The ATX headings of `lines` that are not inside a fenced code block. */
export function headingsOf(lines: string[]): MarkdownHeading[] {
  const headings: MarkdownHeading[] = [];
  let fence: { char: string; length: number } | undefined;
  lines.forEach((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[1][0] === fence.char &&
        fenceMatch[1].length >= fence.length &&
        fenceMatch[2].trim() === ''
      ) {
        fence = undefined;
      }
      return;
    }
    // A backtick fence's info string may not contain a backtick.
    if (
      fenceMatch &&
      !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))
    ) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      return;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      headings.push({
        level: heading[1].length,
        text: (heading[2] ?? '').trim(),
        line: index,
      });
    }
  });
  return headings;
}

/**
 * A heading as it is compared: width-folded (NFKC: full-width `Ｓｕｍｍａｒｙ`
 * and half-width `ｻﾏﾘ` become `summary` and `サマリ`), lower-cased, spaces
 * collapsed, a trailing colon dropped.
 */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim();
}
