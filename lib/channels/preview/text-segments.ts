// Splits rendered answer text into runs the preview styles differently, keeping every character once and in order.

export interface Ucs2Segment {
  text: string;
  /** The run is one character that forces the whole SMS into UCS-2. */
  ucs2: boolean;
}

/**
 * Cuts `text` around the characters analyzeSms reports in `ucs2Chars` (UTF-16 offsets into `text`), so the
 * preview can highlight them. Entries that do not match the text (stale or out of range) are skipped.
 */
export function segmentUcs2(
  text: string,
  ucs2Chars: readonly { char: string; index: number }[],
): Ucs2Segment[] {
  const segments: Ucs2Segment[] = [];
  let last = 0;
  const sorted = [...ucs2Chars].sort((a, b) => a.index - b.index);
  for (const { char, index } of sorted) {
    if (index < last || char === "" || text.slice(index, index + char.length) !== char) continue;
    if (index > last) segments.push({ text: text.slice(last, index), ucs2: false });
    segments.push({ text: char, ucs2: true });
    last = index + char.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), ucs2: false });
  return segments;
}

/** Each character that forces UCS-2 once, in order of first appearance ("È ’"). */
export function listDistinctUcs2Chars(ucs2Chars: readonly { char: string }[]): string[] {
  return [...new Set(ucs2Chars.map(({ char }) => char))];
}

export interface TokenSegment {
  text: string;
  /** A `{{name}}` left in the rendered text: the variable has no value yet. */
  missing: boolean;
}

const TOKEN = /\{\{[^{}\n]*\}\}/g;

/** Splits rendered text around the `{{name}}` tokens renderAnswer leaves for values it does not know. */
export function segmentMissingVariables(text: string): TokenSegment[] {
  const segments: TokenSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), missing: false });
    segments.push({ text: match[0], missing: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), missing: false });
  return segments;
}
