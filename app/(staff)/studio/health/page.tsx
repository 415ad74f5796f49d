import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth";
import {
  HEALTH_KINDS,
  type HealthKind,
  listContentHealth,
  OUTDATED_TRANSLATION_DAYS,
  UNHELPFUL_MIN_NO_SHARE,
  UNHELPFUL_MIN_VOTES,
  UNHELPFUL_WINDOW_DAYS,
} from "@/lib/content-health";

export const metadata: Metadata = { title: "Salute dei contenuti" };

const TITLE: Record<HealthKind, string> = {
  review_overdue: "Revisione scaduta",
  parity: "Risposte per canale mancanti o vecchie",
  broken_link: "Link ad articoli non validi",
  missing_translation: "Traduzioni mancanti",
  outdated_translation: "Traduzioni non aggiornate",
  unhelpful: "Giudicati poco utili",
};

const HELP: Record<HealthKind, string> = {
  review_overdue: "La data di revisione è passata.",
  parity: "Canali del prodotto senza risposta, o risposte scritte prima dell'ultima modifica del testo.",
  broken_link:
    "Link a /a/… che portano ad articoli inesistenti, non pubblicati o interni (da un articolo pubblico).",
  missing_translation: "Articoli pubblicati senza la versione nell'altra lingua.",
  outdated_translation: `Il testo pubblicato nell'altra lingua è cambiato più di ${OUTDATED_TRANSLATION_DAYS} giorni dopo questo.`,
  unhelpful: `Almeno ${UNHELPFUL_MIN_VOTES} voti e almeno il ${UNHELPFUL_MIN_NO_SHARE * 100}% di «no» negli ultimi ${UNHELPFUL_WINDOW_DAYS} giorni.`,
};

/** Issue 7 point 4: what to fix across the knowledge base, each row with a link to the page where it is fixed. */
export default async function ContentHealthPage() {
  await requirePageRole("editor", "/studio/health");
  const items = listContentHealth();
  return (
    <>
      <h1>Salute dei contenuti</h1>
      <p className="muted">
        {items.length === 0
          ? "Niente da sistemare."
          : `${items.length} ${items.length === 1 ? "cosa da sistemare" : "cose da sistemare"}.`}
      </p>
      <nav aria-label="Sezioni">
        <ul>
          {HEALTH_KINDS.map((kind) => (
            <li key={kind}>
              <a href={`#${kind}`}>{TITLE[kind]}</a> ({items.filter((i) => i.kind === kind).length})
            </li>
          ))}
        </ul>
      </nav>
      {HEALTH_KINDS.map((kind) => {
        const rows = items.filter((i) => i.kind === kind);
        return (
          <section key={kind} aria-labelledby={kind}>
            <h2 id={kind}>{TITLE[kind]}</h2>
            <p className="muted">{HELP[kind]}</p>
            {rows.length === 0 ? (
              <p>Nessun problema.</p>
            ) : (
              <table className="list" aria-labelledby={kind}>
                <thead>
                  <tr>
                    <th scope="col">Articolo</th>
                    <th scope="col">Lingua</th>
                    <th scope="col">Problema</th>
                    <th scope="col">Dove sistemarlo</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    // The same article may have several problems of one kind (one per channel or link).
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; the list is static.
                    <tr key={`${row.articleId}-${i}`}>
                      <td>{row.title}</td>
                      <td>{row.locale.toUpperCase()}</td>
                      <td>{row.detail}</td>
                      <td>
                        {/* The visible words start the name (WCAG 2.5.3); the title tells the rows apart. */}
                        <Link href={row.href} aria-label={`${row.fixLabel}: ${row.title}`}>
                          {row.fixLabel}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}
