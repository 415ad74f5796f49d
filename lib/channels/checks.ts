import type { Nodes } from "mdast";
import { CHANNELS, type ChannelKey, isPublicChannel } from "./catalogue";
import { countCharacters, estimateReadAloudSeconds } from "./read-aloud";
import type { AnswerInput } from "./render";
import { analyzeSms, listGraphemes } from "./sms";
import {
  isAutolink,
  type MappedText,
  nodeRange,
  type ParsedTemplate,
  parseTemplate,
  renderText,
  sourceRange,
  walk,
} from "./template";
import {
  createPreviewValues,
  fillTemplate,
  formatVariable,
  getFactKey,
  getVariable,
  lookupValue,
  scanVariables,
  type VariableToken,
} from "./variables";

// The channel rules of CHANNELS.md, run by the editor while typing and by the server before publishing:
// errors block publishing, warnings are shown. Lengths are measured on the rendered text with example
// values (createPreviewValues), so `{{customer.firstName}}` counts as a name and a fact as its value.

export type AnswerIssueCode =
  | "empty_body"
  | "malformed_variable"
  | "unknown_variable"
  | "variable_not_allowed"
  | "unknown_fact"
  | "internal_fact"
  | "internal_block"
  | "article_not_public"
  | "phone_too_long"
  | "phone_url"
  | "phone_link"
  | "phone_table"
  | "phone_code"
  | "phone_emoji"
  | "ivr_too_long"
  | "ivr_url"
  | "ivr_formatting"
  | "email_subject_missing"
  | "email_subject_too_long"
  | "chat_too_long"
  | "chat_paragraph_too_long"
  | "whatsapp_too_long"
  | "whatsapp_heading"
  | "whatsapp_table"
  | "whatsapp_html"
  | "sms_too_many_parts"
  | "sms_ucs2_char"
  | "social_too_long"
  | "chatbot_too_long";

export interface AnswerIssue {
  severity: "error" | "warning";
  /** Stable, snake_case: UIs and tests key on it. checkAnswer emits the AnswerIssueCode values. */
  code: string;
  /** Italian, for editors. */
  message: string;
  /** Offsets into the field the issue points at, when it points at text. */
  start?: number;
  end?: number;
  field?: "body" | "subject";
}

/** What checkAnswer builds: its codes are the closed list above. */
type Issue = AnswerIssue & { code: AnswerIssueCode };

export interface FactInfo {
  visibility: "public" | "internal";
  /** When known, previews and length checks use it instead of the `{{fact.KEY}}` token. */
  value?: string | null;
}

export interface CheckContext {
  /** Every fact that exists, by key. */
  facts: ReadonlyMap<string, FactInfo>;
  articleVisibility: "public" | "internal";
}

export function hasBlockingIssues(issues: readonly AnswerIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

export function checkAnswer(channel: ChannelKey, answer: AnswerInput, context: CheckContext): AnswerIssue[] {
  const issues: Issue[] = [];
  const label = CHANNELS[channel].label.it;

  if (channel === "chatbot" && context.articleVisibility !== "public") {
    issues.push({
      severity: "error",
      code: "article_not_public",
      message:
        "La risposta per il chatbot porta il cliente all'articolo pubblico, ma questo articolo è interno: rendilo pubblico o togli la risposta.",
    });
  }

  if (channel === "email") {
    const subject = answer.subject ?? "";
    if (subject.trim() === "") {
      issues.push({
        severity: "error",
        code: "email_subject_missing",
        message: "Manca l'oggetto dell'email.",
        field: "subject",
      });
    } else {
      issues.push(...checkVariables(channel, subject, "subject", context));
      const length = countCharacters(
        fillTemplate(subject, createPreviewValues(context.facts)).text.replace(/\s+/g, " ").trim(),
      );
      const limit = CHANNELS.email.limits.subjectWarnChars;
      if (length > limit) {
        issues.push({
          severity: "warning",
          code: "email_subject_too_long",
          message: `L'oggetto è di ${length} caratteri: oltre ${limit} molti programmi di posta lo tagliano.`,
          field: "subject",
        });
      }
    }
  }

  const body = answer.body;
  issues.push(...checkVariables(channel, body, "body", context));
  issues.push(...checkInternalBlocks(body));

  if (body.trim() === "") {
    issues.push({
      severity: "error",
      code: "empty_body",
      message: `La risposta per il canale ${label} è vuota.`,
      field: "body",
    });
  } else {
    const template = parseTemplate(body);
    const values = createPreviewValues(context.facts);
    issues.push(
      ...CHANNEL_CHECKS[channel](template, values).map((issue) => ({ field: "body" as const, ...issue })),
    );
  }

  // Errors first; otherwise in the order they were found (subject, then body from top to bottom).
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => severityRank(a.issue) - severityRank(b.issue) || a.index - b.index)
    .map(({ issue }) => issue);
}

