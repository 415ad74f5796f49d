"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useId, useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import { ANSWER_CHANNELS, CHANNELS, type ChannelKey } from "@/lib/channels";
import forms from "../_components/admin-forms.module.css";
import {
  deleteCategoryAction,
  deleteProductAction,
  deleteTagAction,
  renameTagAction,
  saveCategoryAction,
  saveProductAction,
  type TaxonomyActionResult,
} from "./actions";
import styles from "./taxonomy.module.css";

export type ProductRowData = {
  id: number;
  slug: string;
  name: { it: string; en?: string };
  channels: string[];
  articleCount: number;
};

export type CategoryRowData = {
  id: number;
  slug: string;
  name: { it: string; en?: string };
  description: { it: string; en?: string } | null;
  position: number;
  articleCount: number;
};

export type TagRowData = { tag: string; count: number };

type Blocker = { articleId: number; title: string };

/** Runs a server action, keeps its answer for the form, refreshes the page data on success. */
function useAction() {
  const router = useRouter();
  const [result, setResult] = useState<TaxonomyActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<TaxonomyActionResult>, onOk?: () => void) =>
    startTransition(async () => {
      const res = await action();
      setResult(res);
      if (res.ok) {
        onOk?.();
        router.refresh();
      }
    });
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return { result, pending, run, errors };
}

