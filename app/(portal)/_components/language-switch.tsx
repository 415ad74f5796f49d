"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Messages } from "@/lib/i18n";
import { localePath, type PortalLocale } from "@/lib/i18n/locale";

/**
 * The same page in the other language. Home, search, category and product pages share their paths across
 * languages; an article path lands on the article page, which redirects to its translation or, when there is
 * none, to that language's home. Rendered on the server too, so the link works without JavaScript.
 */
export function LanguageSwitch({ locale, text }: { locale: PortalLocale; text: Messages["layout"] }) {
  const pathname = usePathname() ?? "/";
  const other: PortalLocale = locale === "it" ? "en" : "it";
  const bare = locale === "it" ? pathname : pathname.replace(/^\/en(?=\/|$)/, "") || "/";
  return (
    <Link href={localePath(other, bare)} hrefLang={other} lang={other} aria-label={text.languageSwitchLabel}>
      {text.languageSwitch}
    </Link>
  );
}
