import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, ne, type SQL } from "drizzle-orm";
import { type Category, type Db, getDb, type Product, schema } from "@/lib/db";
import type { PortalLocale } from "@/lib/i18n";

// What the public portal lists: public, published, not archived articles of one locale. Everything here is the
// public audience by construction (the `visibleTo` condition), so a page cannot forget the filter.

export type PortalArticleItem = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  categoryId: number;
  productId: number;
  publishedAt: Date;
};

/** An article the public may read: public, with a published version, not archived. */
export const publicAndPublished = and(
  eq(schema.articles.visibility, "public"),
  isNotNull(schema.articles.publishedVersionId),
  ne(schema.articles.status, "archived"),
) as SQL;

const visibleTo = (locale: PortalLocale): SQL =>
  and(publicAndPublished, eq(schema.articles.locale, locale)) as SQL;

export function listPortalArticles(
  locale: PortalLocale,
  filter: { categoryId?: number; productId?: number; excludeId?: number; limit?: number } = {},
  db: Db = getDb(),
): PortalArticleItem[] {
  const conditions = [visibleTo(locale)];
  if (filter.categoryId !== undefined) conditions.push(eq(schema.articles.categoryId, filter.categoryId));
  if (filter.productId !== undefined) conditions.push(eq(schema.articles.productId, filter.productId));
  if (filter.excludeId !== undefined) conditions.push(ne(schema.articles.id, filter.excludeId));
  const query = db
    .select({
      id: schema.articles.id,
      slug: schema.articles.slug,
      title: schema.articleVersions.title,
      summary: schema.articleVersions.summary,
      categoryId: schema.articles.categoryId,
      productId: schema.articles.productId,
      publishedAt: schema.articleVersions.createdAt,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .where(and(...conditions))
    .orderBy(asc(schema.articleVersions.title));
  return filter.limit ? query.limit(filter.limit).all() : query.all();
}

export type PortalTaxonomy = {
  products: (Product & { articleCount: number })[];
  categories: (Category & { articleCount: number })[];
};

/**
 * The products and categories of a list of portal articles (listPortalArticles), with their counts: the ones a
 * visitor of that locale has something to read in. Takes the list so a page that shows it reads it once.
 */
export function getPortalTaxonomy(articles: readonly PortalArticleItem[], db: Db = getDb()): PortalTaxonomy {
  const counts = (key: "productId" | "categoryId") => {
    const map = new Map<number, number>();
    for (const a of articles) map.set(a[key], (map.get(a[key]) ?? 0) + 1);
    return map;
  };
  const perProduct = counts("productId");
  const perCategory = counts("categoryId");
  const products = db
    .select()
    .from(schema.products)
    .orderBy(asc(schema.products.slug))
    .all()
    .map((p) => ({ ...p, articleCount: perProduct.get(p.id) ?? 0 }))
    .filter((p) => p.articleCount > 0);
  const categories = db
    .select()
    .from(schema.categories)
    .orderBy(asc(schema.categories.position), asc(schema.categories.slug))
    .all()
    .map((c) => ({ ...c, articleCount: perCategory.get(c.id) ?? 0 }))
    .filter((c) => c.articleCount > 0);
  return { products, categories };
}

export function getCategoryBySlug(slug: string, db: Db = getDb()): Category | null {
  return db.select().from(schema.categories).where(eq(schema.categories.slug, slug)).get() ?? null;
}

export function getProductBySlug(slug: string, db: Db = getDb()): Product | null {
  return db.select().from(schema.products).where(eq(schema.products.slug, slug)).get() ?? null;
}

/**
 * The public, published translations of an article (same translation group, other locales), for the language
 * switch and hreflang links. An internal or unpublished translation is never named.
 */
export function listPublicTranslations(
  translationGroup: string,
  exceptArticleId: number,
  db: Db = getDb(),
): { locale: PortalLocale; slug: string }[] {
  return db
    .select({ locale: schema.articles.locale, slug: schema.articles.slug })
    .from(schema.articles)
    .where(
      and(
        eq(schema.articles.translationGroup, translationGroup),
        ne(schema.articles.id, exceptArticleId),
        eq(schema.articles.visibility, "public"),
        isNotNull(schema.articles.publishedVersionId),
        ne(schema.articles.status, "archived"),
      ),
    )
    .orderBy(desc(schema.articles.locale))
    .all();
}

/** Categories by id, for naming a list's articles in one query. */
export function getCategoriesById(ids: readonly number[], db: Db = getDb()): Map<number, Category> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(schema.categories)
      .where(inArray(schema.categories.id, [...new Set(ids)]))
      .all()
      .map((c) => [c.id, c]),
  );
}
