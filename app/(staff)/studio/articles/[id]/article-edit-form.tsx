"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import { ANSWER_CHANNELS, type ChannelKey } from "@/lib/channels";
import { hasPublishBlockingErrors } from "@/lib/channels/preview";
import { ChannelAnswersPanel } from "../../_components/channel-editor";
import { UploadButton } from "../../_components/upload-button";
import { type SaveArticleResult, saveArticleAction } from "./actions";
import { BodyPreview } from "./body-preview";
import { type ConflictTheirs, ConflictView } from "./conflict-view";

type Answer = { subject: string; body: string };
type Meta = {
  locale: "it" | "en";
  productSlug: string;
  categorySlug: string;
  visibility: "public" | "internal";
  tags: string;
  ownerId: number | null;
  reviewBy: string;
};
type Content = { title: string; summary: string; body: string };
type EditorState = { content: Content; answers: Record<ChannelKey, Answer>; meta: Meta; changeNote: string };

export type ArticleEditorProps = {
  articleId: number;
  base: { versionId: number; versionNumber: number };
  initial: { content: Content; answers: Record<ChannelKey, Answer>; meta: Meta };
  options: {
    products: { slug: string; name: string }[];
    categories: { slug: string; name: string }[];
    owners: { id: number; name: string }[];
  };
  facts: { key: string; visibility: "public" | "internal"; value: string }[];
  /** Where the public article lives (chatbot answers link to it); null for internal articles. */
  publicArticleUrl: string | null;
  /** Size limits of the server (lib/articles/input.ts), checked here first so a huge paste never leaves the page. */
  limits: { title: number; summary: number; body: number; answer: number };
};

const AUTOSAVE_PREFIX = "sportello:edit:";

/** What this browser keeps of unsaved work, with the version it was based on (so a restore can still conflict). */
type StoredDraft = {
  savedAt: string;
  base: { versionId: number; versionNumber: number };
  state: EditorState;
};

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

