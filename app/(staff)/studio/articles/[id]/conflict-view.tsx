"use client";

import { diffWordsWithSpace } from "diff";
import { CHANNELS, type ChannelKey } from "@/lib/channels";

export type ConflictTheirs = {
  currentVersionId: number | null;
  currentVersionNumber: number | null;
  authorName: string | null;
  savedAt: string | null;
  title: string;
  summary: string;
  body: string;
  answers: { channel: string; subject: string | null; body: string }[];
};

type Field = { key: string; label: string; theirs: string; mine: string };

function Side({ parts, side }: { parts: ReturnType<typeof diffWordsWithSpace>; side: "theirs" | "mine" }) {
  return (
    <pre className="answer-text" style={{ margin: 0 }}>
      {parts.map((part, i) => {
        const key = `${side}-${i}`;
        if (part.added) return side === "mine" ? <ins key={key}>{part.value}</ins> : null;
        if (part.removed) return side === "theirs" ? <del key={key}>{part.value}</del> : null;
        return <span key={key}>{part.value}</span>;
      })}
    </pre>
  );
}

/**
 * Shown when a save was refused because someone else saved first: their version beside the editor's text, word by
 * word. The editor's text stays in the form, to merge by hand or to save on top as a new version — both versions
 * remain in the history, so nothing is lost either way.
 */
export function ConflictView({
  theirs,
  mine,
  onSaveMine,
  pending,
}: {
  theirs: ConflictTheirs;
  mine: {
    title: string;
    summary: string;
    body: string;
    answers: Record<string, { subject: string; body: string }>;
  };
  onSaveMine: () => void;
  pending: boolean;
}) {
  const theirAnswers = new Map(theirs.answers.map((a) => [a.channel, a]));
  const channels = new Set<string>([...theirAnswers.keys(), ...Object.keys(mine.answers)]);
  const fields: Field[] = [
    { key: "title", label: "Titolo", theirs: theirs.title, mine: mine.title },
    { key: "summary", label: "Sommario", theirs: theirs.summary, mine: mine.summary },
    { key: "body", label: "Testo", theirs: theirs.body, mine: mine.body },
    ...[...channels].flatMap((channel): Field[] => {
      const label = CHANNELS[channel as ChannelKey]?.label.it ?? channel;
      const t = theirAnswers.get(channel);
      const m = mine.answers[channel];
      const rows: Field[] = [
        { key: `answer-${channel}`, label: `Risposta ${label}`, theirs: t?.body ?? "", mine: m?.body ?? "" },
      ];
      if (channel === "email") {
        rows.unshift({
          key: "subject",
          label: "Oggetto e-mail",
          theirs: t?.subject ?? "",
          mine: m?.subject ?? "",
        });
      }
      return rows;
    }),
  ].filter((f) => f.theirs.trim() !== f.mine.trim());

  const when = theirs.savedAt ? new Date(theirs.savedAt).toLocaleString("it-IT") : "";
  return (
    <section aria-labelledby="conflict-title" className="card" style={{ borderColor: "var(--danger)" }}>
      <h2 id="conflict-title" style={{ marginTop: 0, fontSize: "1.1rem" }}>
        Conflitto: {theirs.authorName ?? "un'altra persona"} ha salvato la versione{" "}
        {theirs.currentVersionNumber} {when ? `(${when})` : ""}
      </h2>
      <p>
        Il tuo testo è ancora nel modulo. Confronta le differenze qui sotto, integra a mano ciò che serve,
        oppure salva il tuo testo come nuova versione: la loro resta comunque nella cronologia.
      </p>
      {fields.length === 0 ? <p className="muted">Il contenuto coincide: puoi salvare di nuovo.</p> : null}
      {fields.map((f) => {
        const parts = diffWordsWithSpace(f.theirs, f.mine);
        return (
          <div key={f.key} style={{ marginBottom: "1rem" }}>
            <h3 style={{ fontSize: "0.95rem", margin: "0 0 0.35rem" }}>{f.label}</h3>
            <div className="two-col" style={{ gap: "0.75rem" }}>
              <section className="card" aria-label={`${f.label}: versione ${theirs.currentVersionNumber}`}>
                <p className="muted" style={{ margin: "0 0 0.35rem", fontSize: "0.8rem" }}>
                  Versione {theirs.currentVersionNumber} ({theirs.authorName ?? "altro autore"})
                </p>
                <Side parts={parts} side="theirs" />
              </section>
              <section className="card" aria-label={`${f.label}: il tuo testo`}>
                <p className="muted" style={{ margin: "0 0 0.35rem", fontSize: "0.8rem" }}>
                  Il tuo testo
                </p>
                <Side parts={parts} side="mine" />
              </section>
            </div>
          </div>
        );
      })}
      <button type="button" className="primary" onClick={onSaveMine} disabled={pending}>
        Salva il mio testo come nuova versione
      </button>
    </section>
  );
}
