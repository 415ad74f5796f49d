"use client";

import { useState, useTransition } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import type { ActionFailure } from "@/lib/http/action-result";
import { createArticleAction } from "./actions";

type Source = {
  translationGroup: string;
  locale: "it" | "en";
  productSlug: string;
  categorySlug: string;
  visibility: "public" | "internal";
  title: string;
  summary: string;
  body: string;
};

/** Lowercase ASCII, digits and dashes: "Perché la bolletta è alta?" → "perche-la-bolletta-e-alta". */
function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export function NewArticleForm({
  options,
  source,
}: {
  options: { products: { slug: string; name: string }[]; categories: { slug: string; name: string }[] };
  source: Source | null;
}) {
  const [title, setTitle] = useState(source ? source.title : "");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [summary, setSummary] = useState(source?.summary ?? "");
  const [body, setBody] = useState(source?.body ?? "");
  const [locale, setLocale] = useState<"it" | "en">(source?.locale ?? "it");
  const [productSlug, setProduct] = useState(source?.productSlug ?? options.products[0]?.slug ?? "");
  const [categorySlug, setCategory] = useState(source?.categorySlug ?? options.categories[0]?.slug ?? "");
  const [visibility, setVisibility] = useState<"public" | "internal">(source?.visibility ?? "public");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const effectiveSlug = slugTouched ? slug : slugify(title);
  const errors = failure?.fieldErrors ?? {};

  return (
    <form
      className="card"
      aria-label="Nuovo articolo"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await createArticleAction({
            meta: {
              slug: effectiveSlug,
              locale,
              translationGroup: source?.translationGroup ?? effectiveSlug,
              productSlug,
              categorySlug,
              visibility,
            },
            title,
            summary,
            body: body || `# ${title}`,
          });
          // On success the action redirects to the editor; only failures come back.
          setFailure(res);
        });
      }}
    >
      {failure ? (
        <p role="alert" className="form-error">
          {failure.formError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="new-title">Titolo</label>
        <input
          id="new-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
        />
        <FieldErrors errors={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="new-slug">Indirizzo (slug)</label>
        <input
          id="new-slug"
          value={effectiveSlug}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value);
          }}
        />
        <FieldErrors errors={[...(errors["meta.slug"] ?? []), ...(errors.slug ?? [])]} />
      </div>
      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))" }}>
        <div className="field">
          <label htmlFor="new-locale">Lingua</label>
          <select id="new-locale" value={locale} onChange={(e) => setLocale(e.target.value as "it" | "en")}>
            <option value="it">Italiano</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-product">Prodotto</label>
          <select id="new-product" value={productSlug} onChange={(e) => setProduct(e.target.value)}>
            {options.products.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-category">Categoria</label>
          <select id="new-category" value={categorySlug} onChange={(e) => setCategory(e.target.value)}>
            {options.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-visibility">Visibilità</label>
          <select
            id="new-visibility"
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as "public" | "internal")}
          >
            <option value="public">Pubblico</option>
            <option value="internal">Solo interno</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="new-summary">Sommario</label>
        <input
          id="new-summary"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={500}
        />
      </div>
      <div className="field">
        <label htmlFor="new-body">Testo (Markdown)</label>
        <textarea id="new-body" rows={10} value={body} onChange={(e) => setBody(e.target.value)} />
        <FieldErrors errors={errors.body} />
      </div>
      <button type="submit" className="primary" disabled={pending}>
        Crea bozza
      </button>
    </form>
  );
}