/** The outcome of the last action: a status on success, an alert (with the blocking articles) on refusal. */
function Outcome({ result }: { result: TaxonomyActionResult | null }) {
  if (!result) return null;
  if (result.ok) {
    return (
      <p role="status" className="notice">
        {result.message}
      </p>
    );
  }
  const details = result.conflict?.details as { articles?: Blocker[] } | null | undefined;
  const blockers = Array.isArray(details?.articles) ? details.articles : [];
  return (
    <div role="alert" className="form-error">
      <p style={{ margin: 0 }}>{result.formError}</p>
      {blockers.length > 0 ? (
        <ul style={{ margin: "0.5rem 0 0" }}>
          {blockers.map((a) => (
            <li key={a.articleId}>
              <Link href={`/studio/articles/${a.articleId}`}>{a.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A labelled input with its errors tied to it (aria-describedby). */
function Field({
  label,
  errors,
  className,
  children,
}: {
  label: string;
  errors?: string[];
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const has = !!errors?.length;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": has, "aria-describedby": has ? errorId : undefined })}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

// ── Shared by the product and category forms and rows ──────────────────────────────────────────────

type SlugAndName = { slug: string; it: string; en: string };

/** The slug and the Italian and English names, the first fields of both forms. */
function SlugAndNameFields({
  fields,
  set,
  errors,
}: {
  fields: SlugAndName;
  set: (patch: Partial<SlugAndName>) => void;
  errors: Record<string, string[]>;
}) {
  return (
    <>
      <Field label="Slug" errors={errors.slug}>
        {(p) => (
          <input {...p} value={fields.slug} onChange={(e) => set({ slug: e.target.value })} maxLength={60} />
        )}
      </Field>
      <Field label="Nome (italiano)" errors={errors["name.it"]}>
        {(p) => (
          <input {...p} value={fields.it} onChange={(e) => set({ it: e.target.value })} maxLength={80} />
        )}
      </Field>
      <Field label="Nome (inglese)" errors={errors["name.en"]}>
        {(p) => (
          <input {...p} value={fields.en} onChange={(e) => set({ en: e.target.value })} maxLength={80} />
        )}
      </Field>
    </>
  );
}

/** Submit, and when editing (`onDelete` given) also close and delete. */
function FormActions({
  createLabel,
  pending,
  onClose,
  onDelete,
}: {
  createLabel: string;
  pending: boolean;
  onClose?: () => void;
  onDelete?: () => void;
}) {
  return (
    <div className={forms.actions}>
      <button type="submit" className="primary" disabled={pending}>
        {onDelete ? "Salva" : createLabel}
      </button>
      {onDelete ? (
        <>
          <button type="button" onClick={onClose} disabled={pending}>
            Chiudi
          </button>
          <button type="button" className={forms.danger} disabled={pending} onClick={onDelete}>
            Elimina
          </button>
        </>
      ) : null}
    </div>
  );
}

function LocalizedNameCell({ name }: { name: { it: string; en?: string } }) {
  return (
    <td>
      {name.it}
      {name.en ? <span className="muted"> · {name.en}</span> : null}
    </td>
  );
}

/** A table row with a «Modifica» button at its end that opens the edit form in a row below it. */
function EditableRows({
  editLabel,
  rowId,
  colSpan,
  form,
  children,
}: {
  editLabel: string;
  rowId: string;
  colSpan: number;
  form: (close: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <tbody>
      <tr>
        {children}
        <td>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={rowId}
            aria-label={editLabel}
            onClick={() => setOpen((o) => !o)}
          >
            Modifica
          </button>
        </td>
      </tr>
      {open ? (
        <tr id={rowId} className={forms.editRow}>
          <td colSpan={colSpan}>{form(() => setOpen(false))}</td>
        </tr>
      ) : null}
    </tbody>
  );
}

// ── Products ───────────────────────────────────────────────────────────────────────────────────────

export function ProductForm({ product, onClose }: { product?: ProductRowData; onClose?: () => void }) {
  const blank = { slug: "", it: "", en: "", channels: [] as string[] };
  const [fields, setFields] = useState(
    product
      ? { slug: product.slug, it: product.name.it, en: product.name.en ?? "", channels: product.channels }
      : blank,
  );
  const { result, pending, run, errors } = useAction();
  const set = (patch: Partial<typeof fields>) => setFields((f) => ({ ...f, ...patch }));
  const toggleChannel = (channel: ChannelKey, on: boolean) =>
    set({ channels: on ? [...fields.channels, channel] : fields.channels.filter((c) => c !== channel) });
  const title = product ? `Modifica prodotto ${product.slug}` : "Nuovo prodotto";

  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        const payload = {
          slug: fields.slug,
          name: { it: fields.it, en: fields.en },
          channels: fields.channels,
        };
        run(
          () => saveProductAction(product?.id ?? null, payload),
          product ? undefined : () => setFields(blank),
        );
      }}
    >
      <Outcome result={result} />
      <div className={forms.formGrid}>
        <SlugAndNameFields fields={fields} set={set} errors={errors} />
      </div>
      <fieldset className={styles.channels}>
        <legend>Canali richiesti</legend>
        {ANSWER_CHANNELS.map((channel) => (
          <label key={channel}>
            <input
              type="checkbox"
              checked={fields.channels.includes(channel)}
              onChange={(e) => toggleChannel(channel, e.target.checked)}
            />
            {CHANNELS[channel].label.it}
          </label>
        ))}
      </fieldset>
      {errors.channels ? <p className="field-error">{errors.channels.join(" ")}</p> : null}
      <FormActions
        createLabel="Crea prodotto"
        pending={pending}
        onClose={onClose}
        onDelete={
          product
            ? () => {
                if (window.confirm(`Eliminare il prodotto «${product.name.it}»?`)) {
                  run(() => deleteProductAction(product.id), onClose);
                }
              }
            : undefined
        }
      />
    </form>
  );
}

export function ProductRows({ product }: { product: ProductRowData }) {
  return (
    <EditableRows
      editLabel={`Modifica prodotto ${product.slug}`}
      rowId={`product-edit-${product.id}`}
      colSpan={5}
      form={(close) => <ProductForm product={product} onClose={close} />}
    >
      <th scope="row" className={styles.slug}>
        {product.slug}
      </th>
      <LocalizedNameCell name={product.name} />
      <td>
        {product.channels.length === 0 ? (
          <span className="muted">nessuno</span>
        ) : (
          product.channels.map((c) => CHANNELS[c as ChannelKey]?.label.it ?? c).join(", ")
        )}
      </td>
      <td>{product.articleCount}</td>
    </EditableRows>
  );
}

// ── Categories ─────────────────────────────────────────────────────────────────────────────────────

export function CategoryForm({ category, onClose }: { category?: CategoryRowData; onClose?: () => void }) {
  const blank = { slug: "", it: "", en: "", descIt: "", descEn: "", position: "0" };
  const [fields, setFields] = useState(
    category
      ? {
          slug: category.slug,
          it: category.name.it,
          en: category.name.en ?? "",
          descIt: category.description?.it ?? "",
          descEn: category.description?.en ?? "",
          position: String(category.position),
        }
      : blank,
  );
  const { result, pending, run, errors } = useAction();
  const set = (patch: Partial<typeof fields>) => setFields((f) => ({ ...f, ...patch }));
  const title = category ? `Modifica categoria ${category.slug}` : "Nuova categoria";

  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        const payload = {
          slug: fields.slug,
          name: { it: fields.it, en: fields.en },
          description: { it: fields.descIt, en: fields.descEn },
          position: fields.position,
        };
        run(
          () => saveCategoryAction(category?.id ?? null, payload),
          category ? undefined : () => setFields(blank),
        );
      }}
    >
      <Outcome result={result} />
      <div className={forms.formGrid}>
        <SlugAndNameFields fields={fields} set={set} errors={errors} />
        <Field label="Posizione" errors={errors.position}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              step={1}
              value={fields.position}
              onChange={(e) => set({ position: e.target.value })}
            />
          )}
        </Field>
        <Field label="Descrizione (italiano)" errors={errors["description.it"]} className={forms.wide}>
          {(p) => (
            <input
              {...p}
              value={fields.descIt}
              onChange={(e) => set({ descIt: e.target.value })}
              maxLength={300}
            />
          )}
        </Field>
        <Field label="Descrizione (inglese)" errors={errors["description.en"]} className={forms.wide}>
          {(p) => (
            <input
              {...p}
              value={fields.descEn}
              onChange={(e) => set({ descEn: e.target.value })}
              maxLength={300}
            />
          )}
        </Field>
      </div>
      <FormActions
        createLabel="Crea categoria"
        pending={pending}
        onClose={onClose}
        onDelete={
          category
            ? () => {
                if (window.confirm(`Eliminare la categoria «${category.name.it}»?`)) {
                  run(() => deleteCategoryAction(category.id), onClose);
                }
              }
            : undefined
        }
      />
    </form>
  );
}

export function CategoryRows({ category }: { category: CategoryRowData }) {
  return (
    <EditableRows
      editLabel={`Modifica categoria ${category.slug}`}
      rowId={`category-edit-${category.id}`}
      colSpan={6}
      form={(close) => <CategoryForm category={category} onClose={close} />}
    >
      <td>{category.position}</td>
      <th scope="row" className={styles.slug}>
        {category.slug}
      </th>
      <LocalizedNameCell name={category.name} />
      <td>{category.description?.it ?? <span className="muted">—</span>}</td>
      <td>{category.articleCount}</td>
    </EditableRows>
  );
}

// ── Tags ───────────────────────────────────────────────────────────────────────────────────────────

/** Rename (or merge into an existing tag) and delete, each one form choosing the tag from those in use. */
export function TagForms({ tags }: { tags: TagRowData[] }) {
  const rename = useAction();
  const remove = useAction();
  const [chosenFrom, setFrom] = useState(tags[0]?.tag ?? "");
  const [to, setTo] = useState("");
  const [chosenDoomed, setDoomed] = useState(tags[0]?.tag ?? "");
  // After a rename or delete the list changes under the selects: fall back to a tag that still exists.
  const inUse = (tag: string) => (tags.some((t) => t.tag === tag) ? tag : (tags[0]?.tag ?? ""));
  const from = inUse(chosenFrom);
  const doomed = inUse(chosenDoomed);
  const options = tags.map((t) => (
    <option key={t.tag} value={t.tag}>
      {t.tag} ({t.count})
    </option>
  ));
  const merging = tags.some((t) => t.tag === to.trim().toLowerCase());

  return (
    <div className={styles.tagForms}>
      <form
        aria-label="Rinomina tag"
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          rename.run(
            () => renameTagAction({ from, to }),
            () => {
              setFrom(to.trim().toLowerCase());
              setTo("");
            },
          );
        }}
      >
        <h3 style={{ marginTop: 0, fontSize: "1rem" }}>Rinomina o unisci</h3>
        <Outcome result={rename.result} />
        <Field label="Tag" errors={rename.errors.from}>
          {(p) => (
            <select {...p} value={from} onChange={(e) => setFrom(e.target.value)}>
              {options}
            </select>
          )}
        </Field>
        <Field label="Nuovo nome" errors={rename.errors.to}>
          {(p) => <input {...p} value={to} onChange={(e) => setTo(e.target.value)} maxLength={40} />}
        </Field>
        {merging ? (
          <p className="muted" style={{ marginTop: 0 }}>
            «{to.trim().toLowerCase()}» esiste già: i due tag verranno uniti.
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={rename.pending || tags.length === 0}>
          {merging ? "Unisci" : "Rinomina"}
        </button>
      </form>
      <form
        aria-label="Elimina tag"
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          const tag = tags.find((t) => t.tag === doomed);
          if (!tag) return;
          const n = tag.count === 1 ? "1 articolo" : `${tag.count} articoli`;
          if (!window.confirm(`Togliere il tag «${tag.tag}» da ${n}?`)) return;
          remove.run(() => deleteTagAction(tag.tag));
        }}
      >
        <h3 style={{ marginTop: 0, fontSize: "1rem" }}>Elimina</h3>
        <Outcome result={remove.result} />
        <Field label="Tag da eliminare" errors={remove.errors.form}>
          {(p) => (
            <select {...p} value={doomed} onChange={(e) => setDoomed(e.target.value)}>
              {options}
            </select>
          )}
        </Field>
        <button type="submit" className={forms.danger} disabled={remove.pending || tags.length === 0}>
          Elimina tag
        </button>
      </form>
    </div>
  );
}
