"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type { Messages } from "@/lib/i18n";
import { isPortalLocale, localePath, type PortalLocale } from "@/lib/i18n/locale";

/**
 * The portal's 404 body. Next gives not-found.tsx no params, so the language comes from the URL on the client;
 * the server passes the two short texts rather than bundling the message files.
 */
export function NotFoundMessage({ messages }: { messages: Record<PortalLocale, Messages["notFound"]> }) {
  const { lang } = useParams<{ lang?: string }>();
  const locale: PortalLocale = isPortalLocale(lang) ? lang : "it";
  const t = messages[locale];
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <Link className="button" href={localePath(locale, "/")}>
          {t.back}
        </Link>
      </p>
    </section>
  );
}
