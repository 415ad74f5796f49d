import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { publicBaseUrl } from "@/lib/env";
import { getMessages, isPortalLocale, localePath } from "@/lib/i18n";
import { LanguageSwitch } from "../_components/language-switch";
import "../../globals.css";
import "../portal.css";

// The portal's root layout (the staff app has its own, app/(staff)/layout.tsx): the page language is the URL's,
// Italian at the root and English under /en (next.config.js rewrites "/…" to "/it/…"). No generateStaticParams:
// nothing is rendered at build time (the build has no content database); pages are rendered on first visit and
// cached (docs/decisions/017-portal-caching.md). Any other first segment is a 404 (app/global-not-found.tsx).
type Props = { children: ReactNode; params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  if (!isPortalLocale(lang)) return {};
  const t = getMessages(lang);
  return {
    // Relative canonical, hreflang and Open Graph URLs become absolute on the public address.
    metadataBase: new URL(publicBaseUrl()),
    title: { default: t.meta.siteName, template: `%s · ${t.meta.siteName}` },
    description: t.meta.homeDescription,
  };
}

export default async function PortalLayout({ children, params }: Props) {
  const { lang } = await params;
  if (!isPortalLocale(lang)) notFound();
  const t = getMessages(lang);
  return (
    <html lang={lang}>
      <body className="portal">
        <a className="skip-link" href="#main">
          {t.layout.skipToContent}
        </a>
        <header className="topbar">
          <Link href={localePath(lang, "/")} className="brand">
            {t.meta.siteName}
          </Link>
          <nav aria-label={t.layout.mainNav} className="portal-nav">
            <Link href={localePath(lang, "/search")}>{t.layout.search}</Link>
            <LanguageSwitch locale={lang} />
          </nav>
          <Link href="/login" className="who">
            {t.layout.staffArea}
          </Link>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
