import type { Metadata } from "next";
import Link from "next/link";
import { getArticleForEdit } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";
import { getSettingValues } from "@/lib/settings";
import { listReviewQueue } from "@/lib/workflow";
import { ReviewActions } from "./review-actions";

export const metadata: Metadata = { title: "Revisioni" };

type Props = { searchParams: Promise<{ done?: string; article?: string }> };

/** The confirmation of the last approve / send back; the title comes from the database, never from the URL. */
function doneMessage(done: string | undefined, articleId: number): string | null {
  if (done !== "approve" && done !== "sendBack") return null;
  const title =
    Number.isInteger(articleId) && articleId > 0 ? getArticleForEdit(articleId)?.version.title : null;
  if (!title) return null;
  return done === "approve" ? `«${title}»: approvato e pubblicato.` : `«${title}»: rimandato all'autore.`;
}

export default async function ReviewsPage({ searchParams }: Props) {
  const user = await requirePageRole("editor", "/studio/reviews");
  const queue = listReviewQueue(user);
  const { requireDistinctApprover } = getSettingValues(["requireDistinctApprover"]);
  const params = await searchParams;
  const done = doneMessage(params.done, Number(params.article));
  return (
    <>
      <h1>Revisioni</h1>
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
      <p className="muted">
        {queue.length === 0
          ? "Nessun articolo in attesa di revisione."
          : `${queue.length} ${queue.length === 1 ? "articolo attende" : "articoli attendono"} una revisione, dal più vecchio.`}
        {requireDistinctApprover ? " Chi ha scritto una versione non può approvarla." : ""}
      </p>
      {queue.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Articolo</th>
              <th scope="col">Autore</th>
              <th scope="col">Prodotto</th>
              <th scope="col">Lingua</th>
              <th scope="col">Inviato</th>
              <th scope="col">Azioni</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.articleId}>
                <th scope="row" style={{ fontWeight: "normal" }}>
                  <Link href={`/studio/articles/${item.articleId}`}>{item.title}</Link>{" "}
                  <span className="badge">
                    v{item.versionNumber} · {item.isUpdate ? "aggiornamento" : "nuovo"}
                  </span>
                </th>
                <td>{item.authorName ?? "—"}</td>
                <td>{item.product}</td>
                <td>{item.locale.toUpperCase()}</td>
                <td>
                  {item.submittedAt
                    ? item.submittedAt.toLocaleString("it-IT", { dateStyle: "short", timeStyle: "short" })
                    : "—"}
                </td>
                <td>
                  <ReviewActions
                    articleId={item.articleId}
                    versionId={item.versionId}
                    title={item.title}
                    approve={item.approve ?? { allowed: false, reason: "Non disponibile." }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
