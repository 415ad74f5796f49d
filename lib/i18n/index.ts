// Interface text of the public portal, from one message file per locale (issue 6 point 4). Italian is the
// reference: English must have the same keys and placeholders (messages.test.ts). Server components read texts
// here; client components import lib/i18n/locale.ts and get their texts as props.
import type { PortalLocale } from "./locale";
import en from "./messages/en.json";
import it from "./messages/it.json";

export * from "./locale";

export type Messages = typeof it;

const MESSAGES: Record<PortalLocale, Messages> = { it, en };

export function getMessages(locale: PortalLocale): Messages {
  return MESSAGES[locale];
}
