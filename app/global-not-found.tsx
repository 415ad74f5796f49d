import type { Metadata } from "next";
import { getMessages } from "@/lib/i18n";
import "./globals.css";
import "./(portal)/portal.css";

// Addresses that match no route at all (e.g. /xyz/abc). The app has two root layouts (portal and staff), so Next
// needs this page to be whole; it speaks the portal's default language and points home in both.
export const metadata: Metadata = { title: getMessages("it").notFound.title, robots: { index: false } };

export default function GlobalNotFound() {
  const it = getMessages("it").notFound;
  const en = getMessages("en").notFound;
  return (
    <html lang="it">
      <body className="portal">
        <main id="main">
          <section className="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{it.title}</h1>
            <p>{it.body}</p>
            <p>
              <a className="button" href="/">
                {it.back}
              </a>
            </p>
            <p lang="en" className="muted">
              {en.body} <a href="/en">{en.back}</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
