/** About how many characters of text a result shows (tags not counted). */
export const SNIPPET_LENGTH = 280;
/** How much text comes before the first match when the window moves. */
const LEAD = 60;
/** How far the window's start may move to begin at a word or sentence. */
const BOUNDARY_SEARCH = 24;

const ELLIPSIS = '…';

// Where a window may start: after a space or a sentence's or clause's end,
// in English or Japanese (which has no spaces between words).
const BOUNDARY = /[\s。、．，！？!?.,;:）」』)]/;

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an index off the second half of a surrogate pair (an emoji, 𠮷). */
function safeIndex(text: string, index: number): number {
  return index > 0 && index < text.length && isLowSurrogate(text, index)
    ? index + 1
    : index;
}

/** The start of a plain text, at most `length` characters. */
export function truncateText(text: string, length = SNIPPET_LENGTH): string {
  const trimmed = text.trim();
  if (trimmed.length <= length) return trimmed;
  return `${trimmed.slice(0, safeIndex(trimmed, length)).trimEnd()}${ELLIPSIS}`;
}

/**
 * The part of a highlighted text to show. Lunr highlights the whole field,
 * so a match deep in a long postmortem would be cut off by the line clamp:
 * the window starts a little before the first match instead, and ends
 * about `length` visible characters later, never inside a match or a tag.
 * A text that is short already (PostgreSQL's snippets) is returned as it is.
 */
export function snippetWindow(
  text: string,
  preTag: string,
  postTag: string,
  length = SNIPPET_LENGTH,
): string {
  if (!preTag || !postTag) return truncateText(text, length);
  const visible = text.split(preTag).join('').split(postTag).join('');
  if (visible.trim().length <= length) return text.trim();

  const first = text.indexOf(preTag);
  if (first < 0) return truncateText(text, length);

  // Nothing before the first match is tagged, so raw and visible positions
  // agree there.
  let start = 0;
  if (first > LEAD) {
    start = first - LEAD;
    const ahead = text.slice(start, Math.min(first, start + BOUNDARY_SEARCH));
    const boundary = ahead.search(BOUNDARY);
    if (boundary >= 0) start += boundary + 1;
    start = safeIndex(text, start);
  }

  // Walk forward counting visible characters, stepping over tags whole and
  // finishing a match that the limit falls into.
  let end = start;
  let shown = 0;
  let inMatch = false;
  while (end < text.length && (shown < length || inMatch)) {
    if (text.startsWith(preTag, end)) {
      inMatch = true;
      end += preTag.length;
    } else if (text.startsWith(postTag, end)) {
      inMatch = false;
      end += postTag.length;
    } else {
      end += 1;
      shown += 1;
    }
  }
  end = safeIndex(text, end);

  const body = text.slice(start, end).trim();
  return `${start > 0 ? ELLIPSIS : ''}${body}${
    end < text.length ? ELLIPSIS : ''
  }`;
}
