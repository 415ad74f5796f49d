import "server-only";
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { createUsageBuffer, type UsageBuffer } from "@/lib/analytics";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import type { PortalLocale } from "@/lib/i18n";
import { publicAndPublished } from "./queries";

// Portal article views, for "most read" on the home page. The web server counts a view per article request
// (lib/portal/view-request.ts decides what is one) into memory; every few seconds the counts are added to one row
// per article and UTC day. No visitor data is kept: only how many.

export const POPULAR_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Adds one batch of viewed slugs. Slugs that are not a published public article (a 404, an internal article's
 * slug guessed by someone) are dropped here: only real reads of public pages are counted.
 */
export function writePortalViews(slugs: readonly string[], at: Date = new Date(), db: Db = getDb()): number {
  if (slugs.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const slug of slugs) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const articles = db
    .select({ id: schema.articles.id, slug: schema.articles.slug })
    .from(schema.articles)
    .where(and(inArray(schema.articles.slug, [...counts.keys()]), publicAndPublished))
    .all();
  const day = utcDay(at);
  let written = 0;
  writeTransaction(db, (tx) => {
    for (const { id, slug } of articles) {
      const views = counts.get(slug) ?? 0;
      tx.insert(schema.portalViews)
        .values({ articleId: id, day, views })
        .onConflictDoUpdate({
          target: [schema.portalViews.articleId, schema.portalViews.day],
          set: { views: sql`${schema.portalViews.views} + ${views}` },
        })
        .run();
      written += views;
    }
  });
  return written;
}

const globalForViews = globalThis as unknown as { __sportelloPortalViews?: UsageBuffer<string> };

function viewBuffer(): UsageBuffer<string> {
  const existing = globalForViews.__sportelloPortalViews;
  if (existing) return existing;
  const buffer = createUsageBuffer<string>({
    write: (slugs) => void writePortalViews(slugs),
    intervalMs: 5000,
    maxBatch: 2000,
    onError: (error) => console.error("[portal-views] could not write views", error),
  });
  globalForViews.__sportelloPortalViews = buffer;
  process.once("exit", () => {
    try {
      buffer.flush();
    } catch {
      // Shutting down; a few views are not worth failing the exit for.
    }
  });
  return buffer;
}

/** O(1), no I/O: counted in memory and written within seconds. */
export function countPortalView(slug: string): void {
  viewBuffer().push(slug);
}

/** Writes the views waiting in memory (tests, shutdown). */
export function flushPortalViews(): number {
  return viewBuffer().flush();
}

/** The most read public articles of a locale over the last POPULAR_WINDOW_DAYS days, most read first. */
export function listMostReadArticleIds(
  locale: PortalLocale,
  limit: number,
  db: Db = getDb(),
  now: Date = new Date(),
): number[] {
  const since = utcDay(new Date(now.getTime() - POPULAR_WINDOW_DAYS * DAY_MS));
  const total = sql<number>`sum(${schema.portalViews.views})`;
  return db
    .select({ id: schema.portalViews.articleId, total })
    .from(schema.portalViews)
    .innerJoin(schema.articles, eq(schema.articles.id, schema.portalViews.articleId))
    .where(and(gte(schema.portalViews.day, since), eq(schema.articles.locale, locale), publicAndPublished))
    .groupBy(schema.portalViews.articleId)
    .orderBy(desc(total), schema.portalViews.articleId)
    .limit(limit)
    .all()
    .map((r) => r.id);
}
