import "server-only";
import { and, asc, eq, isNotNull, isNull, lte, ne, type SQL, sql } from "drizzle-orm";
import { type Db, getDb, schema } from "@/lib/db";
import { addDays, daysBetween, todayIso } from "./dates";
import {
  type ParityArticle,
  type ParityArticleInput,
  type ParityFlagInput,
  type ParityKind,
  shapeParity,
} from "./shape";

export type ParityFilter = {
  productSlug?: string;
  kind?: ParityKind;
  articleId?: number;
  /** Defaults to the server's local day (tests pass their own). */
  today?: string;
};

// Parity is judged on what readers see: the published version when there is one, else the working copy.
const judgedVersionId = sql`coalesce(${schema.articles.publishedVersionId}, ${schema.articles.currentVersionId})`;

/** The loaded inputs of shapeParity, one per unarchived article matching the filter. */
export function loadParityInputs(filter: Omit<ParityFilter, "kind" | "today"> = {}, db: Db = getDb()) {
  const where: SQL[] = [ne(schema.articles.status, "archived")];
  if (filter.productSlug) where.push(eq(schema.products.slug, filter.productSlug));
  if (filter.articleId) where.push(eq(schema.articles.id, filter.articleId));
  const rows = db
    .select({
      id: schema.articles.id,
      slug: schema.articles.slug,
      locale: schema.articles.locale,
      reviewBy: schema.articles.reviewBy,
      publishedVersionId: schema.articles.publishedVersionId,
      productSlug: schema.products.slug,
      productName: schema.products.name,
      requiredChannels: schema.products.channels,
      versionId: schema.articleVersions.id,
      versionNumber: schema.articleVersions.number,
      bodyChangedInVersion: schema.articleVersions.bodyChangedInVersion,
      title: schema.articleVersions.title,
    })
    .from(schema.articles)
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, judgedVersionId))
    .where(and(...where))
    .orderBy(asc(schema.articleVersions.title), asc(schema.articles.id))
    .all();
  if (rows.length === 0) return [];

  // Two more queries for all articles at once (not one per article): answers of the judged versions, open flags.
  const answers = db
    .select({
      articleId: schema.articles.id,
      channel: schema.channelAnswers.channel,
      writtenInVersion: schema.channelAnswers.writtenInVersion,
    })
    .from(schema.channelAnswers)
    .innerJoin(schema.articles, eq(schema.channelAnswers.versionId, judgedVersionId))
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .where(and(...where))
    .all();
  const flags = db
    .select({
      articleId: schema.agentFlags.articleId,
      id: schema.agentFlags.id,
      channel: schema.agentFlags.channel,
      reason: schema.agentFlags.reason,
      createdAt: schema.agentFlags.createdAt,
      createdByName: schema.users.name,
    })
    .from(schema.agentFlags)
    .innerJoin(schema.articles, eq(schema.articles.id, schema.agentFlags.articleId))
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .leftJoin(schema.users, eq(schema.users.id, schema.agentFlags.createdBy))
    .where(and(isNull(schema.agentFlags.resolvedAt), ...where))
    .orderBy(asc(schema.agentFlags.id))
    .all();

  const answersOf = groupBy(answers, (a) => a.articleId);
  const flagsOf = groupBy(flags, (f) => f.articleId);
  return rows.map(
    (r): ParityArticleInput => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      locale: r.locale,
      productSlug: r.productSlug,
      productName: r.productName.it,
      requiredChannels: r.requiredChannels,
      reviewBy: r.reviewBy,
      version: {
        id: r.versionId,
        number: r.versionNumber,
        bodyChangedInVersion: r.bodyChangedInVersion,
        published: r.publishedVersionId === r.versionId,
      },
      answers: answersOf.get(r.id) ?? [],
      flags: (flagsOf.get(r.id) ?? []).map(
        ({ id, channel, reason, createdAt, createdByName }): ParityFlagInput => ({
          id,
          channel,
          reason,
          createdAt,
          createdByName,
        }),
      ),
    }),
  );
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The parity report: unarchived articles with problems, by title. */
export function computeParity(filter: ParityFilter = {}, db: Db = getDb()): ParityArticle[] {
  const { kind, today = todayIso(), ...where } = filter;
  return shapeParity(loadParityInputs(where, db), { today, kind });
}

export type ParityCounts = { problems: number; flags: number };

/**
 * Per article: parity problems other than flags (missing, stale, review overdue) and open flags, for the studio
 * list. Articles in parity are absent from the map.
 */
export function countParityByArticle(
  today: string = todayIso(),
  db: Db = getDb(),
): Map<number, ParityCounts> {
  const counts = new Map<number, ParityCounts>();
  for (const article of computeParity({ today }, db)) {
    const flags = article.problems.filter((p) => p.kind === "flagged").length;
    counts.set(article.articleId, { problems: article.problems.length - flags, flags });
  }
  return counts;
}

export type ReviewDueRow = {
  articleId: number;
  slug: string;
  title: string;
  locale: string;
  status: (typeof schema.articles.$inferSelect)["status"];
  product: string;
  reviewBy: string;
  ownerId: number | null;
  owner: string | null;
  overdue: boolean;
  /** Negative when overdue. */
  daysLeft: number;
};

export const REVIEW_DUE_HORIZON_DAYS = 60;

/**
 * Unarchived articles whose review date has passed or falls within the next 60 days, soonest first (so overdue ones
 * lead), with their owner's name.
 */
export function listReviewDue(
  options: { today?: string; horizonDays?: number } = {},
  db: Db = getDb(),
): ReviewDueRow[] {
  const today = options.today ?? todayIso();
  const until = addDays(today, options.horizonDays ?? REVIEW_DUE_HORIZON_DAYS);
  const rows = db
    .select({
      articleId: schema.articles.id,
      slug: schema.articles.slug,
      locale: schema.articles.locale,
      status: schema.articles.status,
      reviewBy: schema.articles.reviewBy,
      ownerId: schema.articles.ownerId,
      owner: schema.users.name,
      product: schema.products.name,
      title: schema.articleVersions.title,
    })
    .from(schema.articles)
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .leftJoin(schema.users, eq(schema.users.id, schema.articles.ownerId))
    .where(
      and(
        ne(schema.articles.status, "archived"),
        isNotNull(schema.articles.reviewBy),
        lte(schema.articles.reviewBy, until),
      ),
    )
    .orderBy(asc(schema.articles.reviewBy), asc(schema.articleVersions.title), asc(schema.articles.id))
    .all();
  return rows.map((r) => {
    const reviewBy = r.reviewBy ?? today;
    return {
      ...r,
      reviewBy,
      product: r.product.it,
      overdue: reviewBy < today,
      daysLeft: daysBetween(today, reviewBy),
    };
  });
}
