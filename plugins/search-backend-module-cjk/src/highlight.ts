/*
 * Highlights of CJK words. The engines highlight the tokens they matched,
 * and the tokens of a CJK word live in a field of their own, so the words
 * are marked here in the title and text a person sees, the way the engine
 * marks the others.
 */

import { normalizeText } from './cjkText';

/** The tags an engine puts around a match. */
export interface HighlightTags {
  preTag: string;
  postTag: string;
}

/** How many characters a snippet shows before and after the first match. */
const SNIPPET_BEFORE = 40;
const SNIPPET_AFTER = 160;

/**
 * Where the words occur in `text`, as [start, end) ranges of `text`, merged
 * where they overlap; compared after NFKC and lower case, so `ｷｭｰ` is found
 * as `キュー`. Tags already in the text are never matched inside.
 */
export function findRanges(
  text: string,
  words: string[],
  tags?: HighlightTags,
): Array<[number, number]> {
  // The normalised text, with the span in `text` of the character each of
  // its UTF-16 units comes from; a tag becomes one NUL, so no word matches
  // across it.
  let normalized = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    let tag: string | undefined;
    for (const candidate of tags ? [tags.preTag, tags.postTag] : []) {
      if (candidate && text.startsWith(candidate, i)) {
        tag = candidate;
      }
    }
    if (tag) {
      normalized += '\0';
      starts.push(i);
      ends.push(i + tag.length);
      i += tag.length;
      continue;
    }
    let char = String.fromCodePoint(text.codePointAt(i)!);
    // a half-width voiced mark belongs to its kana: ｼﾞ is ジ
    while (/^[\uff9e\uff9f]$/.test(text[i + char.length] ?? '')) {
      char += text[i + char.length];
    }
    const folded = normalizeText(char);
    for (let unit = 0; unit < folded.length; unit++) {
      starts.push(i);
      ends.push(i + char.length);
    }
    normalized += folded;
    i += char.length;
  }

  const ranges: Array<[number, number]> = [];
  for (const word of words.filter(Boolean)) {
    let at = normalized.indexOf(word);
    while (at !== -1) {
      ranges.push([starts[at], ends[at + word.length - 1]]);
      at = normalized.indexOf(word, at + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push([...range]);
    }
  }
  return merged;
}

/** `text` with the ranges wrapped in the tags. */
function wrap(
  text: string,
  ranges: Array<[number, number]>,
  tags: HighlightTags,
): string {
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    result += text.slice(at, start) + tags.preTag + text.slice(start, end);
    result += tags.postTag;
    at = end;
  }
  return result + text.slice(at);
}

/**
 * The engine's highlight of a field with the CJK words marked too. When the
 * engine's highlight is a snippet that does not contain them (PostgreSQL
 * cuts one around its own matches), or there is none, the snippet is cut
 * from the field's full text around the first word.
 *
 * @returns the new highlight, or undefined when the words are not in the field
 */
export function highlightWords(options: {
  highlighted: string | undefined;
  original: string | undefined;
  words: string[];
  tags: HighlightTags;
  /** Whether the engine gives the whole field (Lunr) or a snippet. */
  wholeField: boolean;
}): string | undefined {
  const { highlighted, original, words, tags, wholeField } = options;
  if (highlighted) {
    const ranges = findRanges(highlighted, words, tags);
    if (ranges.length) {
      return wrap(highlighted, ranges, tags);
    }
  }
  if (!original) {
    return undefined;
  }
  const ranges = findRanges(original, words);
  if (!ranges.length) {
    return undefined;
  }
  if (wholeField) {
    return wrap(original, ranges, tags);
  }
  const start = Math.max(0, ranges[0][0] - SNIPPET_BEFORE);
  const end = Math.min(original.length, ranges[0][1] + SNIPPET_AFTER);
  const inside = ranges
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]): [number, number] => [from - start, to - start]);
  return `${start > 0 ? '…' : ''}${wrap(
    original.slice(start, end),
    inside,
    tags,
  )}${end < original.length ? '…' : ''}`;
}