function severityRank(issue: AnswerIssue): number {
  return issue.severity === "error" ? 0 : 1;
}

// --- Variables --------------------------------------------------------------------------------------------

function checkVariables(
  channel: ChannelKey,
  text: string,
  field: "body" | "subject",
  context: CheckContext,
): Issue[] {
  const issues: Issue[] = [];
  const { tokens, malformed } = scanVariables(text);
  const label = CHANNELS[channel].label.it;

  for (const token of malformed) {
    issues.push({
      severity: "error",
      code: "malformed_variable",
      message:
        token.raw === "{{"
          ? "Una variabile è aperta con {{ ma non è chiusa con }} sulla stessa riga."
          : `«${token.raw}» non è una variabile valida: scrivila come {{customer.firstName}} o {{fact.nome_del_dato}}.`,
      start: token.start,
      end: token.end,
      field,
    });
  }

  for (const token of tokens) {
    const place = { start: token.start, end: token.end, field };
    const written = formatVariable(token.name);
    const factKey = getFactKey(token.name);
    if (factKey !== null) {
      const fact = context.facts.get(factKey);
      if (!fact) {
        issues.push({
          severity: "error",
          code: "unknown_fact",
          message: `Il dato condiviso ${written} non esiste: controlla il nome o crealo tra i dati condivisi.`,
          ...place,
        });
      } else if (fact.visibility === "internal" && isPublicChannel(channel)) {
        issues.push({
          severity: "error",
          code: "internal_fact",
          message: `${written} è un dato interno e non può comparire in una risposta pubblica (${label}).`,
          ...place,
        });
      }
      continue;
    }
    const variable = getVariable(token.name);
    if (!variable) {
      issues.push({
        severity: "error",
        code: "unknown_variable",
        message: `Variabile sconosciuta: ${written}.`,
        ...place,
      });
    } else if (!variable.channels.includes(channel)) {
      issues.push({
        severity: "error",
        code: "variable_not_allowed",
        message:
          channel === "social"
            ? `Le risposte sui social sono pubbliche: l'unico dato personale ammesso è {{customer.firstName}}, togli ${written}.`
            : `${written} (${variable.label.it.toLowerCase()}) non si può usare nel canale ${label}.`,
        ...place,
      });
    }
  }
  return issues;
}

// The importer refuses `:::internal` inside an answer (docs/content-format.md); the editor says so early.
function checkInternalBlocks(body: string): Issue[] {
  return Array.from(body.matchAll(/^[ \t]*:::[ \t]*internal\b.*$/gim), (match) => ({
    severity: "error",
    code: "internal_block",
    message: "Un blocco :::internal non può stare in una risposta: le risposte arrivano al cliente.",
    start: match.index,
    end: match.index + match[0].length,
    field: "body",
  }));
}

// --- Per channel ------------------------------------------------------------------------------------------

type Check = (template: ParsedTemplate, values: Record<string, string>) => Issue[];

const CHANNEL_CHECKS: Record<ChannelKey, Check> = {
  phone: checkPhone,
  ivr: checkIvr,
  email: () => [],
  chat: checkChat,
  whatsapp: checkWhatsapp,
  sms: checkSms,
  social: (template, values) => {
    const length = countCharacters(renderText(template, "plain", values).text);
    const limit = CHANNELS.social.limits.errorChars;
    return length > limit
      ? [
          {
            severity: "error",
            code: "social_too_long",
            message: `La risposta è di ${length} caratteri: sui social il massimo è ${limit}.`,
          },
        ]
      : [];
  },
  chatbot: (template, values) => {
    const length = countCharacters(renderText(template, "plain", values).text);
    const limit = CHANNELS.chatbot.limits.warnChars;
    return length > limit
      ? [
          {
            severity: "warning",
            code: "chatbot_too_long",
            message: `La risposta è di ${length} caratteri: per il chatbot resta sotto i ${limit}, il resto lo trova nell'articolo.`,
          },
        ]
      : [];
  },
};

function at(node: Nodes): { start?: number; end?: number } {
  const range = nodeRange(node);
  return range ? { start: range[0], end: range[1] } : {};
}

function isMailAutolink(node: Nodes): boolean {
  return node.type === "link" && isAutolink(node) && node.url.toLowerCase().startsWith("mailto:");
}

