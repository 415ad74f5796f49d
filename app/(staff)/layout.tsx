import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Sportello", template: "%s · Sportello" },
  description:
    "Knowledge base per il servizio clienti: la risposta giusta, per ogni canale, in pochi secondi.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="it">
      <body>
        <a className="skip-link" href="#main">
          Vai al contenuto
        </a>
        {children}
      </body>
    </html>
  );
}
