import { formatVariable, listVariables, VARIABLES, type VariableName } from "@/lib/channels";

// Client-side filling of the variables an agent types in the console (decisions in lib/console/index.ts).
// presentArticle already filled the facts; what is left in an answer are `{{customer.firstName}}`-style tokens.
// Filling is one pass over the tokens, so a value that itself contains `{{…}}` is never filled again.

/** What the agent typed, by catalogue variable name. Empty strings count as "not filled". */
export type VariableValues = Partial<Record<VariableName, string>>;

export interface Segment {
  text: string;
  /** `text` is plain answer text, a value the agent filled in, or a `{{name}}` token still without a value. */
  kind: "text" | "filled" | "missing";
  /** The variable name for `filled` and `missing` segments. */
  name?: string;
}

const CATALOGUE = new Set<string>(VARIABLES.map((variable) => variable.name));

function filledValue(values: VariableValues, name: string): string | null {
  if (!CATALOGUE.has(name) || !Object.hasOwn(values, name)) return null;
  const value = values[name as VariableName];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The text cut into plain runs, filled values and unfilled tokens, every character once and in order. */
export function segmentAnswer(text: string, values: VariableValues): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const token of listVariables(text)) {
    if (token.start > last) segments.push({ text: text.slice(last, token.start), kind: "text" });
    const value = filledValue(values, token.name);
    segments.push(
      value === null
        ? { text: formatVariable(token.name), kind: "missing", name: token.name }
        : { text: value, kind: "filled", name: token.name },
    );
    last = token.end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), kind: "text" });
  return segments;
}

/** Plain text with the values filled in; tokens without a value stay as `{{name}}`. */
export function fillText(text: string, values: VariableValues): string {
  return segmentAnswer(text, values)
    .map((segment) => segment.text)
    .join("");
}

/** Variables still without a value in these texts, once each, in order of first use. */
export function listMissing(texts: readonly string[], values: VariableValues): string[] {
  const missing: string[] = [];
  for (const text of texts) {
    for (const token of listVariables(text)) {
      if (filledValue(values, token.name) === null && !missing.includes(token.name)) missing.push(token.name);
    }
  }
  return missing;
}

/**
 * The catalogue variables these texts use, in catalogue order: the fields of the console's form. Tokens that
 * are not catalogue variables (a fact without a value) cannot be typed in and only show as missing.
 */
export function listUsedVariables(texts: readonly string[]): VariableName[] {
  const used = new Set(texts.flatMap((text) => listVariables(text).map((token) => token.name)));
  return VARIABLES.filter((variable) => used.has(variable.name)).map((variable) => variable.name);
}

/** Labels for the "Mancano: …" warning. */
export function describeMissing(names: readonly string[]): string {
  return names
    .map((name) => {
      const variable = VARIABLES.find((v) => v.name === name);
      return variable ? `${variable.label.it} (${formatVariable(name)})` : formatVariable(name);
    })
    .join(", ");
}

// --- HTML (email) -------------------------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

// A tag with its attributes; quoted attribute values may hold `>`.
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// rehype-stringify URL-encodes the braces of a token inside an href.
const ENCODED_TOKEN = /%7B%7B([A-Za-z0-9_.]+)%7D%7D/gi;
const TEXT_TOKEN = /\{\{([^{}\n]*)\}\}/g;

export interface FillHtmlOptions {
  /** Wrap filled values and missing tokens so the preview can highlight them. Off for what is copied. */
  highlight?: boolean;
}

/**
 * Fills the tokens of sanitized HTML (lib/markdown's output) with HTML-escaped values. Only text between tags
 * is touched, plus URL-encoded tokens inside attributes (filled URL-encoded), so a value can never add markup
 * and the result is as safe as the input.
 */
export function fillHtml(html: string, values: VariableValues, options: FillHtmlOptions = {}): string {
  let out = "";
  let last = 0;
  const fillTextPart = (part: string) =>
    part.replace(TEXT_TOKEN, (token, raw: string) => {
      const name = raw.trim();
      const value = filledValue(values, name);
      if (value === null) {
        return options.highlight
          ? `<span class="var-missing" title="Da compilare">${escapeHtml(formatVariable(name))}</span>`
          : token;
      }
      const escaped = escapeHtml(value);
      return options.highlight ? `<mark class="var-filled">${escaped}</mark>` : escaped;
    });
  const fillTag = (tag: string) =>
    tag.replace(ENCODED_TOKEN, (token, name: string) => {
      const value = filledValue(values, name);
      return value === null ? token : escapeHtml(encodeURIComponent(value));
    });
  for (const match of html.matchAll(TAG)) {
    out += fillTextPart(html.slice(last, match.index));
    out += fillTag(match[0]);
    last = match.index + match[0].length;
  }
  return out + fillTextPart(html.slice(last));
}

/** The form's starting values: the signed-in agent's first name, then whatever a screen-pop brought. */
export function initialValues(agentName: string, fromScreenPop: VariableValues): VariableValues {
  const firstName = agentName.trim().split(/\s+/)[0] ?? "";
  return { ...(firstName ? { "agent.firstName": firstName } : {}), ...fromScreenPop };
}
