import { ANSWER_CHANNELS, type ChannelKey, type LocalizedText } from "./catalogue";

// The variables of CHANNELS.md and the `{{name}}` token syntax shared by every channel.

export type VariableName =
  | "customer.firstName"
  | "customer.lastName"
  | "agent.firstName"
  | "order.id"
  | "ticket.id";

export interface VariableDefinition {
  name: VariableName;
  label: LocalizedText;
  /** Channels whose answers may use it. */
  channels: readonly ChannelKey[];
  /** A typical value: previews and length checks use it when the real one is not known yet. */
  example: string;
}

const allBut = (...excluded: ChannelKey[]): readonly ChannelKey[] =>
  ANSWER_CHANNELS.filter((channel) => !excluded.includes(channel));

export const VARIABLES: readonly VariableDefinition[] = [
  {
    name: "customer.firstName",
    label: { it: "Nome del cliente", en: "Customer's first name" },
    channels: ANSWER_CHANNELS,
    example: "Alessandra",
  },
  {
    name: "customer.lastName",
    label: { it: "Cognome del cliente", en: "Customer's last name" },
    channels: allBut("social"),
    example: "Esposito",
  },
  {
    // CHANNELS.md's variable table allows it in social, but its social row allows only
    // {{customer.firstName}} there ("no other personal variable"): the stricter rule wins.
    name: "agent.firstName",
    label: { it: "Nome dell'operatore", en: "Agent's first name" },
    channels: allBut("ivr", "chatbot", "social"),
    example: "Marco",
  },
  {
    name: "order.id",
    label: { it: "Numero d'ordine", en: "Order number" },
    channels: allBut("social", "chatbot"),
    example: "ORD-2026-004512",
  },
  {
    name: "ticket.id",
    label: { it: "Numero di pratica", en: "Ticket number" },
    channels: allBut("social", "chatbot"),
    example: "TK-118204",
  },
];

export const FACT_PREFIX = "fact.";

/** Fact keys as docs/content-format.md defines them: lowercase letters, digits, underscore. */
export const FACT_KEY_PATTERN = /^[a-z0-9_]+$/;

export function getVariable(name: string): VariableDefinition | null {
  return VARIABLES.find((variable) => variable.name === name) ?? null;
}

/** The fact key of `fact.KEY`, or null when the name is not a fact reference. */
export function getFactKey(name: string): string | null {
  return name.startsWith(FACT_PREFIX) ? name.slice(FACT_PREFIX.length) : null;
}

/** Catalogue variables usable in a channel (facts are allowed everywhere, subject to their visibility). */
export function listChannelVariables(channel: ChannelKey): VariableDefinition[] {
  return VARIABLES.filter((variable) => variable.channels.includes(channel));
}

export interface VariableToken {
  name: string;
  /** Offsets of the whole token, braces included, in the scanned text. */
  start: number;
  end: number;
}

export interface MalformedToken {
  /** The text that looks like a token but is not one (`{{`, `{{}}`, `{{ foo bar }}`). */
  raw: string;
  start: number;
  end: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

/** Every `{{ name }}` token and every malformed one, in order. Never throws. */
export function scanVariables(text: string): { tokens: VariableToken[]; malformed: MalformedToken[] } {
  const tokens: VariableToken[] = [];
  const malformed: MalformedToken[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf("{{", from);
    if (start === -1) break;
    const close = text.indexOf("}}", start + 2);
    const reopen = text.indexOf("{{", start + 2);
    const newline = text.indexOf("\n", start + 2);
    // A token never spans lines and never contains another opening.
    const closed = close !== -1 && (reopen === -1 || close < reopen) && (newline === -1 || close < newline);
    if (!closed) {
      malformed.push({ raw: "{{", start, end: start + 2 });
      from = start + 2;
      continue;
    }
    const end = close + 2;
    const name = text.slice(start + 2, close).trim();
    if (NAME.test(name)) tokens.push({ name, start, end });
    else malformed.push({ raw: text.slice(start, end), start, end });
    from = end;
  }
  return { tokens, malformed };
}

/** Every well-formed `{{ name }}` occurrence (known or not), with offsets into `text`. */
export function listVariables(text: string): VariableToken[] {
  return scanVariables(text).tokens;
}

export function formatVariable(name: string): string {
  return `{{${name}}}`;
}

/**
 * Replaces the tokens whose value is provided; the others stay in place, normalised to `{{name}}`,
 * and are listed once each in `missing`. Malformed braces are left as they are.
 */
export function fillTemplate(
  text: string,
  values: Readonly<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  let out = "";
  let last = 0;
  for (const token of listVariables(text)) {
    out += text.slice(last, token.start);
    const value = lookupValue(values, token.name);
    if (value === null) {
      out += formatVariable(token.name);
      if (!missing.includes(token.name)) missing.push(token.name);
    } else {
      out += value;
    }
    last = token.end;
  }
  return { text: out + text.slice(last), missing };
}

/** Own string properties only: a token named `constructor` must not reach Object.prototype. */
export function lookupValue(values: Readonly<Record<string, string>>, name: string): string | null {
  if (!Object.hasOwn(values, name)) return null;
  const value = values[name];
  return typeof value === "string" ? value : null;
}

/**
 * Values for previews and length checks while the answer is written: the catalogue examples plus
 * the facts whose value is known. Facts without a value stay as tokens.
 */
export function createPreviewValues(
  facts: ReadonlyMap<string, { value?: string | null }> = new Map(),
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of VARIABLES) values[variable.name] = variable.example;
  for (const [key, fact] of facts) {
    if (typeof fact.value === "string") values[FACT_PREFIX + key] = fact.value;
  }
  return values;
}
