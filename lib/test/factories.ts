import { type Actor, createArticle, getArticleForEdit } from "@/lib/articles";
import type { ArticleMetaInput, SaveArticleInput, VersionContentInput } from "@/lib/articles/input";
import { getDb, schema } from "@/lib/db";

/** A product, a category and two facts (one public, one internal), enough for any article factory call. */
export function seedTaxonomy(): void {
  const db = getDb();
  db.insert(schema.products)
    .values({ slug: "fibra", name: { it: "Fibra", en: "Fibre" }, channels: ["phone", "email", "sms"] })
    .onConflictDoNothing()
    .run();
  db.insert(schema.categories)
    .values({ slug: "guasti", name: { it: "Guasti", en: "Faults" }, position: 1 })
    .onConflictDoNothing()
    .run();
  db.insert(schema.facts)
    .values([
      { key: "support_phone", type: "phone", visibility: "public", values: { it: "800 123 456" } },
      {
        key: "escalation_queue",
        type: "text",
        visibility: "internal",
        values: { it: "Coda L2 Rete int. 4410" },
      },
    ])
    .onConflictDoNothing()
    .run();
}

let counter = 0;

export function makeArticle(
  overrides: Partial<ArticleMetaInput> & { content?: Partial<VersionContentInput> } = {},
  actor: Actor = null,
) {
  counter++;
  const { content, ...meta } = overrides;
  const slug = meta.slug ?? `articolo-di-prova-${counter}`;
  return createArticle(
    {
      slug,
      locale: "it",
      translationGroup: slug,
      productSlug: "fibra",
      categorySlug: "guasti",
      visibility: "public",
      status: "published",
      tags: [],
      ownerEmail: null,
      reviewBy: null,
      ...meta,
    },
    {
      title: `Articolo di prova ${counter}`,
      summary: "Un sommario",
      body: "Un testo di prova.",
      changeNote: "",
      answers: [{ channel: "sms", subject: null, body: "Chiama il {{fact.support_phone}}." }],
      ...content,
    },
    actor,
  );
}

/** A save based on the article's current version, with that version's content unless overridden. */
export function nextSave(articleId: number, overrides: Partial<SaveArticleInput> = {}): SaveArticleInput {
  const current = getArticleForEdit(articleId);
  if (!current) throw new Error(`article ${articleId} has no version`);
  return {
    articleId,
    baseVersionId: current.version.id,
    title: current.version.title,
    summary: current.version.summary,
    body: current.version.body,
    changeNote: "",
    answers: current.answers.map((a) => ({ channel: a.channel as "sms", subject: a.subject, body: a.body })),
    publish: false,
    ...overrides,
  };
}
