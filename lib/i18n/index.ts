// Interface text of the public portal, from one message file per locale (issue 6 point 4). Italian is the
// reference: English must have the same keys and placeholders (messages.test.ts). Pure data and functions, safe for
// server and client components alike.
import en from "./messages/en.json";
import it from "./messages/it.json";

export const PORTAL_LOCALES = ["it", "en"] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];
export const DEFAULT_LOCALE: PortalLocale = "it";

export type Messages = typeof it;

const MESSAGES: Record<PortalLocale, Messages> = { it, en };

export function isPortalLocale(value: unknown): value is PortalLocale {
  return value === "it" || value === "en";
}

export function getMessages(locale: PortalLocale): Messages {
  return MESSAGES[locale];
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible, so a gap is noticed, not hidden. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A portal path in a locale: Italian at the root, English under /en. `path` starts with "/". */
export function localePath(locale: PortalLocale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** BCP 47 tag for dates and numbers. */
export function intlLocale(locale: PortalLocale): string {
  return locale === "it" ? "it-IT" : "en-GB";
}

/** A taxonomy name or description in the locale, Italian when the English one is missing. */
export function localized(text: { it: string; en?: string }, locale: PortalLocale): string {
  return locale === "en" ? (text.en ?? text.it) : text.it;
}