function checkPhone(template: ParsedTemplate, values: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  const spoken = renderText(template, "spoken", values);
  const seconds = estimateReadAloudSeconds(spoken.text);
  const limit = CHANNELS.phone.limits.warnSeconds;
  if (seconds > limit) {
    issues.push({
      severity: "warning",
      code: "phone_too_long",
      message: `Lettura stimata di ${seconds} secondi (a ${CHANNELS.phone.limits.wordsPerMinute} parole al minuto): al telefono resta sotto i ${limit}.`,
    });
  }
  walk(template.tree, (node) => {
    if (node.type === "link" && isAutolink(node)) {
      if (isMailAutolink(node)) return;
      issues.push({
        severity: "warning",
        code: "phone_url",
        message:
          "Un indirizzo web letto al telefono è difficile da seguire: indica il percorso a parole o proponi di inviarlo per SMS o email.",
        ...at(node),
      });
    } else if (node.type === "link" || node.type === "linkReference") {
      issues.push({
        severity: "warning",
        code: "phone_link",
        message: "Al telefono di un link si legge solo il testo: l'indirizzo non arriva al cliente.",
        ...at(node),
      });
    } else if (node.type === "table") {
      issues.push({
        severity: "warning",
        code: "phone_table",
        message: "Una tabella non si legge ad alta voce: riscrivila come frasi.",
        ...at(node),
      });
    } else if (node.type === "code" || node.type === "inlineCode") {
      issues.push({
        severity: "warning",
        code: "phone_code",
        message: "Il testo in formato codice non si legge al telefono: riscrivilo a parole.",
        ...at(node),
      });
    }
  });
  for (const token of urlValuedTokens(template, values)) {
    issues.push({
      severity: "warning",
      code: "phone_url",
      message: `${formatVariable(token.name)} è un indirizzo web: letto al telefono è difficile da seguire, proponi di inviarlo per SMS o email.`,
      start: token.start,
      end: token.end,
    });
  }
  for (const { char, start, end } of findEmoji(spoken)) {
    issues.push({
      severity: "warning",
      code: "phone_emoji",
      message: `L'emoji «${char}» non si può leggere al telefono.`,
      start,
      end,
    });
  }
  return issues;
}

const FORMATTING_NAMES: Partial<Record<Nodes["type"], string>> = {
  strong: "il grassetto",
  emphasis: "il corsivo",
  delete: "il barrato",
  inlineCode: "il formato codice",
  code: "il blocco di codice",
  heading: "il titolo",
  list: "l'elenco puntato",
  blockquote: "la citazione",
  table: "la tabella",
  html: "l'HTML",
  thematicBreak: "la linea orizzontale",
  image: "l'immagine",
  footnoteReference: "la nota",
  footnoteDefinition: "la nota",
  definition: "la definizione di link",
};

const URL_VALUE = /(?:https?:\/\/|www\.)\S/i;

// A fact holding an address (`{{fact.portal_url}}`) is not a link in the tree, but it is one when read aloud.
function urlValuedTokens(template: ParsedTemplate, values: Record<string, string>): VariableToken[] {
  return template.tokens.filter((token) => {
    const value = lookupValue(values, token.name);
    return value !== null && URL_VALUE.test(value);
  });
}

function checkIvr(template: ParsedTemplate, values: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  const text = renderText(template, "ivr", values).text;
  const seconds = estimateReadAloudSeconds(text);
  const limit = CHANNELS.ivr.limits.warnSeconds;
  if (seconds > limit) {
    issues.push({
      severity: "warning",
      code: "ivr_too_long",
      message: `Durata stimata di ${seconds} secondi: un messaggio IVR oltre i ${limit} secondi stanca chi ascolta.`,
    });
  }
  walk(template.tree, (node) => {
    if (node.type === "link" || node.type === "linkReference") {
      if (isMailAutolink(node)) return;
      issues.push({
        severity: "error",
        code: "ivr_url",
        message:
          "Un messaggio vocale non può contenere link o indirizzi web: dì a parole dove trovare l'informazione.",
        ...at(node),
      });
      return;
    }
    const name = FORMATTING_NAMES[node.type];
    if (name) {
      issues.push({
        severity: "error",
        code: "ivr_formatting",
        message: `L'IVR legge il testo con una voce sintetica: togli ${name} e scrivi solo frasi semplici.`,
        ...at(node),
      });
    }
  });
  for (const token of urlValuedTokens(template, values)) {
    issues.push({
      severity: "error",
      code: "ivr_url",
      message: `${formatVariable(token.name)} è un indirizzo web: un messaggio vocale non può leggerlo, dì a parole dove trovare l'informazione.`,
      start: token.start,
      end: token.end,
    });
  }
  return issues;
}

