import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { type Db, getDb, type Locale, schema } from "@/lib/db";

const DAY_MS = 86_400_000;
/** Ranking looks back 90 days: long enough to be stable, short enough that last season's topics fade. */
export const POPULARITY_WINDOW_DAYS = 90;
/** The console's "popular" list looks at the last month: what agents need now. */
export const POPULAR_LIST_WINDOW_DAYS = 30;

/** A copy means the answer was sent to a customer, a stronger signal than an open. */
export function popularityScore(opens: number, copies: number): number {
  return opens + 2 * copies;
}

const scoreSql = sql<number>`coalesce(sum(case ${schema.usageEvents.kind} when 'open' then 1 when 'copy' then 2 else 0 end), 0)`;

const published = and(isNotNull(schema.articles.publishedVersionId), ne(schema.articles.status, "archived"));

/**
 * Opens and copies already rolled up into usage_daily (ADR 020), from the UTC day of `since` on: a retention
 * shorter than the window must not make articles lose popularity. The first day counts whole.
 */
function rolledUpScores(since: Date, db: Db, articleId?: number): Map<number, number> {
  const d = schema.usageDaily;
  const rows = db
    .select({
      articleId: d.articleId,
      score: sql<number>`coalesce(sum(case ${d.kind} when 'open' then ${d.events} when 'copy' then 2 * ${d.events} else 0 end), 0)`,
    })
    .from(d)
    .innerJoin(schema.articles, eq(schema.articles.id, d.articleId))
    .where(
      and(
        inArray(d.kind, ["open", "copy"]),
        gte(d.day, since.toISOString().slice(0, 10)),
        articleId === undefined ? published : eq(d.articleId, articleId),
      ),
    )
    .groupBy(d.articleId)
    .all();
  return new Map(rows.map((r) => [r.articleId, Number(r.score)]));
}

/** Scores of every published article with at least one open or copy since `since` (articleId → score). */
export function listPopularityScores(
  since: Date = new Date(Date.now() - POPULARITY_WINDOW_DAYS * DAY_MS),
  db: Db = getDb(),
): Map<number, number> {
  const rows = db
    .select({ articleId: schema.usageEvents.articleId, score: scoreSql })
    .from(schema.usageEvents)
    .innerJoin(schema.articles, eq(schema.articles.id, schema.usageEvents.articleId))
    .where(
      and(inArray(schema.usageEvents.kind, ["open", "copy"]), gte(schema.usageEvents.at, since), published),
    )
    .groupBy(schema.usageEvents.articleId)
    .all();
  const scores = rolledUpScores(since, db);
  for (const r of rows)
    if (r.articleId) scores.set(r.articleId, (scores.get(r.articleId) ?? 0) + Number(r.score));
  for (const [id, score] of scores) if (score <= 0) scores.delete(id);
  return scores;
}

/** One article's score, for building its full search document. */
export function getArticlePopularity(
  articleId: number,
  db: Db = getDb(),
  since: Date = new Date(Date.now() - POPULARITY_WINDOW_DAYS * DAY_MS),
): number {
  const row = db
    .select({ score: scoreSql })
    .from(schema.usageEvents)
    .where(
      and(
        eq(schema.usageEvents.articleId, articleId),
        inArray(schema.usageEvents.kind, ["open", "copy"]),
        gte(schema.usageEvents.at, since),
      ),
    )
    .get();
  return Number(row?.score ?? 0) + (rolledUpScores(since, db, articleId).get(articleId) ?? 0);
}

export type ArticleListItem = {
  articleId: number;
  slug: string;
  locale: Locale;
  title: string;
  product: { slug: string; name: string };
  publishedAt: string;
};

const listColumns = {
  articleId: schema.articles.id,
  slug: schema.articles.slug,
  locale: schema.articles.locale,
  title: schema.articleVersions.title,
  productSlug: schema.products.slug,
  productName: schema.products.name,
  publishedAt: schema.articleVersions.createdAt,
};

type ListRow = {
  articleId: number;
  slug: string;
  locale: Locale;
  title: string;
  productSlug: string;
  productName: { it: string; en?: string };
  publishedAt: Date;
};

function present(r: ListRow): ArticleListItem {
  return {
    articleId: r.articleId,
    slug: r.slug,
    locale: r.locale,
    title: r.title,
    product: {
      slug: r.productSlug,
      name: r.locale === "en" ? (r.productName.en ?? r.productName.it) : r.productName.it,
    },
    publishedAt: r.publishedAt.toISOString(),
  };
}

const clampLimit = (limit: number) => Math.min(Math.max(Math.trunc(limit) || 1, 1), 50);

/**
 * The most opened and copied published articles of the last 30 days, for agents (internal audience: internal and
 * public articles alike), best first.
 */
export function listPopularArticles(
  limit = 10,
  db: Db = getDb(),
  now: Date = new Date(),
): (ArticleListItem & { score: number })[] {
  const scores = listPopularityScores(new Date(now.getTime() - POPULAR_LIST_WINDOW_DAYS * DAY_MS), db);
  if (scores.size === 0) return [];
  const rows = db
    .select(listColumns)
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .where(and(inArray(schema.articles.id, [...scores.keys()]), published))
    .all();
  return rows
    .map((r) => ({ ...present(r), score: scores.get(r.articleId) ?? 0 }))
    .sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, clampLimit(limit));
}

/** The latest published articles (by the date of their published version), for agents. */
export function listRecentArticles(limit = 10, db: Db = getDb()): ArticleListItem[] {
  return db
    .select(listColumns)
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .where(published)
    .orderBy(desc(schema.articleVersions.createdAt), desc(schema.articles.id))
    .limit(clampLimit(limit))
    .all()
    .map(present);
}
