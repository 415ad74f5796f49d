import type { Metadata } from "next";
import Link from "next/link";
import { listStudioArticles } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Studio" };

const STATUS_LABEL = {
  draft: "Bozza",
  in_review: "In revisione",
  published: "Pubblicato",
  archived: "Archiviato",
} as const;

export default async function StudioPage() {
  await requirePageRole("editor", "/studio");
  const rows = listStudioArticles();
  return (
    <>
      <h1>Articoli</h1>
      <p className="muted">{rows.length} articoli, bozze comprese.</p>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Titolo</th>
            <th scope="col">Stato</th>
            <th scope="col">Prodotto</th>
            <th scope="col">Categoria</th>
            <th scope="col">Lingua</th>
            <th scope="col">Versione</th>
            <th scope="col">Aggiornato</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/studio/articles/${row.id}`}>{row.title}</Link>{" "}
                {row.visibility === "internal" ? <span className="badge internal">Interno</span> : null}
              </td>
              <td>
                <span className={`badge ${row.status}`}>{STATUS_LABEL[row.status]}</span>
                {row.hasUnpublishedChanges ? <span className="badge">modifiche non pubblicate</span> : null}
              </td>
              <td>{row.product}</td>
              <td>{row.category}</td>
              <td>{row.locale.toUpperCase()}</td>
              <td>v{row.versionNumber}</td>
              <td>{row.updatedAt.toLocaleDateString("it-IT")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
