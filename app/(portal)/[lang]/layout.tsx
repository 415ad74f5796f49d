import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { CSSProperties, ReactNode } from "react";
import { getPortalBranding } from "@/lib/branding";
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
  const { name } = getPortalBranding(lang);
  return {
    // Relative canonical, hreflang and Open Graph URLs become absolute on the public address.
    metadataBase: new URL(publicBaseUrl()),
    title: { default: name, template: `%s · ${name}` },
    description: t.meta.homeDescription,
    openGraph: { siteName: name },
  };
}

export default async function PortalLayout({ children, params }: Props) {
  const { lang } = await params;
  if (!isPortalLocale(lang)) notFound();
  const t = getMessages(lang);
  // Set by an admin on /admin/branding, which revalidates every portal page on save. Read from the database, not
  // the request, so the layout can be cached with the page.
  const brand = getPortalBranding(lang);
  // The colours override app/globals.css's tokens for the portal only; they are #rrggbb, checked when saved.
  const colors = { "--brand": brand.colors.primary, "--brand-accent": brand.colors.accent } as CSSProperties;
  return (
    <html lang={lang}>
      <body className="portal" style={colors}>
        <a className="skip-link" href="#main">
          {t.layout.skipToContent}
        </a>
        <header className="topbar">
          <Link href={localePath(lang, "/")} className="brand">
            {brand.logoUrl ? (
              // A plain img: the size is the stylesheet's (a fixed height), and next/image would only re-encode
              // a file the admin already kept small.
              // biome-ignore lint/performance/noImgElement: see above
              <img src={brand.logoUrl} alt={brand.name} className="brand-logo" />
            ) : null}
            {/* With a logo, its alt text already names the link; the visible name is not read out twice. */}
            <span aria-hidden={brand.logoUrl ? true : undefined}>{brand.name}</span>
          </Link>
          <nav aria-label={t.layout.mainNav} className="portal-nav">
            <Link href={localePath(lang, "/search")}>{t.layout.search}</Link>
            <LanguageSwitch locale={lang} text={t.layout} />
          </nav>
          <Link href="/login" className="who">
            {t.layout.staffArea}
          </Link>
        </header>
        <main id="main">{children}</main>
        {brand.footerLinks.length > 0 ? (
          <footer className="portal-footer">
            <nav aria-label={t.layout.footerNav}>
              <ul>
                {brand.footerLinks.map((link) => (
                  <li key={`${link.url} ${link.label}`}>
                    <a href={link.url}>{link.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </footer>
        ) : null}
      </body>
    </html>
  );
}
