import { z } from "zod";

// The one place for the channel table of CHANNELS.md: keys, labels and every number the checks use.

export type ChannelKey = "phone" | "ivr" | "email" | "chat" | "whatsapp" | "sms" | "social" | "chatbot";

export interface LocalizedText {
  it: string;
  en: string;
}

/** Channels that carry an answer, in the order of CHANNELS.md (editor tabs, parity report columns). */
export const ANSWER_CHANNELS = [
  "phone",
  "ivr",
  "email",
  "chat",
  "whatsapp",
  "sms",
  "social",
  "chatbot",
] as const satisfies readonly ChannelKey[];

export const ChannelKeySchema = z.enum(ANSWER_CHANNELS);

/** Read-aloud speed for phone and IVR estimates. */
export const WORDS_PER_MINUTE = 150;

export interface ChannelDefinition {
  key: ChannelKey;
  label: LocalizedText;
  renderedAs: LocalizedText;
  /** The answer is shown to the public (anyone can read it): only public content and facts. */
  isPublic: boolean;
  limits: Readonly<Record<string, number | boolean | string>>;
}

export const CHANNELS = {
  phone: {
    key: "phone",
    label: { it: "Telefono", en: "Phone" },
    renderedAs: { it: "testo parlato", en: "plain spoken text" },
    isPublic: false,
    limits: { wordsPerMinute: WORDS_PER_MINUTE, warnSeconds: 60 },
  },
  ivr: {
    key: "ivr",
    label: { it: "IVR / voicebot", en: "IVR / voicebot" },
    renderedAs: { it: "testo e SSML", en: "plain text and SSML" },
    isPublic: false,
    // paragraphBreak is the pause the SSML puts between paragraphs.
    limits: { wordsPerMinute: WORDS_PER_MINUTE, warnSeconds: 30, paragraphBreak: "700ms" },
  },
  email: {
    key: "email",
    label: { it: "Email", en: "Email" },
    renderedAs: { it: "oggetto, HTML e testo semplice", en: "subject, HTML body and plain-text alternative" },
    isPublic: false,
    limits: { subjectRequired: true, subjectWarnChars: 78 },
  },
  chat: {
    key: "chat",
    label: { it: "Chat", en: "Chat" },
    renderedAs: { it: "Markdown breve", en: "short Markdown" },
    isPublic: false,
    limits: { warnChars: 1000, paragraphWarnChars: 300 },
  },
  whatsapp: {
    key: "whatsapp",
    label: { it: "WhatsApp", en: "WhatsApp" },
    renderedAs: { it: "formattazione WhatsApp", en: "WhatsApp formatting" },
    isPublic: false,
    limits: { errorChars: 4096 },
  },
  sms: {
    key: "sms",
    label: { it: "SMS", en: "SMS" },
    renderedAs: { it: "testo semplice", en: "plain text" },
    isPublic: false,
    limits: { gsm7SinglePart: 160, gsm7PerPart: 153, ucs2SinglePart: 70, ucs2PerPart: 67, warnParts: 2 },
  },
  social: {
    key: "social",
    label: { it: "Social e recensioni", en: "Social and reviews" },
    renderedAs: { it: "testo semplice, pubblico", en: "plain text, public" },
    isPublic: true,
    limits: { errorChars: 280 },
  },
  chatbot: {
    key: "chatbot",
    label: { it: "Chatbot", en: "Chatbot" },
    renderedAs: {
      it: "testo semplice e link all'articolo pubblico",
      en: "plain text and public article link",
    },
    isPublic: true,
    limits: { warnChars: 300, requiresPublicArticle: true },
  },
} as const satisfies Record<ChannelKey, ChannelDefinition>;

/**
 * The self-service portal shows the article itself and has no answer of its own, so it stays out of
 * ChannelKey (an answer for "portal" cannot be typed, parsed or stored).
 */
export const PORTAL_CHANNEL = {
  key: "portal",
  label: { it: "Portale self-service", en: "Self-service portal" },
  renderedAs: { it: "il corpo dell'articolo", en: "the article body" },
  isPublic: true,
  hasAnswer: false,
} as const;

export function isChannelKey(value: unknown): value is ChannelKey {
  return typeof value === "string" && (ANSWER_CHANNELS as readonly string[]).includes(value);
}

/** Social and chatbot answers are read by anyone: no personal data beyond the first name, no internal facts. */
export function isPublicChannel(channel: ChannelKey): boolean {
  return CHANNELS[channel].isPublic;
}
