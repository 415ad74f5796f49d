import type { Nodes } from "mdast";
import { renderMarkdown } from "@/lib/markdown";
import type { ChannelKey } from "./catalogue";
import { estimateReadAloudSeconds } from "./read-aloud";
import { analyzeSms, type SmsAnalysis } from "./sms";
import { buildSsml } from "./ssml";
import {
  isAutolink,
  nodeRange,
  type ParsedTemplate,
  parseTemplate,
  renderText,
  restorePlaceholders,
  walk,
} from "./template";
import { fillTemplate, formatVariable, lookupValue } from "./variables";

export interface AnswerInput {
  body: string;
  /** Email only. */
  subject?: string | null;
}

export interface RenderContext {
  /** Values by variable name (`customer.firstName`, `fact.support_phone`…), already resolved by the caller. */
  values: Readonly<Record<string, string>>;
  /** Appended to chatbot answers. */
  publicArticleUrl?: string | null;
}

interface RenderedBase {
  /** Plain text the agent copies (for chat, its Markdown; for email, the plain-text alternative). */
  text: string;
  /** Variables without a value: their `{{name}}` tokens are still in the output. */
  missing: string[];
}

export type RenderedAnswer =
  | (RenderedBase & { channel: "phone"; readAloudSeconds: number })
  | (RenderedBase & { channel: "ivr"; ssml: string; readAloudSeconds: number })
  | (RenderedBase & { channel: "email"; subject: string; html: string })
  | (RenderedBase & { channel: "chat" })
  | (RenderedBase & { channel: "whatsapp" })
  | (RenderedBase & { channel: "sms"; sms: SmsAnalysis })
  | (RenderedBase & { channel: "social" })
  | (RenderedBase & { channel: "chatbot"; articleUrl: string | null });

export type RenderedAnswerFor<C extends ChannelKey> = Extract<RenderedAnswer, { channel: C }>;

/** Turns an answer written in the template language into what its channel sends. Pure: safe in the browser. */
export function renderAnswer<C extends ChannelKey>(
  channel: C,
  answer: AnswerInput,
  context: RenderContext,
): RenderedAnswerFor<C> {
  return renderFor(channel, answer, context) as RenderedAnswerFor<C>;
}

function renderFor(channel: ChannelKey, answer: AnswerInput, context: RenderContext): RenderedAnswer {
  const { values } = context;
  if (channel === "chat") return { channel, ...fillTemplate(answer.body, values) };

  const template = parseTemplate(answer.body);
  switch (channel) {
    case "phone": {
      const { text, missing } = renderText(template, "spoken", values);
      return { channel, text, missing, readAloudSeconds: estimateReadAloudSeconds(text) };
    }
    case "ivr": {
      const { text, missing } = renderText(template, "ivr", values);
      return {
        channel,
        text,
        missing,
        ssml: buildSsml(text),
        readAloudSeconds: estimateReadAloudSeconds(text),
      };
    }
    case "email": {
      const subject = fillTemplate(answer.subject ?? "", values);
      const { text, missing } = renderText(template, "plain", values);
      const html = renderMarkdown(fillMarkdown(template, values), { audience: "public" });
      return {
        channel,
        // A subject is one header line: line breaks in it or in a value would end it.
        subject: subject.text.replace(/\s+/g, " ").trim(),
        html,
        text,
        missing: [...new Set([...subject.missing, ...missing])],
      };
    }
    case "whatsapp":
      return { channel, ...pick(renderText(template, "whatsapp", values)) };
    case "sms": {
      const { text, missing } = renderText(template, "plain", values);
      return { channel, text, missing, sms: analyzeSms(text) };
    }
    case "social":
      return { channel, ...pick(renderText(template, "plain", values)) };
    case "chatbot": {
      const { text, missing } = renderText(template, "plain", values);
      const articleUrl = context.publicArticleUrl?.trim() || null;
      return { channel, text: articleUrl ? `${text}\n\n${articleUrl}` : text, missing, articleUrl };
    }
  }
}

function pick(rendered: { text: string; missing: string[] }): RenderedBase {
  return { text: rendered.text, missing: rendered.missing };
}

// --- Email HTML -------------------------------------------------------------------------------------------

type TokenPlace = "paragraph" | "inline" | "url" | "code" | "html";

// Values are put into the Markdown source before lib/markdown renders and sanitises it, so a value can never
// add markup: everywhere Markdown is parsed every ASCII punctuation mark of the value is backslash-escaped
// (`**x**` stays literal, `<img onerror>` stays text); in code spans escapes would show, and raw HTML is
// rendered as text by lib/markdown, so there the value goes in as it is. Substituting into the rendered
// HTML instead would bypass the sanitizer for values inside `href`s, and `{{…}}` there is URL-encoded.
function fillMarkdown(template: ParsedTemplate, values: Readonly<Record<string, string>>): string {
  const places = tokenPlaces(template);
  return restorePlaceholders(template, template.source, (token) => {
    const value = lookupValue(values, token.name);
    if (value === null) return formatVariable(token.name);
    return escapeValue(value, places.get(token.start) ?? "url");
  });
}

function tokenPlaces(template: ParsedTemplate): Map<number, TokenPlace> {
  const places = new Map<number, TokenPlace>();
  walk(template.tree, (node, ancestors) => {
    const place = placeOf(node, ancestors);
    const range = nodeRange(node);
    if (!place || !range) return;
    for (const token of template.tokens) {
      if (token.start >= range[0] && token.end <= range[1]) places.set(token.start, place);
    }
  });
  return places;
}

function placeOf(node: Nodes, ancestors: readonly Nodes[]): TokenPlace | null {
  if (node.type === "inlineCode" || node.type === "code") return "code";
  if (node.type === "html") return "html";
  if (node.type !== "text") return null;
  const parent = ancestors[ancestors.length - 1];
  // The text of `https://…{{order.id}}` or `<https://…>` is the URL: escapes would end up in the address.
  if (parent?.type === "link" && isAutolink(parent)) return "url";
  const block = ancestors.findLast(
    (ancestor) => ancestor.type === "paragraph" || ancestor.type === "heading",
  );
  return block?.type === "paragraph" ? "paragraph" : "inline";
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const URL_LIKE = /^(?:https?:\/\/|www\.)[^\s<>"'`\\()[\]{}|^]+$/i;
const EMAIL_LIKE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

function escapeValue(value: string, place: TokenPlace): string {
  const lines = value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (place === "code" || place === "html") return lines.join(" ");
  const single = lines.join(" ");
  // Addresses go in unescaped so GFM still links them (a backslash would become part of the URL);
  // the pattern leaves out every character that could end or restructure the address.
  if (URL_LIKE.test(single) || EMAIL_LIKE.test(single)) return single;
  const escaped = lines.map((line) => line.replace(ASCII_PUNCTUATION, "\\$&"));
  // Inside a paragraph a line break in the value (opening hours, an address) stays a line break.
  return escaped.join(place === "paragraph" ? "\\\n" : " ");
}