function checkChat(template: ParsedTemplate, values: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  const length = countCharacters(fillTemplate(template.body, values).text);
  const limit = CHANNELS.chat.limits.warnChars;
  if (length > limit) {
    issues.push({
      severity: "warning",
      code: "chat_too_long",
      message: `Il messaggio è di ${length} caratteri: in chat resta sotto i ${limit}, oppure dividilo in più messaggi.`,
    });
  }
  const paragraphLimit = CHANNELS.chat.limits.paragraphWarnChars;
  walk(template.tree, (node) => {
    if (node.type !== "paragraph") return;
    // What the customer sees: the chat widget renders the Markdown, so a link shows only its text.
    const paragraphLength = countCharacters(renderText(template, "spoken", values, node).text);
    if (paragraphLength > paragraphLimit) {
      issues.push({
        severity: "warning",
        code: "chat_paragraph_too_long",
        message: `Paragrafo di ${paragraphLength} caratteri: in chat spezzalo in paragrafi sotto i ${paragraphLimit}.`,
        ...at(node),
      });
    }
  });
  return issues;
}

function checkWhatsapp(template: ParsedTemplate, values: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  const length = countCharacters(renderText(template, "whatsapp", values).text);
  const limit = CHANNELS.whatsapp.limits.errorChars;
  if (length > limit) {
    issues.push({
      severity: "error",
      code: "whatsapp_too_long",
      message: `Il messaggio è di ${length} caratteri: WhatsApp ne accetta al massimo ${limit}.`,
    });
  }
  walk(template.tree, (node) => {
    if (node.type === "heading") {
      issues.push({
        severity: "warning",
        code: "whatsapp_heading",
        message: "WhatsApp non ha titoli: questa riga verrà inviata in grassetto.",
        ...at(node),
      });
    } else if (node.type === "table") {
      issues.push({
        severity: "warning",
        code: "whatsapp_table",
        message: "WhatsApp non mostra le tabelle: le righe arriveranno come testo separato da «|».",
        ...at(node),
      });
    } else if (node.type === "html") {
      issues.push({
        severity: "warning",
        code: "whatsapp_html",
        message: "WhatsApp non interpreta l'HTML: il cliente vedrà i tag così come sono.",
        ...at(node),
      });
    }
  });
  return issues;
}

// Plain replacements for the characters that most often push an Italian SMS into UCS-2.
const GSM7_ALTERNATIVES: Record<string, string> = {
  È: "E'",
  À: "A'",
  Ì: "I'",
  Ò: "O'",
  Ù: "U'",
  "’": "'",
  "‘": "'",
  "“": '"',
  "”": '"',
  "«": '"',
  "»": '"',
  "…": "...",
  "–": "-",
  "—": "-",
  ç: "c",
};

function checkSms(template: ParsedTemplate, values: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  const rendered = renderText(template, "plain", values);
  const sms = analyzeSms(rendered.text);
  const limits = CHANNELS.sms.limits;
  if (sms.parts > limits.warnParts) {
    const single = sms.encoding === "GSM-7" ? limits.gsm7SinglePart : limits.ucs2SinglePart;
    issues.push({
      severity: "warning",
      code: "sms_too_many_parts",
      message: `L'SMS è di ${sms.units} caratteri ${sms.encoding} e parte in ${sms.parts} messaggi: resta entro ${limits.warnParts} (un messaggio singolo ne contiene ${single}).`,
    });
  }
  for (const { char, index } of sms.ucs2Chars) {
    const range = sourceRange(rendered, index, char.length);
    const token = range ? template.tokens.find((candidate) => candidate.start === range[0]) : undefined;
    const alternative = GSM7_ALTERNATIVES[char];
    const where = token ? `Il valore di ${formatVariable(token.name)} contiene «${char}», che` : `«${char}»`;
    issues.push({
      severity: "warning",
      code: "sms_ucs2_char",
      message: `${where} non è nell'alfabeto GSM-7: l'intero SMS passa alla codifica UCS-2 (${limits.ucs2SinglePart} caratteri per messaggio invece di ${limits.gsm7SinglePart}).${alternative ? ` Puoi scrivere ${alternative}.` : ""}`,
      ...(range ? { start: range[0], end: range[1] } : {}),
    });
  }
  return issues;
}

// --- Emoji ------------------------------------------------------------------------------------------------

// Extended_Pictographic also covers © ® ™ ‼ ⁉, which are read as words or punctuation: emoji start at U+2194.
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function isEmoji(grapheme: string): boolean {
  return Array.from(grapheme).some((char) => PICTOGRAPHIC.test(char) && (char.codePointAt(0) ?? 0) >= 0x2194);
}

function findEmoji(mapped: MappedText): { char: string; start?: number; end?: number }[] {
  const found: { char: string; start?: number; end?: number }[] = [];
  for (const { segment, index } of listGraphemes(mapped.text)) {
    if (!isEmoji(segment)) continue;
    const range = sourceRange(mapped, index, segment.length);
    found.push(range ? { char: segment, start: range[0], end: range[1] } : { char: segment });
  }
  return found;
}
