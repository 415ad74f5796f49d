import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Article, ArticleVersion, Category, ChannelAnswer, Db, Product, User } from "@/lib/db";
import { getDb, schema } from "@/lib/db";

export type Audience = "internal" | "public";

export type ArticleBundle = {
  article: Article;
  version: ArticleVersion;
  answers: ChannelAnswer[];
  product: Product;
  category: Category;
};

function bundle(db: Db, article: Article, versionId: number): ArticleBundle | null {
  const version = db
    .select()
    .from(schema.articleVersions)
    .where(eq(schema.articleVersions.id, versionId))
    .get();
  const product = db.select().from(schema.products).where(eq(schema.products.id, article.productId)).get();
  const category = db
    .select()
    .from(schema.categories)
    .where(eq(schema.categories.id, article.categoryId))
    .get();
  if (!version || !product || !category) return null;
  const answers = db
    .select()
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, versionId))
    .orderBy(asc(schema.channelAnswers.id))
    .all();
  return { article, version, answers, product, category };
}

/**
 * The published version of an article as the audience may see it, or null. The public audience never gets an
 * internal, unpublished or archived article — the caller turns null into a 404, never a 403.
 */
export function getPublishedArticle(
  slug: string,
  audience: Audience,
  db: Db = getDb(),
): ArticleBundle | null {
  const article = db.select().from(schema.articles).where(eq(schema.articles.slug, slug)).get();
  if (!article?.publishedVersionId || article.status === "archived") return null;
  if (audience === "public" && article.visibility !== "public") return null;
  return bundle(db, article, article.publishedVersionId);
}

/** Every published article of an audience, for (re)indexing. */
export function listPublishedArticleIds(db: Db = getDb()): number[] {
  return db
    .select({ id: schema.articles.id })
    .from(schema.articles)
    .where(and(isNotNull(schema.articles.publishedVersionId), ne(schema.articles.status, "archived")))
    .orderBy(asc(schema.articles.id))
    .all()
    .map((r) => r.id);
}

export function getPublishedBundleById(articleId: number, db: Db = getDb()): ArticleBundle | null {
  const article = db.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  if (!article?.publishedVersionId || article.status === "archived") return null;
  return bundle(db, article, article.publishedVersionId);
}

/** The working copy (latest version) for the studio editor. */
export function getArticleForEdit(articleId: number, db: Db = getDb()): ArticleBundle | null {
  const article = db.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  if (!article?.currentVersionId) return null;
  return bundle(db, article, article.currentVersionId);
}

export type PortalCategory = {
  category: Category;
  articles: { slug: string; title: string; summary: string }[];
};

/** Categories with their public, published articles in one locale, for the portal home. */
export function listPortalCategories(locale: "it" | "en", db: Db = getDb()): PortalCategory[] {
  const rows = db
    .select({
      categoryId: schema.articles.categoryId,
      slug: schema.articles.slug,
      title: schema.articleVersions.title,
      summary: schema.articleVersions.summary,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .where(
      and(
        eq(schema.articles.visibility, "public"),
        eq(schema.articles.locale, locale),
        ne(schema.articles.status, "archived"),
      ),
    )
    .orderBy(asc(schema.articleVersions.title))
    .all();
  const categories = db.select().from(schema.categories).orderBy(asc(schema.categories.position)).all();
  return categories
    .map((category) => ({
      category,
      articles: rows
        .filter((r) => r.categoryId === category.id)
        .map(({ slug, title, summary }) => ({ slug, title, summary })),
    }))
    .filter((c) => c.articles.length > 0);
}

export type StudioArticleRow = {
  id: number;
  slug: string;
  locale: string;
  title: string;
  status: Article["status"];
  visibility: Article["visibility"];
  product: string;
  category: string;
  owner: string | null;
  versionNumber: number;
  hasUnpublishedChanges: boolean;
  updatedAt: Date;
};

/** All articles, drafts included, newest change first, for the studio list. */
export function listStudioArticles(db: Db = getDb()): StudioArticleRow[] {
  const rows = db
    .select({
      article: schema.articles,
      title: schema.articleVersions.title,
      versionNumber: schema.articleVersions.number,
      productName: schema.products.name,
      categoryName: schema.categories.name,
      ownerName: schema.users.name,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.articles.categoryId))
    .leftJoin(schema.users, eq(schema.users.id, schema.articles.ownerId))
    .orderBy(desc(schema.articles.updatedAt), asc(schema.articles.id))
    .all();
  return rows.map((r) => ({
    id: r.article.id,
    slug: r.article.slug,
    locale: r.article.locale,
    title: r.title,
    status: r.article.status,
    visibility: r.article.visibility,
    product: r.productName.it,
    category: r.categoryName.it,
    owner: r.ownerName,
    versionNumber: r.versionNumber,
    hasUnpublishedChanges:
      r.article.publishedVersionId !== null && r.article.publishedVersionId !== r.article.currentVersionId,
    updatedAt: r.article.updatedAt,
  }));
}

export function countArticles(db: Db = getDb()): number {
  return db.select({ n: count() }).from(schema.articles).get()?.n ?? 0;
}

export function getArticleIdsUsingFacts(keys: string[], db: Db = getDb()): number[] {
  if (keys.length === 0) return [];
  return db
    .selectDistinct({ id: schema.articleFacts.articleId })
    .from(schema.articleFacts)
    .where(inArray(schema.articleFacts.factKey, keys))
    .all()
    .map((r) => r.id);
}

export function getUserName(userId: number | null, db: Db = getDb()): string | null {
  if (!userId) return null;
  const user: Pick<User, "name"> | undefined = db
    .select({ name: schema.users.name })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .get();
  return user?.name ?? null;
}
