"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type RestoreVersionResult, restoreVersionAction } from "./actions";
import styles from "./history.module.css";

export type VersionRow = {
  id: number;
  number: number;
  authorName: string | null;
  /** Formatted on the server, so server and browser render the same text. */
  createdAtLabel: string;
  createdAtIso: string;
  changeNote: string;
  statusLabel: string;
  isCurrent: boolean;
  isLive: boolean;
};

function conflictNumber(result: RestoreVersionResult | null): number | null {
  if (!result || result.ok || !result.conflict) return null;
  const details = result.conflict.details as { currentVersionNumber?: unknown } | null;
  return typeof details?.currentVersionNumber === "number" ? details.currentVersionNumber : null;
}

/**
 * The versions table with its restore buttons. A restore asks for confirmation in place (no browser dialog) and
 * names the current version it is based on, so a save made meanwhile by someone else is a conflict, not lost.
 */
export function VersionTable({
  articleId,
  currentVersionId,
  rows,
}: {
  articleId: number;
  currentVersionId: number;
  rows: VersionRow[];
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [result, setResult] = useState<RestoreVersionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function restore(row: VersionRow) {
    startTransition(async () => {
      const res = await restoreVersionAction({
        articleId,
        versionId: row.id,
        baseVersionId: currentVersionId,
      });
      setResult(res);
      setConfirming(null);
      // On success the new version joins the table; on a conflict the table shows what was saved meanwhile.
      router.refresh();
    });
  }

  const staleNumber = conflictNumber(result);
  return (
    <>
      {result?.ok ? (
        <p role="status" className="notice">
          Creata la versione {result.versionNumber} con il contenuto della versione{" "}
          {result.restoredFromNumber}. È una bozza: la versione pubblicata resta visibile finché non
          pubblichi.{" "}
          <Link href={`/studio/articles/${articleId}`}>
            Apri la versione {result.versionNumber} nell'editor
          </Link>
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="form-error">
          <p className={styles.flush}>
            {result.conflict ? "Ripristino non eseguito: " : null}
            {result.formError}
          </p>
          {result.conflict ? (
            <p className={styles.flush}>
              {staleNumber ? `La versione corrente ora è la ${staleNumber}. ` : null}
              La tabella qui sotto è aggiornata: controlla le modifiche e riprova.
            </p>
          ) : null}
        </div>
      ) : null}
      <table className="list">
        <caption className={styles.caption}>Versioni, dalla più recente</caption>
        <thead>
          <tr>
            <th scope="col">Versione</th>
            <th scope="col">Autore</th>
            <th scope="col">Data</th>
            <th scope="col">Nota</th>
            <th scope="col">Stato</th>
            <th scope="col">Azioni</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">v{row.number}</th>
              <td>{row.authorName ?? <span className="muted">—</span>}</td>
              <td>
                <time dateTime={row.createdAtIso}>{row.createdAtLabel}</time>
              </td>
              <td>{row.changeNote || <span className="muted">—</span>}</td>
              <td>
                <span className={styles.badges}>
                  <span>{row.statusLabel}</span>
                  {row.isCurrent ? (
                    <span className="badge draft" title="La versione su cui lavora l'editor">
                      Corrente
                    </span>
                  ) : null}
                  {row.isLive ? (
                    <span className="badge published" title="La versione che agenti e portale vedono ora">
                      Pubblicata
                    </span>
                  ) : null}
                </span>
              </td>
              <td>
                {row.isCurrent ? (
                  <span className="muted">Versione corrente</span>
                ) : confirming === row.id ? (
                  <span className={styles.actions}>
                    <span>Ripristinare la versione {row.number} come nuova bozza?</span>
                    <button type="button" className="primary" disabled={pending} onClick={() => restore(row)}>
                      Conferma ripristino
                    </button>
                    <button type="button" disabled={pending} onClick={() => setConfirming(null)}>
                      Annulla
                    </button>
                  </span>
                ) : (
                  <span className={styles.actions}>
                    <Link
                      href={`/studio/articles/${articleId}/compare?from=${row.id}&to=${currentVersionId}`}
                    >
                      Confronta con la corrente
                    </Link>
                    <button
                      type="button"
                      aria-label={`Ripristina la versione ${row.number}`}
                      disabled={pending}
                      onClick={() => {
                        setResult(null);
                        setConfirming(row.id);
                      }}
                    >
                      Ripristina
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
