import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth";
import { formatIsoDay, listReviewDue, REVIEW_DUE_HORIZON_DAYS, type ReviewDueRow } from "@/lib/parity";
import styles from "../_components/lists.module.css";

export const metadata: Metadata = { title: "Revisioni in scadenza" };

const STATUS_LABEL = {
  draft: "Bozza",
  in_review: "In revisione",
  published: "Pubblicato",
  archived: "Archiviato",
} as const;

function when(row: ReviewDueRow): string {
  if (row.daysLeft < 0)
    return row.daysLeft === -1 ? "scaduta da 1 giorno" : `scaduta da ${-row.daysLeft} giorni`;
  if (row.daysLeft === 0) return "scade oggi";
  return row.daysLeft === 1 ? "tra 1 giorno" : `tra ${row.daysLeft} giorni`;
}

export default async function ReviewDuePage() {
  await requirePageRole("editor", "/studio/review-due");
  const rows = listReviewDue();
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <>
      <p>
        <Link href="/studio">← Articoli</Link>
      </p>
      <h1>Revisioni in scadenza</h1>
      <p className="muted" id="review-due-count">
        {overdue} {overdue === 1 ? "articolo ha" : "articoli hanno"} la revisione scaduta;{" "}
        {rows.length - overdue} {rows.length - overdue === 1 ? "scade" : "scadono"} nei prossimi{" "}
        {REVIEW_DUE_HORIZON_DAYS} giorni.
      </p>
      {rows.length === 0 ? (
        <p>Nessuna revisione scaduta o in scadenza.</p>
      ) : (
        <table className="list" aria-describedby="review-due-count">
          <thead>
            <tr>
              <th scope="col">Revisione entro</th>
              <th scope="col">Articolo</th>
              <th scope="col">Prodotto</th>
              <th scope="col">Lingua</th>
              <th scope="col">Responsabile</th>
              <th scope="col">Stato</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.articleId}>
                <td>
                  <span className={row.overdue ? styles.overdue : undefined}>
                    {formatIsoDay(row.reviewBy)} ({when(row)})
                  </span>
                </td>
                <td>
                  <Link href={`/studio/articles/${row.articleId}#meta`}>{row.title}</Link>
                </td>
                <td>{row.product}</td>
                <td>{row.locale.toUpperCase()}</td>
                <td>{row.owner ?? <span className="muted">Nessuno</span>}</td>
                <td>
                  <span className={`badge ${row.status}`}>{STATUS_LABEL[row.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
