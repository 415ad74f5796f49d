import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { listVersionHistory, type VersionHistory } from "@/lib/versions";
import styles from "./history.module.css";
import { type VersionRow, VersionTable } from "./version-table";

export const metadata: Metadata = { title: "Cronologia delle versioni" };

type Props = { params: Promise<{ id: string }> };

const dateTime = new Intl.DateTimeFormat("it-IT", { dateStyle: "medium", timeStyle: "short" });

function loadHistory(id: number): VersionHistory {
  try {
    return listVersionHistory(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function VersionHistoryPage({ params }: Props) {
  const rawId = (await params).id;
  await requirePageRole("editor", `/studio/articles/${rawId}/history`);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const history = loadHistory(id);
  const current = history.versions.find((v) => v.isCurrent);
  if (!current) notFound();
  const previous = history.versions.find((v) => v.number < current.number);

  const rows: VersionRow[] = history.versions.map((v) => ({
    id: v.id,
    number: v.number,
    authorName: v.authorName,
    createdAtLabel: dateTime.format(v.createdAt),
    createdAtIso: v.createdAt.toISOString(),
    changeNote: v.changeNote,
    statusLabel: v.statusLabel,
    isCurrent: v.isCurrent,
    isLive: v.isLive,
  }));

  return (
    <>
      <p>
        <Link href={`/studio/articles/${id}`}>← Torna all'editor</Link>
      </p>
      <h1>Cronologia delle versioni</h1>
      <p className="muted">
        {current.title} · {history.versions.length} {history.versions.length === 1 ? "versione" : "versioni"}.
        Ogni salvataggio è una versione che non cambia più; ripristinare crea una nuova bozza.
      </p>

      {history.versions.length > 1 ? (
        <form method="get" action={`/studio/articles/${id}/compare`} className={styles.compare}>
          <div className={`field ${styles.compareField}`}>
            <label htmlFor="compare-from">Da</label>
            <select id="compare-from" name="from" defaultValue={String(previous?.id ?? current.id)}>
              {history.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`Versione ${v.number}`}
                </option>
              ))}
            </select>
          </div>
          <div className={`field ${styles.compareField}`}>
            <label htmlFor="compare-to">A</label>
            <select id="compare-to" name="to" defaultValue={String(current.id)}>
              {history.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`Versione ${v.number}`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            Confronta
          </button>
        </form>
      ) : null}

      <VersionTable articleId={id} currentVersionId={current.id} rows={rows} />

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Flusso di lavoro</h2>
        {history.events.length === 0 ? (
          <p className="muted">Nessun evento registrato.</p>
        ) : (
          <ol className={styles.timeline}>
            {history.events.map((event) => (
              <li key={event.id}>
                <strong>{event.actionLabel}</strong>
                {event.versionNumber ? ` · v${event.versionNumber}` : null} ·{" "}
                {event.actorName ?? "autore sconosciuto"} ·{" "}
                <time dateTime={event.at.toISOString()}>{dateTime.format(event.at)}</time>
                {event.comment ? <p className={styles.comment}>{event.comment}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
