// Locale rules of the public portal without the message files: safe to import from client components, which
// then do not ship both languages' texts to the browser (they receive the texts they need as props).

export const PORTAL_LOCALES = ["it", "en"] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];
export const DEFAULT_LOCALE: PortalLocale = "it";

export function isPortalLocale(value: unknown): value is PortalLocale {
  return value === "it" || value === "en";
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
