import "server-only";
import { getArticlePopularity } from "@/lib/analytics";
import { type ArticleBundle, getPublishedBundles, getSearchTexts } from "@/lib/articles";
import { fillTemplate } from "@/lib/channels";
import { type Db, getDb } from "@/lib/db";
import { type FactMap, factValues } from "@/lib/facts";

/** One document per published article. Text fields carry the locale in their name for localizedAttributes. */
export type SearchDocument = {
  id: string;
  articleId: number;
  slug: string;
  locale: "it" | "en";
  visibility: "public" | "internal";
  product: string;
  productName: string;
  category: string;
  categoryName: string;
  tags: string[];
  /** Channel keys with an answer (internal index only): the agent's "channel available" filter. */
  channels: string[];
  publishedAt: number;
  /** Internal index only: opens + 2 × copies in the last 90 days; the last ranking rule (lib/search/settings.ts). */
  popularity?: number;
} & Partial<Record<`${"title" | "summary" | "body" | "answers"}_${"it" | "en"}`, string>>;

export type ArticleDocuments = {
  articleId: number;
  internal: SearchDocument | null;
  public: SearchDocument | null;
};

function toDocument(
  bundle: ArticleBundle,
  audience: "internal" | "public",
  facts: FactMap,
  popularity: number,
  /** The body as plain text for this audience, facts not yet filled in: fact values are plain text, so filling
   * them into the plain text gives the same words as filling the Markdown first. */
  plainBody: string,
): SearchDocument {
  const { article, version, product, category, answers } = bundle;
  const loc = article.locale;
  const values = factValues(facts, loc, audience);
  const fill = (text: string) => fillTemplate(text, values).text;
  const name = (n: { it: string; en?: string }) => (loc === "en" ? (n.en ?? n.it) : n.it);
  const doc: SearchDocument = {
    id: String(article.id),
    articleId: article.id,
    slug: article.slug,
    locale: loc,
    visibility: article.visibility,
    product: product.slug,
    productName: name(product.name),
    category: category.slug,
    categoryName: name(category.name),
    tags: article.tags,
    channels: audience === "internal" ? answers.map((a) => a.channel) : [],
    publishedAt: version.createdAt.getTime(),
    [`title_${loc}`]: version.title,
    [`summary_${loc}`]: fill(version.summary),
    [`body_${loc}`]: fill(plainBody),
  };
  if (audience === "internal") {
    doc.popularity = popularity;
    doc[`answers_${loc}`] = answers
      .map((a) => fill([a.subject, a.body].filter(Boolean).join("\n")))
      .join("\n\n");
  }
  return doc;
}

/**
 * What each index should hold for each article right now, read from SQLite (the source of truth): null means
 * "must not be there". Internal articles never get a public document. One result per requested id, in order.
 *
 * Batch-shaped because a full reindex builds every document: bundles come from a handful of queries, and the
 * body's plain text was derived at save time (lib/articles/search-text.ts), so no Markdown is parsed here.
 */
export function buildDocuments(
  articleIds: readonly number[],
  facts: FactMap,
  db: Db = getDb(),
  popularity?: ReadonlyMap<number, number>,
): ArticleDocuments[] {
  const bundles = new Map(getPublishedBundles(articleIds, db).map((b) => [b.article.id, b]));
  const texts = getSearchTexts(
    [...bundles.values()].map((b) => b.version),
    db,
  );
  return articleIds.map((articleId) => {
    const bundle = bundles.get(articleId);
    const text = bundle && texts.get(bundle.version.id);
    if (!bundle || !text) return { articleId, internal: null, public: null };
    // A full document replaces the indexed one, so it carries the current count (else a publish would reset it to
    // 0 until the next periodic update). Batch callers pass a precomputed map; one indexed query otherwise.
    const score = popularity ? (popularity.get(articleId) ?? 0) : getArticlePopularity(articleId, db);
    return {
      articleId,
      internal: toDocument(bundle, "internal", facts, score, text.internal),
      public:
        bundle.article.visibility === "public" ? toDocument(bundle, "public", facts, 0, text.public) : null,
    };
  });
}

/** buildDocuments for one article. */
export function buildArticleDocuments(
  articleId: number,
  facts: FactMap,
  db?: Db,
  popularity?: ReadonlyMap<number, number>,
): ArticleDocuments {
  return buildDocuments([articleId], facts, db, popularity)[0] as ArticleDocuments;
}
