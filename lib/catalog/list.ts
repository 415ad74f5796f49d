import "server-only";
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Article, type Db, getDb, schema } from "@/lib/db";
import { addDays, countParityByArticle, todayIso } from "@/lib/parity";
import { containsPattern, REVIEW_SOON_DAYS, type StudioListFilters } from "./filters";

export type CatalogRow = {
  id: number;
  slug: string;
  locale: string;
  title: string;
  status: Article["status"];
  visibility: Article["visibility"];
  product: string;
  category: string;
  ownerId: number | null;
  owner: string | null;
  reviewBy: string | null;
  reviewOverdue: boolean;
  versionNumber: number;
  hasUnpublishedChanges: boolean;
  updatedAt: Date;
  /** Missing, stale and review-overdue problems (lib/parity); open flags are counted apart. */
  parityProblems: number;
  openFlags: number;
};

export type CatalogResult = { rows: CatalogRow[]; total: number };

// Workflow order, not alphabetical: drafts first, archived last.
const statusRank = sql`case ${schema.articles.status} when 'draft' then 0 when 'in_review' then 1 when 'published' then 2 else 3 end`;

function orderBy(sort: StudioListFilters["sort"]): SQL[] {
  const tieBreak = [desc(schema.articles.updatedAt), asc(schema.articles.id)];
  switch (sort) {
    case "title":
      return [sql`${schema.articleVersions.title} collate nocase`, asc(schema.articles.id)];
    case "reviewBy":
      // Soonest first; articles without a review date at the end.
      return [sql`${schema.articles.reviewBy} is null`, asc(schema.articles.reviewBy), ...tieBreak];
    case "status":
      return [statusRank, ...tieBreak];
    default:
      return tieBreak;
  }
}

/**
 * The studio list: every article, drafts included, filtered and sorted as the URL asks. `q` looks in the title,
 * summary and body of the working copy, so an editor finds the draft they are writing. A LIKE scan is fine for a
 * few thousand articles; published text is also in Meilisearch, drafts are not.
 */
export function listStudioArticles(
  filters: StudioListFilters,
  options: { today?: string } = {},
  db: Db = getDb(),
): CatalogResult {
  const today = options.today ?? todayIso();
  const where: SQL[] = [];
  if (filters.status) where.push(eq(schema.articles.status, filters.status));
  if (filters.product) where.push(eq(schema.products.slug, filters.product));
  if (filters.category) where.push(eq(schema.categories.slug, filters.category));
  if (filters.locale) where.push(eq(schema.articles.locale, filters.locale));
  if (filters.visibility) where.push(eq(schema.articles.visibility, filters.visibility));
  if (filters.owner) where.push(eq(schema.articles.ownerId, filters.owner));
  if (filters.reviewDue === "overdue") where.push(lt(schema.articles.reviewBy, today));
  if (filters.reviewDue === "soon") {
    where.push(
      isNotNull(schema.articles.reviewBy),
      gte(schema.articles.reviewBy, today),
      lte(schema.articles.reviewBy, addDays(today, REVIEW_SOON_DAYS)),
    );
  }
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    const like = (column: AnyColumn) => sql`lower(${column}) like ${pattern} escape '\\'`;
    const text = or(
      like(schema.articleVersions.title),
      like(schema.articleVersions.summary),
      like(schema.articleVersions.body),
    );
    if (text) where.push(text);
  }

  // Parity is computed in code (lib/parity), so its two filters narrow by id after the counts are known.
  const parity = countParityByArticle(today, db);
  if (filters.parity === "yes" || filters.flagged === "yes") {
    const ids = [...parity.entries()]
      .filter(
        ([, c]) => (filters.parity !== "yes" || c.problems > 0) && (filters.flagged !== "yes" || c.flags > 0),
      )
      .map(([id]) => id);
    if (ids.length === 0) return { rows: [], total: 0 };
    where.push(inArray(schema.articles.id, ids));
  }

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
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(...orderBy(filters.sort))
    .all();

  const list = rows.map(
    (r): CatalogRow => ({
      id: r.article.id,
      slug: r.article.slug,
      locale: r.article.locale,
      title: r.title,
      status: r.article.status,
      visibility: r.article.visibility,
      product: r.productName.it,
      category: r.categoryName.it,
      ownerId: r.article.ownerId,
      owner: r.ownerName,
      reviewBy: r.article.reviewBy,
      reviewOverdue: r.article.reviewBy !== null && r.article.reviewBy < today,
      versionNumber: r.versionNumber,
      hasUnpublishedChanges:
        r.article.publishedVersionId !== null && r.article.publishedVersionId !== r.article.currentVersionId,
      updatedAt: r.article.updatedAt,
      parityProblems: parity.get(r.article.id)?.problems ?? 0,
      openFlags: parity.get(r.article.id)?.flags ?? 0,
    }),
  );
  return { rows: list, total: list.length };
}

export type CatalogFilterOptions = {
  products: { slug: string; name: string }[];
  categories: { slug: string; name: string }[];
  /** Users who own at least one article, plus every editor and admin (who could). */
  owners: { id: number; name: string }[];
};

/** What the filter bar's selects offer. */
export function listCatalogFilterOptions(db: Db = getDb()): CatalogFilterOptions {
  const products = db
    .select({ slug: schema.products.slug, name: schema.products.name })
    .from(schema.products)
    .orderBy(asc(schema.products.id))
    .all()
    .map((p) => ({ slug: p.slug, name: p.name.it }));
  const categories = db
    .select({ slug: schema.categories.slug, name: schema.categories.name })
    .from(schema.categories)
    .orderBy(asc(schema.categories.position), asc(schema.categories.id))
    .all()
    .map((c) => ({ slug: c.slug, name: c.name.it }));
  const owners = db
    .selectDistinct({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .leftJoin(schema.articles, eq(schema.articles.ownerId, schema.users.id))
    .where(or(isNotNull(schema.articles.id), inArray(schema.users.role, ["editor", "admin"])))
    .orderBy(asc(schema.users.name), asc(schema.users.id))
    .all();
  return { products, categories, owners };
}
