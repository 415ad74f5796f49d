import "server-only";
import { and, asc, count, eq, inArray, isNotNull, ne } from "drizzle-orm";
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

/**
 * The published version of many articles, each with its answers, product and category, in five queries instead of
 * five per article: a full reindex reads every published article (issue 5 benchmark). Articles that are not
 * published, or archived, are left out.
 */
export function getPublishedBundles(articleIds: readonly number[], db: Db = getDb()): ArticleBundle[] {
  if (articleIds.length === 0) return [];
  const articles = db
    .select()
    .from(schema.articles)
    .where(inArray(schema.articles.id, [...articleIds]))
    .orderBy(asc(schema.articles.id))
    .all()
    .filter((a) => a.publishedVersionId !== null && a.status !== "archived");
  const versionIds = articles.map((a) => a.publishedVersionId as number);
  if (versionIds.length === 0) return [];
  const versions = new Map(
    db
      .select()
      .from(schema.articleVersions)
      .where(inArray(schema.articleVersions.id, versionIds))
      .all()
      .map((v) => [v.id, v]),
  );
  const answers = new Map<number, ChannelAnswer[]>();
  for (const answer of db
    .select()
    .from(schema.channelAnswers)
    .where(inArray(schema.channelAnswers.versionId, versionIds))
    .orderBy(asc(schema.channelAnswers.id))
    .all()) {
    const list = answers.get(answer.versionId);
    if (list) list.push(answer);
    else answers.set(answer.versionId, [answer]);
  }
  const products = new Map(
    db
      .select()
      .from(schema.products)
      .all()
      .map((p) => [p.id, p]),
  );
  const categories = new Map(
    db
      .select()
      .from(schema.categories)
      .all()
      .map((c) => [c.id, c]),
  );
  return articles.flatMap((article) => {
    const version = versions.get(article.publishedVersionId as number);
    const product = products.get(article.productId);
    const category = categories.get(article.categoryId);
    if (!version || !product || !category) return [];
    return [{ article, version, answers: answers.get(version.id) ?? [], product, category }];
  });
}

/** The working copy (latest version) for the studio editor. */
export function getArticleForEdit(articleId: number, db: Db = getDb()): ArticleBundle | null {
  const article = db.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  if (!article?.currentVersionId) return null;
  return bundle(db, article, article.currentVersionId);
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

export type TaxonomyOptions = {
  products: { slug: string; name: string }[];
  categories: { slug: string; name: string }[];
};

/** Products and categories for the editor's selects, in Italian (the studio's language). */
export function listTaxonomyOptions(db: Db = getDb()): TaxonomyOptions {
  return {
    products: db
      .select({ slug: schema.products.slug, name: schema.products.name })
      .from(schema.products)
      .orderBy(asc(schema.products.slug))
      .all()
      .map((p) => ({ slug: p.slug, name: p.name.it })),
    categories: db
      .select({ slug: schema.categories.slug, name: schema.categories.name })
      .from(schema.categories)
      .orderBy(asc(schema.categories.position))
      .all()
      .map((c) => ({ slug: c.slug, name: c.name.it })),
  };
}

export type TranslationLink = {
  id: number;
  slug: string;
  locale: string;
  title: string;
  status: Article["status"];
  /** When its title/body last changed, vs this article's: the older one needs updating. */
  bodyChangedAt: Date;
  olderThanThis: boolean;
  newerThanThis: boolean;
};

function bodyChangedAt(db: Db, articleId: number, version: ArticleVersion): Date {
  if (version.bodyChangedInVersion === version.number) return version.createdAt;
  const changed = db
    .select({ at: schema.articleVersions.createdAt })
    .from(schema.articleVersions)
    .where(
      and(
        eq(schema.articleVersions.articleId, articleId),
        eq(schema.articleVersions.number, version.bodyChangedInVersion),
      ),
    )
    .get();
  return changed?.at ?? version.createdAt;
}

/**
 * The other locales of this article's topic (same translation group), each marked older or newer than this one by
 * when its text last changed — so the editor can say "the English translation is older than the Italian source".
 */
export function listTranslations(articleId: number, db: Db = getDb()): TranslationLink[] {
  const self = getArticleForEdit(articleId, db);
  if (!self) return [];
  const selfChanged = bodyChangedAt(db, articleId, self.version);
  const others = db
    .select({ article: schema.articles, version: schema.articleVersions })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .where(
      and(
        eq(schema.articles.translationGroup, self.article.translationGroup),
        ne(schema.articles.id, articleId),
      ),
    )
    .orderBy(asc(schema.articles.locale))
    .all();
  return others.map(({ article, version }) => {
    const changed = bodyChangedAt(db, article.id, version);
    return {
      id: article.id,
      slug: article.slug,
      locale: article.locale,
      title: version.title,
      status: article.status,
      bodyChangedAt: changed,
      olderThanThis: changed.getTime() < selfChanged.getTime(),
      newerThanThis: changed.getTime() > selfChanged.getTime(),
    };
  });
}