/** A labelled select for the metadata grid; options are value/label pairs. */
function SelectField(props: {
  label: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <Field label={props.label} htmlFor={props.id}>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function sameState(a: EditorState, b: EditorState): boolean {
  return JSON.stringify({ ...a, changeNote: "" }) === JSON.stringify({ ...b, changeNote: "" });
}

/**
 * The article editor. Every field is controlled state and every keystroke is autosaved to this browser, so the
 * text survives a refused save, a conflict, a closed tab or a browser crash (restored on return).
 */
export function ArticleEditForm(props: ArticleEditorProps) {
  const { articleId, options, facts, limits } = props;
  const router = useRouter();
  const initialState: EditorState = useMemo(
    () => ({ ...props.initial, changeNote: "" }),
    // The server's state for this base version; a later base comes with a fresh page render.
    [props.initial],
  );
  const [base, setBase] = useState(props.base);
  const [state, setState] = useState<EditorState>(initialState);
  const [saved, setSaved] = useState<EditorState>(initialState);
  const [result, setResult] = useState<SaveArticleResult | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [restorable, setRestorable] = useState<StoredDraft | null>(null);
  const [preview, setPreview] = useState(true);
  const [pending, startTransition] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const storageKey = `${AUTOSAVE_PREFIX}${articleId}`;
  const dirty = !sameState(state, saved) || state.changeNote !== "";

  // Offer back what this browser had not saved (closed tab, crash), unless it equals what the server has.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      if (!raw) return;
      const stored = JSON.parse(raw) as StoredDraft;
      if (stored?.state && stored.base && !sameState(stored.state, initialState)) setRestorable(stored);
      else localStorage.removeItem(storageKey);
    } catch {
      localStorage.removeItem(storageKey);
    }
  }, [storageKey, initialState]);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      try {
        const draft: StoredDraft = { savedAt: new Date().toISOString(), base, state };
        localStorage.setItem(storageKey, JSON.stringify(draft));
      } catch {
        // Storage full or disabled: the beforeunload warning below still protects the text.
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [state, dirty, storageKey, base]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const setContent = (patch: Partial<Content>) =>
    setState((s) => ({ ...s, content: { ...s.content, ...patch } }));
  const setMeta = (patch: Partial<Meta>) => setState((s) => ({ ...s, meta: { ...s.meta, ...patch } }));
  const setAnswer = useCallback(
    (channel: ChannelKey, value: Answer) =>
      setState((s) => ({ ...s, answers: { ...s.answers, [channel]: value } })),
    [],
  );

  function checkSizes(): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    const over = (value: string, max: number) => value.length > max;
    if (over(state.content.title, limits.title))
      errors.title = [`Il titolo supera ${limits.title} caratteri`];
    if (over(state.content.summary, limits.summary))
      errors.summary = [`Il sommario supera ${limits.summary} caratteri`];
    if (over(state.content.body, limits.body)) {
      errors.body = [
        `Il testo ha ${state.content.body.length.toLocaleString("it-IT")} caratteri: il massimo è ${limits.body.toLocaleString("it-IT")}. Dividilo in più articoli.`,
      ];
    }
    for (const channel of ANSWER_CHANNELS) {
      if (over(state.answers[channel].body, limits.answer)) {
        errors[`answers.${channel}`] = [`La risposta supera ${limits.answer} caratteri`];
      }
    }
    return errors;
  }

  function submit(publish: boolean, baseOverride?: { versionId: number; versionNumber: number }) {
    // Channel errors block publishing (CHANNELS.md); the server checks again, this only saves a round trip.
    if (publish && hasPublishBlockingErrors(state.answers, facts, state.meta.visibility)) {
      setResult({
        ok: false,
        formError:
          "Ci sono errori nelle risposte per canale (in rosso): correggili prima di pubblicare, o salva una bozza.",
      });
      return;
    }
    const sizeErrors = checkSizes();
    setClientErrors(sizeErrors);
    if (Object.keys(sizeErrors).length > 0) {
      setResult({ ok: false, formError: "Alcuni campi sono troppo lunghi: correggili e riprova." });
      return;
    }
    const useBase = baseOverride ?? base;
    const snapshot = state;
    startTransition(async () => {
      let res: SaveArticleResult;
      try {
        res = await saveArticleAction({
          articleId,
          baseVersionId: useBase.versionId,
          publish,
          title: snapshot.content.title,
          summary: snapshot.content.summary,
          body: snapshot.content.body,
          changeNote: snapshot.changeNote,
          answers: ANSWER_CHANNELS.map((channel) => ({
            channel,
            subject: channel === "email" ? snapshot.answers[channel].subject : null,
            body: snapshot.answers[channel].body,
          })),
          meta: {
            ...snapshot.meta,
            tags: snapshot.meta.tags
              .split(",")
              .map((t) => t.trim())
              .filter(Boolean),
            reviewBy: snapshot.meta.reviewBy || null,
          },
        });
      } catch {
        // The request never reached our code (network down, server restarting, payload refused by the server).
        res = {
          ok: false,
          formError:
            "Salvataggio non riuscito (connessione o server non raggiungibile). Il testo resta qui: riprova.",
        };
      }
      setResult(res);
      if (res.ok) {
        if (res.versionId && res.versionNumber)
          setBase({ versionId: res.versionId, versionNumber: res.versionNumber });
        else if (baseOverride) setBase(baseOverride);
        setSaved({ ...snapshot, changeNote: "" });
        setState((s) => ({ ...s, changeNote: "" }));
        localStorage.removeItem(storageKey);
        router.refresh();
      }
    });
  }

  // Ctrl/Cmd+S saves a draft; Ctrl/Cmd+Shift+P shows or hides the preview.
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() === "s" && !e.shiftKey) {
        e.preventDefault();
        submitRef.current(false);
      } else if (e.key.toLowerCase() === "p" && e.shiftKey) {
        e.preventDefault();
        setPreview((p) => !p);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const factValues = useMemo(
    () => Object.fromEntries(facts.map((f) => [`fact.${f.key}`, f.value])) as Record<string, string>,
    [facts],
  );
  const serverErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errors: Record<string, string[]> = { ...serverErrors, ...clientErrors };
  const conflict =
    result && !result.ok && result.conflict?.code === "version_conflict"
      ? (result.conflict.details as ConflictTheirs)
      : null;
  const answerErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith("answers."))
      .map(([k, v]) => [k.slice("answers.".length), v]),
  );

  function insertAtCursor(snippet: string) {
    const el = bodyRef.current;
    const body = state.content.body;
    const at = el ? el.selectionEnd : body.length;
    setContent({ body: `${body.slice(0, at)}${snippet}${body.slice(at)}` });
  }

  return (
    <form
      aria-label="Modifica articolo"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      {restorable ? (
        <div role="alert" className="notice" style={{ marginBottom: "1rem" }}>
          <p style={{ margin: "0 0 0.5rem" }}>
            Hai modifiche non salvate in questo browser del{" "}
            {new Date(restorable.savedAt).toLocaleString("it-IT")}
            {restorable.base.versionNumber !== base.versionNumber
              ? ` (basate sulla versione ${restorable.base.versionNumber}; ora la corrente è la ${base.versionNumber})`
              : ""}
            .
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              // Keep the old base: if someone saved since, the next save shows the conflict instead of overwriting.
              setState({ ...restorable.state });
              setBase(restorable.base);
              setRestorable(null);
            }}
          >
            Ripristina le modifiche
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              localStorage.removeItem(storageKey);
              setRestorable(null);
            }}
          >
            Scarta
          </button>
        </div>
      ) : null}

      {result?.ok ? (
        <p role="status" className="notice">
          {result.versionNumber
            ? `Salvata la versione ${result.versionNumber}${result.published ? " e pubblicata: agenti e portale la vedono tra pochi istanti." : " come bozza."}`
            : result.metaChanged
              ? "Dati dell'articolo aggiornati (il contenuto non è cambiato: nessuna nuova versione)."
              : "Nessuna modifica da salvare."}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.formError}
        </p>
      ) : null}
      {conflict ? (
        <ConflictView
          theirs={conflict}
          mine={{ ...state.content, answers: state.answers }}
          pending={pending}
          onSaveMine={() => {
            if (conflict.currentVersionId && conflict.currentVersionNumber) {
              submit(false, {
                versionId: conflict.currentVersionId,
                versionNumber: conflict.currentVersionNumber,
              });
            }
          }}
        />
      ) : null}

      <fieldset id="meta" className="card" style={{ marginBottom: "1rem" }}>
        <legend>Dati dell'articolo</legend>
        <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))" }}>
          <SelectField
            label="Prodotto"
            id="meta-product"
            value={state.meta.productSlug}
            onChange={(v) => setMeta({ productSlug: v })}
            options={options.products.map((p) => ({ value: p.slug, label: p.name }))}
          />
          <SelectField
            label="Categoria"
            id="meta-category"
            value={state.meta.categorySlug}
            onChange={(v) => setMeta({ categorySlug: v })}
            options={options.categories.map((c) => ({ value: c.slug, label: c.name }))}
          />
          <SelectField
            label="Visibilità"
            id="meta-visibility"
            value={state.meta.visibility}
            onChange={(v) => setMeta({ visibility: v as Meta["visibility"] })}
            options={[
              { value: "public", label: "Pubblico (portale e operatori)" },
              { value: "internal", label: "Solo interno (operatori)" },
            ]}
          />
          <SelectField
            label="Lingua"
            id="meta-locale"
            value={state.meta.locale}
            onChange={(v) => setMeta({ locale: v as Meta["locale"] })}
            options={[
              { value: "it", label: "Italiano" },
              { value: "en", label: "English" },
            ]}
          />
          <SelectField
            label="Responsabile"
            id="meta-owner"
            value={state.meta.ownerId === null ? "" : String(state.meta.ownerId)}
            onChange={(v) => setMeta({ ownerId: v ? Number(v) : null })}
            options={[
              { value: "", label: "Nessuno" },
              ...options.owners.map((o) => ({ value: String(o.id), label: o.name })),
            ]}
          />
          <Field label="Da rivedere entro" htmlFor="meta-review">
            <input
              id="meta-review"
              type="date"
              value={state.meta.reviewBy}
              onChange={(e) => setMeta({ reviewBy: e.target.value })}
            />
          </Field>
        </div>
        <Field label="Tag (separati da virgola)" htmlFor="meta-tags">
          <input id="meta-tags" value={state.meta.tags} onChange={(e) => setMeta({ tags: e.target.value })} />
        </Field>
        {Object.entries(errors)
          .filter(([k]) => k.startsWith("meta.") || k === "product" || k === "category")
          .map(([k, v]) => (
            <FieldErrors key={k} id={`err-${k}`} errors={v} />
          ))}
      </fieldset>

      <div className="field">
        <label htmlFor="title">Titolo</label>
        <input
          id="title"
          value={state.content.title}
          onChange={(e) => setContent({ title: e.target.value })}
          aria-describedby={errors.title ? "err-title" : undefined}
        />
        <FieldErrors id="err-title" errors={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="summary">Sommario</label>
        <input
          id="summary"
          value={state.content.summary}
          onChange={(e) => setContent({ summary: e.target.value })}
          aria-describedby={errors.summary ? "err-summary" : undefined}
        />
        <FieldErrors id="err-summary" errors={errors.summary} />
      </div>

      <div className={preview ? "two-col" : undefined}>
        <div className="field">
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "end", gap: "0.5rem" }}>
            <label htmlFor="body">Testo (Markdown)</label>
            <button type="button" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
              {preview ? "Nascondi anteprima" : "Mostra anteprima"}
            </button>
          </div>
          <textarea
            id="body"
            ref={bodyRef}
            rows={24}
            value={state.content.body}
            onChange={(e) => setContent({ body: e.target.value })}
            aria-describedby={errors.body ? "err-body body-help" : "body-help"}
          />
          <p id="body-help" className="muted" style={{ fontSize: "0.85rem", margin: "0.25rem 0" }}>
            Blocchi per soli operatori: <code>:::internal</code> … <code>:::</code>. Fatti condivisi:{" "}
            <code>{"{{fact.chiave}}"}</code>. Ctrl+S salva, Ctrl+Maiusc+P anteprima.
          </p>
          <UploadButton articleId={articleId} onUploaded={(markdown) => insertAtCursor(`\n${markdown}\n`)} />
          <FieldErrors id="err-body" errors={errors.body} />
        </div>
        {preview ? <BodyPreview body={state.content.body} values={factValues} /> : null}
      </div>

      <h2 style={{ fontSize: "1.2rem" }}>Risposte per canale</h2>
      <ChannelAnswersPanel
        answers={state.answers}
        onChange={setAnswer}
        facts={facts}
        articleVisibility={state.meta.visibility}
        serverErrors={answerErrors}
        publicArticleUrl={props.publicArticleUrl}
      />

      <div className="card" style={{ position: "sticky", bottom: 0, marginTop: "1rem", zIndex: 2 }}>
        <div className="field" style={{ marginBottom: "0.75rem" }}>
          <label htmlFor="changeNote">Nota di modifica</label>
          <input
            id="changeNote"
            value={state.changeNote}
            onChange={(e) => setState((s) => ({ ...s, changeNote: e.target.value }))}
            placeholder="Cosa è cambiato e perché"
            maxLength={500}
          />
        </div>
        <div style={{ display: "flex", gap: "0.75rem", alignItems: "center", flexWrap: "wrap" }}>
          <button type="submit" disabled={pending}>
            Salva bozza
          </button>
          <button type="button" className="primary" disabled={pending} onClick={() => submit(true)}>
            Salva e pubblica
          </button>
          <span className="muted">
            Basata sulla versione {base.versionNumber}
            {dirty ? " · modifiche non salvate (copia locale attiva)" : ""}
          </span>
        </div>
      </div>
    </form>
  );
}
