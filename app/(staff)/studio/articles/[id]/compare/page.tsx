import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import {
  type DiffPart,
  type DiffSection,
  diffVersions,
  foldUnchanged,
  sideOf,
  type VersionDiff,
} from "@/lib/versions";
import styles from "./diff.module.css";

export const metadata: Metadata = { title: "Confronto tra versioni" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CompareQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

const dateTime = new Intl.DateTimeFormat("it-IT", { dateStyle: "medium", timeStyle: "short" });

function loadDiff(articleId: number, from: number, to: number): VersionDiff {
  try {
    return diffVersions(articleId, from, to);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

const count = new Intl.NumberFormat("it-IT");

/**
 * One side of a section as React text nodes (never HTML): removed words in <del>, added ones in <ins>, long
 * unchanged stretches folded into a <details> the reader can open.
 */
function DiffText({ parts, side }: { parts: DiffPart[]; side: "old" | "new" }) {
  const shown = sideOf(foldUnchanged(parts), side);
  if (shown.length === 0) return <p className="muted">(vuoto)</p>;
  return (
    <div className={styles.text}>
      {shown.map((part, i) => {
        // Parts are a fixed list rendered once and never reordered: the index is a stable key.
        const key = `${i}`;
        if (part.removed) return <del key={key}>{part.value}</del>;
        if (part.added) return <ins key={key}>{part.value}</ins>;
        if (part.elided) {
          return (
            <details key={key} className={styles.fold}>
              <summary>… {count.format(part.value.length)} caratteri invariati</summary>
              {part.value}
            </details>
          );
        }
        return <span key={key}>{part.value}</span>;
      })}
    </div>
  );
}

function Side({ section, side, number }: { section: DiffSection; side: "old" | "new"; number: number }) {
  const absent = side === "old" ? section.presence === "added" : section.presence === "removed";
  return (
    <div className={`${styles.side} ${side === "old" ? styles.old : styles.new}`}>
      <h3 className={styles.sideHeading}>
        Versione {number} {side === "old" ? "(prima)" : "(dopo)"}
      </h3>
      {absent ? (
        <p className="muted">Nessuna risposta per questo canale.</p>
      ) : (
        <DiffText parts={section.parts} side={side} />
      )}
    </div>
  );
}

function Section({ section, diff }: { section: DiffSection; diff: VersionDiff }) {
  const headingId = `sezione-${section.key.replace(/\./g, "-")}`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.sectionHeading}>
        {section.label}
      </h2>
      {section.changed ? (
        <>
          {section.presence ? (
            <p className={styles.note}>
              {section.presence === "added"
                ? `Solo nella versione ${diff.to.number}.`
                : `Solo nella versione ${diff.from.number}.`}
            </p>
          ) : null}
          <div className={styles.columns}>
            <Side section={section} side="old" number={diff.from.number} />
            <Side section={section} side="new" number={diff.to.number} />
          </div>
        </>
      ) : (
        <details className={styles.unchanged}>
          <summary>nessuna modifica</summary>
          <DiffText parts={section.parts} side="new" />
        </details>
      )}
    </section>
  );
}

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const rawId = (await params).id;
  const query = await searchParams;
  const back = new URLSearchParams();
  for (const key of ["from", "to"]) {
    const value = query[key];
    if (typeof value === "string") back.set(key, value);
  }
  await requirePageRole("editor", `/studio/articles/${rawId}/compare?${back}`);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const historyHref = `/studio/articles/${id}/history`;

  const parsed = CompareQuery.safeParse(query);
  if (!parsed.success) {
    return (
      <>
        <h1>Confronto tra versioni</h1>
        <p role="alert" className="form-error">
          Scegli le due versioni da confrontare.
        </p>
        <p>
          <Link href={historyHref}>← Cronologia delle versioni</Link>
        </p>
      </>
    );
  }
  const { from, to } = parsed.data;
  const diff = loadDiff(id, from, to);
  const changed = diff.sections.filter((s) => s.changed);

  return (
    <>
      <nav aria-label="Navigazione del confronto" className={styles.nav}>
        <Link href={historyHref}>← Cronologia delle versioni</Link>
        <Link href={`/studio/articles/${id}/compare?from=${to}&to=${from}`}>Inverti le versioni</Link>
        <Link href={`/studio/articles/${id}`}>Torna all'editor</Link>
      </nav>
      <h1>
        Confronto tra la versione {diff.from.number} e la versione {diff.to.number}
      </h1>
      <dl className={styles.meta}>
        {[diff.from, diff.to].map((v, i) => (
          <div key={v.id}>
            <dt>{i === 0 ? "Prima" : "Dopo"}</dt>
            <dd>
              Versione {v.number} · {v.authorName ?? "autore sconosciuto"} ·{" "}
              <time dateTime={v.createdAt.toISOString()}>{dateTime.format(v.createdAt)}</time>
              {v.changeNote ? ` · ${v.changeNote}` : null}
            </dd>
          </div>
        ))}
      </dl>
      <p role="status" className="muted">
        {changed.length === 0
          ? "Le due versioni hanno lo stesso contenuto."
          : `Sezioni modificate: ${changed.map((s) => s.label).join(", ")}.`}
      </p>
      {diff.sections.map((section) => (
        <Section key={section.key} section={section} diff={diff} />
      ))}
    </>
  );
}
