"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type SaveArticleResult, saveArticleAction } from "./actions";

type AnswerField = { channel: string; label: string; subject: string; body: string };
type Initial = {
  articleId: number;
  baseVersionId: number;
  versionNumber: number;
  title: string;
  summary: string;
  body: string;
  answers: AnswerField[];
};

function FieldErrors({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <>
      {errors.map((e) => (
        <p key={e} className="field-error">
          {e}
        </p>
      ))}
    </>
  );
}

/**
 * The plain editor of the foundation slice (issue 4 makes it rich). Fields are controlled state, so whatever the
 * server answers — invalid, conflict, outage — the editor's text stays on screen.
 */
export function ArticleEditForm({ initial }: { initial: Initial }) {
  const router = useRouter();
  const [base, setBase] = useState({ id: initial.baseVersionId, number: initial.versionNumber });
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary);
  const [body, setBody] = useState(initial.body);
  const [changeNote, setChangeNote] = useState("");
  const [answers, setAnswers] = useState(initial.answers);
  const [result, setResult] = useState<SaveArticleResult | null>(null);
  const [pending, startTransition] = useTransition();

  const setAnswer = (channel: string, patch: Partial<AnswerField>) =>
    setAnswers((list) => list.map((a) => (a.channel === channel ? { ...a, ...patch } : a)));

  function submit(publish: boolean) {
    startTransition(async () => {
      const res = await saveArticleAction({
        articleId: initial.articleId,
        baseVersionId: base.id,
        title,
        summary,
        body,
        changeNote,
        publish,
        answers: answers.map((a) => ({
          channel: a.channel,
          subject: a.channel === "email" ? a.subject : null,
          body: a.body,
        })),
      });
      setResult(res);
      if (res.ok) {
        setBase({ id: res.versionId, number: res.versionNumber });
        setChangeNote("");
        router.refresh();
      }
    });
  }

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === "s") {
          e.preventDefault();
          submit(false);
        }
      }}
    >
      {result?.ok ? (
        <p role="status" className="notice">
          Salvata la versione {result.versionNumber}
          {result.published ? " e pubblicata: agenti e portale la vedono tra pochi istanti." : " come bozza."}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="form-error">
          <p style={{ margin: 0 }}>{result.formError}</p>
          {result.conflict ? (
            <p style={{ margin: "0.5rem 0 0" }}>
              Il tuo testo è ancora qui sotto.{" "}
              <a href={`/studio/articles/${initial.articleId}`} target="_blank" rel="noreferrer">
                Apri la versione più recente in una nuova scheda
              </a>{" "}
              per confrontarla.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="title">Titolo</label>
        <input id="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        <FieldErrors errors={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="summary">Sommario</label>
        <input id="summary" value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={500} />
        <FieldErrors errors={errors.summary} />
      </div>
      <div className="field">
        <label htmlFor="body">Testo (Markdown)</label>
        <textarea id="body" rows={18} value={body} onChange={(e) => setBody(e.target.value)} />
        <FieldErrors errors={errors.body} />
      </div>
      <fieldset className="card stack" style={{ marginBottom: "1rem" }}>
        <legend>Risposte per canale</legend>
        {answers.map((a) => (
          <div key={a.channel} className="field">
            {a.channel === "email" ? (
              <>
                <label htmlFor="answer-email-subject">Oggetto e-mail</label>
                <input
                  id="answer-email-subject"
                  value={a.subject}
                  onChange={(e) => setAnswer("email", { subject: e.target.value })}
                />
                <FieldErrors errors={errors["answers.email.subject"]} />
              </>
            ) : null}
            <label htmlFor={`answer-${a.channel}`}>Risposta {a.label}</label>
            <textarea
              id={`answer-${a.channel}`}
              rows={a.channel === "email" ? 8 : 4}
              value={a.body}
              onChange={(e) => setAnswer(a.channel, { body: e.target.value })}
            />
            <FieldErrors errors={errors[`answers.${a.channel}`]} />
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="changeNote">Nota di modifica</label>
        <input
          id="changeNote"
          value={changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
          placeholder="Cosa è cambiato e perché"
          maxLength={500}
        />
        <FieldErrors errors={errors.changeNote} />
      </div>
      <div style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
        <button type="submit" disabled={pending}>
          Salva bozza
        </button>
        <button type="button" className="primary" disabled={pending} onClick={() => submit(true)}>
          Salva e pubblica
        </button>
        <span className="muted">Basata sulla versione {base.number}</span>
      </div>
    </form>
  );
}
