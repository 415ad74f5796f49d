import { CHANNELS } from "./catalogue";

// SMS length and encoding, after 3GPP TS 23.038 §6.2.1 (GSM 7-bit default alphabet and its extension table).

// The basic table in code-point order 0x00–0x7F, without 0x1B (the escape to the extension table).
// Note 0x09 is the capital Ç (the lowercase ç is not in the table), 0x1F is É (È is not), and
// 0x24/0x40/0x60 are ¤ ¡ ¿ rather than ASCII's $ @ ` ($ and @ sit at 0x02 and 0x00; ` is absent).
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

// Reached through the escape 0x1B, so each costs two septets. \f is the form feed at 0x1B0A.
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2 (emoji count 2). */
  units: number;
  /** Messages the text is sent as; 0 for an empty text. */
  parts: number;
  /** Units per part: 160/70 for a single message, 153/67 once it is split (the rest is the join header). */
  perPart: number;
  /** Units still free in the last part. */
  remainingInPart: number;
  /** Every character that forces UCS-2, with its UTF-16 offset in the text. */
  ucs2Chars: { char: string; index: number }[];
}

/** Whether a single character (code point or grapheme) is in the GSM 7-bit alphabet, and what it costs. */
export function gsm7Cost(char: string): 1 | 2 | null {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return null;
}

export function analyzeSms(text: string): SmsAnalysis {
  const ucs2Chars = listUcs2Chars(text);
  const limits = CHANNELS.sms.limits;
  if (ucs2Chars.length === 0) {
    // Every code point is GSM-7 here, so iterating code points is iterating characters.
    const costs = Array.from(text, (char) => gsm7Cost(char) ?? 1);
    return split("GSM-7", costs, limits.gsm7SinglePart, limits.gsm7PerPart, []);
  }
  // UCS-2 units are UTF-16 code units; a surrogate pair (emoji) is one indivisible character of 2.
  const costs = Array.from(text, (char) => char.length);
  return split("UCS-2", costs, limits.ucs2SinglePart, limits.ucs2PerPart, ucs2Chars);
}

// Fills parts greedily without cutting a character: an extension character's escape pair and a
// surrogate pair never straddle two parts, as phones and gateways do it.
function split(
  encoding: SmsEncoding,
  costs: number[],
  single: number,
  perPartWhenSplit: number,
  ucs2Chars: SmsAnalysis["ucs2Chars"],
): SmsAnalysis {
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units <= single) {
    return {
      encoding,
      units,
      parts: units === 0 ? 0 : 1,
      perPart: single,
      remainingInPart: single - units,
      ucs2Chars,
    };
  }
  let parts = 1;
  let inPart = 0;
  for (const cost of costs) {
    if (inPart + cost > perPartWhenSplit) {
      parts += 1;
      inPart = 0;
    }
    inPart += cost;
  }
  return {
    encoding,
    units,
    parts,
    perPart: perPartWhenSplit,
    remainingInPart: perPartWhenSplit - inPart,
    ucs2Chars,
  };
}

// Intl.Segmenter is missing from browsers older than 2024 (Firefox < 125): fall back to code points there.
const segmenter =
  typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

/** User-perceived characters with their UTF-16 offsets. */
export function listGraphemes(text: string): { segment: string; index: number }[] {
  if (segmenter) return Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }));
  const found: { segment: string; index: number }[] = [];
  let index = 0;
  for (const segment of text) {
    found.push({ segment, index });
    index += segment.length;
  }
  return found;
}

/**
 * The characters (graphemes, so 👍🏽 or an `e` with a combining accent is one entry) that are not in
 * GSM-7. Text is not normalised: a decomposed `è` is sent as UCS-2 by gateways that do not normalise either.
 */
export function listUcs2Chars(text: string): { char: string; index: number }[] {
  const found: { char: string; index: number }[] = [];
  for (const { segment, index } of listGraphemes(text)) {
    // "\r\n" is one grapheme made of two GSM-7 characters.
    if (Array.from(segment).some((char) => gsm7Cost(char) === null)) found.push({ char: segment, index });
  }
  return found;
}
