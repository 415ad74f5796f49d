"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import type { FactType, Visibility } from "@/lib/db";
import forms from "../_components/admin-forms.module.css";
import { createFactAction, deleteFactAction, type FactActionResult, updateFactAction } from "./actions";
import styles from "./facts.module.css";
import { FACT_TYPE_LABEL } from "./labels";

/** What the page passes down: plain data, usage places already in Italian. */
export type FactRowData = {
  key: string;
  type: FactType;
  visibility: Visibility;
  description: string;
  values: { it: string; en?: string };
  usedIn: { articleId: number; title: string; where: string }[];
};

type Fields = {
  key: string;
  type: FactType;
  visibility: Visibility;
  description: string;
  it: string;
  en: string;
};

type ConflictArticle = { articleId: number; title: string };

/** Articles named by a refusal (fact used publicly or still in use), to link them next to the message. */
function conflictArticles(result: FactActionResult | null): ConflictArticle[] {
  if (!result || result.ok || !result.conflict) return [];
  const details = result.conflict.details as { articles?: ConflictArticle[] } | null;
  return Array.isArray(details?.articles) ? details.articles : [];
}

function ArticleLinks({ articles }: { articles: ConflictArticle[] }) {
  if (articles.length === 0) return null;
  return (
    <ul style={{ margin: "0.5rem 0 0" }}>
      {articles.map((a) => (
        <li key={a.articleId}>
          <Link href={`/studio/articles/${a.articleId}`}>{a.title}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Create or edit one fact. Fields are controlled state, so a refusal keeps what the editor typed; errors are shown
 * at their field, and a refusal to make a fact internal lists the public articles that block it.
 */
export function FactForm({ fact, onDone }: { fact?: FactRowData; onDone?: () => void }) {
  const router = useRouter();
  const uid = useId();
  const editing = fact !== undefined;
  const empty: Fields = { key: "", type: "text", visibility: "public", description: "", it: "", en: "" };
  const [fields, setFields] = useState<Fields>(
    fact
      ? {
          key: fact.key,
          type: fact.type,
          visibility: fact.visibility,
          description: fact.description,
          it: fact.values.it,
          en: fact.values.en ?? "",
        }
      : empty,
  );
  const [result, setResult] = useState<FactActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const refusedBy = conflictArticles(result);
  const visibilityRefused = !!result && !result.ok && result.conflict?.code === "fact_used_publicly";
  const id = (name: string) => `${uid}-${name}`;
  const describedBy = (name: string, errorKey = name) =>
    errors[errorKey]?.length ? `${id(name)}-error` : undefined;

  function submit() {
    const payload = {
      type: fields.type,
      visibility: fields.visibility,
      description: fields.description,
      values: { it: fields.it, en: fields.en },
    };
    startTransition(async () => {
      const res = editing
        ? await updateFactAction(fact.key, payload)
        : await createFactAction({ ...payload, key: fields.key });
      setResult(res);
      if (res.ok) {
        if (!editing) setFields(empty);
        router.refresh();
      }
    });
  }

  function remove() {
    if (!fact || !window.confirm(`Eliminare {{fact.${fact.key}}}?`)) return;
    startTransition(async () => {
      const res = await deleteFactAction(fact.key);
      setResult(res);
      if (res.ok) {
        onDone?.();
        router.refresh();
      }
    });
  }

  return (
    <form
      aria-label={editing ? `Modifica ${fact.key}` : "Nuovo fatto"}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {result?.ok ? (
        <p role="status" className="notice">
          {result.message}
        </p>
      ) : null}
      {result && !result.ok && !visibilityRefused ? (
        <div role="alert" className="form-error">
          <p style={{ margin: 0 }}>{result.formError}</p>
          <ArticleLinks articles={refusedBy} />
        </div>
      ) : null}
      <div className={forms.formGrid}>
        {editing ? null : (
          <div className="field">
            <label htmlFor={id("key")}>Chiave</label>
            <input
              id={id("key")}
              value={fields.key}
              onChange={(e) => set({ key: e.target.value })}
              maxLength={60}
              placeholder="support_phone"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={!!errors.key}
              aria-describedby={describedBy("key")}
            />
            <FieldErrors id={`${id("key")}-error`} errors={errors.key} />
          </div>
        )}
        <div className="field">
          <label htmlFor={id("type")}>Tipo</label>
          <select
            id={id("type")}
            value={fields.type}
            onChange={(e) => set({ type: e.target.value as FactType })}
            aria-invalid={!!errors.type}
            aria-describedby={describedBy("type")}
          >
            {Object.entries(FACT_TYPE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id("type")}-error`} errors={errors.type} />
        </div>
        <div className="field">
          <label htmlFor={id("visibility")}>Visibilità</label>
          <select
            id={id("visibility")}
            value={fields.visibility}
            onChange={(e) => set({ visibility: e.target.value as Visibility })}
            aria-invalid={visibilityRefused || !!errors.visibility}
            aria-describedby={visibilityRefused ? `${id("visibility")}-refused` : describedBy("visibility")}
          >
            <option value="public">Pubblico</option>
            <option value="internal">Solo interno</option>
          </select>
          <FieldErrors id={`${id("visibility")}-error`} errors={errors.visibility} />
          {visibilityRefused && result && !result.ok ? (
            <div id={`${id("visibility")}-refused`} role="alert" className="field-error">
              <p style={{ margin: 0 }}>{result.formError}</p>
              <ArticleLinks articles={refusedBy} />
            </div>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={id("it")}>Valore (italiano)</label>
          <input
            id={id("it")}
            value={fields.it}
            onChange={(e) => set({ it: e.target.value })}
            maxLength={500}
            aria-invalid={!!errors["values.it"]}
            aria-describedby={describedBy("it", "values.it")}
          />
          <FieldErrors id={`${id("it")}-error`} errors={errors["values.it"]} />
        </div>
        <div className="field">
          <label htmlFor={id("en")}>Valore (inglese)</label>
          <input
            id={id("en")}
            value={fields.en}
            onChange={(e) => set({ en: e.target.value })}
            maxLength={500}
            placeholder="come in italiano"
            aria-invalid={!!errors["values.en"]}
            aria-describedby={describedBy("en", "values.en")}
          />
          <FieldErrors id={`${id("en")}-error`} errors={errors["values.en"]} />
        </div>
        <div className={`field ${forms.wide}`}>
          <label htmlFor={id("description")}>Descrizione</label>
          <input
            id={id("description")}
            value={fields.description}
            onChange={(e) => set({ description: e.target.value })}
            maxLength={300}
            aria-invalid={!!errors.description}
            aria-describedby={describedBy("description")}
          />
          <FieldErrors id={`${id("description")}-error`} errors={errors.description} />
        </div>
      </div>
      <div className={forms.actions}>
        <button type="submit" className="primary" disabled={pending}>
          {editing ? "Salva" : "Crea fatto"}
        </button>
        {editing ? (
          <>
            <button type="button" onClick={onDone} disabled={pending}>
              Chiudi
            </button>
            <button type="button" className={forms.danger} onClick={remove} disabled={pending}>
              Elimina
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}

/** One fact: its row, and below it the edit form when open. A tbody per fact keeps the pair together. */
export function FactRows({ fact }: { fact: FactRowData }) {
  const [open, setOpen] = useState(false);
  const editRowId = `fact-edit-${fact.key}`;
  const n = fact.usedIn.length;
  return (
    <tbody>
      <tr>
        <th scope="row" className={styles.key}>
          <code>{`{{fact.${fact.key}}}`}</code>
        </th>
        <td>{FACT_TYPE_LABEL[fact.type]}</td>
        <td>
          {fact.visibility === "internal" ? (
            <span className="badge internal">Solo interno</span>
          ) : (
            <span className="badge published">Pubblico</span>
          )}
        </td>
        <td>
          <dl className={styles.values}>
            <dt>IT</dt>
            <dd>{fact.values.it}</dd>
            <dt>EN</dt>
            <dd>{fact.values.en ?? <span className="muted">come IT</span>}</dd>
          </dl>
        </td>
        <td>{fact.description || <span className="muted">—</span>}</td>
        <td>
          {n === 0 ? (
            <span className="muted">Non usato</span>
          ) : (
            <details className={styles.usage}>
              <summary>Usato in {n === 1 ? "1 articolo" : `${n} articoli`}</summary>
              <ul>
                {fact.usedIn.map((use) => (
                  <li key={use.articleId}>
                    <Link href={`/studio/articles/${use.articleId}`}>{use.title}</Link>{" "}
                    <span className={styles.where}>({use.where})</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </td>
        <td>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={editRowId}
            aria-label={`Modifica ${fact.key}`}
            onClick={() => setOpen((o) => !o)}
          >
            Modifica
          </button>
        </td>
      </tr>
      {open ? (
        <tr id={editRowId} className={forms.editRow}>
          <td colSpan={7}>
            <FactForm fact={fact} onDone={() => setOpen(false)} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
