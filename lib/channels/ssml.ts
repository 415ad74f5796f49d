import { CHANNELS } from "./catalogue";

// SSML for IVR and voicebots, generated from the IVR plain text. Editors never write tags (the IVR check
// rejects Markdown and HTML), so every character of the text is escaped here and the only elements are
// the ones this module emits: the output is well-formed XML whatever the answer or the values contain.

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is kept whole; a lone surrogate is not a character and is dropped.
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (!isXmlChar(code)) continue;
    const char = text[i] ?? "";
    out += XML_ESCAPES[char] ?? char;
  }
  return out;
}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

// XML 1.0 §2.2 Char, for a single UTF-16 unit that is not a surrogate.
function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff;
}

interface Mark {
  start: number;
  end: number;
  kind: string;
}

// 31/12/2026 (day first, as written in Italy) and 2026-12-31 (ISO).
const DMY_DATE = /(?<![\p{N}/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{N}/])/gu;
const YMD_DATE = /(?<![\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}-])/gu;

// Digit groups separated by single spaces or hyphens, optionally after +CC: "800 123 456",
// "+39 02 1234 5678", "333-1234567". Not preceded or followed by more digits, letters or a decimal part.
const PHONE =
  /(?<![\p{L}\p{N}+]|\p{N}[.,])(?:\+\d{1,3}[ -]?)?\d{2,12}(?:[ -]\d{2,8}){0,5}(?![\p{L}\p{N}]|[.,]\p{N})/gu;

function isValidDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Phone numbers worth reading digit by digit: at least 8 digits (Italian numbers have 9 or 10, toll-free
 * 800/803 ones 9), and either an international prefix or an Italian first digit (0 landline, 3 mobile,
 * 8 toll-free/shared cost). Keeps amounts, years and quantities ("2025-2026", "30 60 90") out.
 */
function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 8 || digits.length > 15) return false;
  return candidate.startsWith("+") || /^[038]/.test(digits);
}

function findMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const match of text.matchAll(DMY_DATE)) {
    if (isValidDate(Number(match[1]), Number(match[2]))) {
      marks.push({ start: match.index, end: match.index + match[0].length, kind: "dmy" });
    }
  }
  for (const match of text.matchAll(YMD_DATE)) {
    if (isValidDate(Number(match[3]), Number(match[2]))) {
      marks.push({ start: match.index, end: match.index + match[0].length, kind: "ymd" });
    }
  }
  for (const match of text.matchAll(PHONE)) {
    const start = match.index;
    const end = start + match[0].length;
    const overlaps = marks.some((mark) => start < mark.end && mark.start < end);
    if (!overlaps && isPhoneNumber(match[0])) marks.push({ start, end, kind: "telephone" });
  }
  return marks.sort((a, b) => a.start - b.start);
}

function speakParagraph(text: string): string {
  let out = "";
  let last = 0;
  for (const mark of findMarks(text)) {
    out += escapeXml(text.slice(last, mark.start));
    const inner = escapeXml(text.slice(mark.start, mark.end));
    out +=
      mark.kind === "telephone"
        ? `<say-as interpret-as="telephone">${inner}</say-as>`
        : `<say-as interpret-as="date" format="${mark.kind}">${inner}</say-as>`;
    last = mark.end;
  }
  return out + escapeXml(text.slice(last));
}

/**
 * `<speak>` with the paragraphs of `text` (separated by blank lines) joined by a pause; line breaks inside
 * a paragraph become spaces. Phone numbers and dates are marked with `<say-as>`.
 */
export function buildSsml(text: string): string {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
  const pause = `<break time="${CHANNELS.ivr.limits.paragraphBreak}"/>`;
  return `<speak>${paragraphs.map(speakParagraph).join(pause)}</speak>`;
}
