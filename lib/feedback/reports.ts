import "server-only";
import { and, desc, eq, gte, isNotNull, type SQL, sql } from "drizzle-orm";
import { type Db, getDb, type Locale, schema } from "@/lib/db";

// What editors read of the portal's votes (issue 6 point 3): per article and version, and across articles.
// Comments come from anonymous visitors: pages render them as text, never as HTML.

/** The cross-article lists look this far back. */
export const FEEDBACK_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export type VersionFeedback = {
  versionNumber: number;
  yes: number;
  no: number;
  /** yes / (yes + no), 0–1; null without votes. */
  helpfulShare: number | null;
};

export type FeedbackComment = {
  id: number;
  articleId: number;
  articleSlug: string;
  /** The working copy's title, as editors know the article. */
  articleTitle: string;
  locale: Locale;
  versionNumber: number;
  helpful: boolean;
  comment: string;
  at: Date;
};

export type UnhelpfulArticle = {
  articleId: number;
  slug: string;
  title: string;
  locale: Locale;
  yes: number;
  no: number;
  helpfulShare: number;
};

const v = schema.helpfulVotes;
const yesCount = sql<number>`sum(case when ${v.helpful} then 1 else 0 end)`.mapWith(Number);
const noCount = sql<number>`sum(case when ${v.helpful} then 0 else 1 end)`.mapWith(Number);

function share(yes: number, no: number): number | null {
  return yes + no === 0 ? null : yes / (yes + no);
}

/**
 * Yes/no per version of one article, newest version first. The published version is listed even before its first
 * vote, so an editor sees that the text they just published has not been rated yet.
 */
export function listVersionFeedback(articleId: number, db: Db = getDb()): VersionFeedback[] {
  const rows = db
    .select({ versionNumber: v.versionNumber, yes: yesCount, no: noCount })
    .from(v)
    .where(eq(v.articleId, articleId))
    .groupBy(v.versionNumber)
    .all();
  const published = db
    .select({ number: schema.articleVersions.number })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .where(eq(schema.articles.id, articleId))
    .get();
  if (published && !rows.some((r) => r.versionNumber === published.number)) {
    rows.push({ versionNumber: published.number, yes: 0, no: 0 });
  }
  return rows
    .map((r) => ({ ...r, helpfulShare: share(r.yes, r.no) }))
    .sort((a, b) => b.versionNumber - a.versionNumber);
}

/**
 * Votes that came with a comment, newest first: of one article, or of every article; only the helpful or only the
 * unhelpful ones when `helpful` is given.
 */
export function listFeedbackComments(
  filter: { articleId?: number; helpful?: boolean; limit?: number } = {},
  db: Db = getDb(),
): FeedbackComment[] {
  const where: SQL[] = [isNotNull(v.comment)];
  if (filter.articleId !== undefined) where.push(eq(v.articleId, filter.articleId));
  if (filter.helpful !== undefined) where.push(eq(v.helpful, filter.helpful));
  return db
    .select({
      id: v.id,
      articleId: v.articleId,
      articleSlug: schema.articles.slug,
      articleTitle: schema.articleVersions.title,
      locale: schema.articles.locale,
      versionNumber: v.versionNumber,
      helpful: v.helpful,
      comment: sql<string>`${v.comment}`,
      at: v.at,
    })
    .from(v)
    .innerJoin(schema.articles, eq(schema.articles.id, v.articleId))
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .where(and(...where))
    .orderBy(desc(v.at), desc(v.id))
    .limit(filter.limit ?? 50)
    .all();
}

/** Articles with the most "no" votes in the last `days` days, whatever the version; ties: the lower share first. */
export function listMostUnhelpful(
  options: { days?: number; limit?: number; now?: Date } = {},
  db: Db = getDb(),
): UnhelpfulArticle[] {
  const since = new Date(
    (options.now ?? new Date()).getTime() - (options.days ?? FEEDBACK_WINDOW_DAYS) * DAY_MS,
  );
  return db
    .select({
      articleId: v.articleId,
      slug: schema.articles.slug,
      title: schema.articleVersions.title,
      locale: schema.articles.locale,
      yes: yesCount,
      no: noCount,
    })
    .from(v)
    .innerJoin(schema.articles, eq(schema.articles.id, v.articleId))
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .where(gte(v.at, since))
    .groupBy(v.articleId)
    .having(sql`${noCount} > 0`)
    .orderBy(desc(noCount), sql`${yesCount} asc`, desc(v.articleId))
    .limit(options.limit ?? 20)
    .all()
    .map((r) => ({ ...r, helpfulShare: share(r.yes, r.no) ?? 0 }));
}
