import "server-only";
import { and, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { schema } from "@/lib/db";

// Usage as per-day counts (issue 7, docs/decisions/020-analytics-and-content-health.md). The roll-up writes these
// rows into usage_daily and the reports read raw usage_events in this same shape, so a report cannot tell whether a
// day was rolled up: both go through `aggregateUsageEvents`.

export const DAY_MS = 86_400_000;

export type UsageSurface = (typeof schema.USAGE_SURFACES)[number];
export type UsageKind = (typeof schema.USAGE_EVENT_KINDS)[number];

export type DailyUsage = {
  /** YYYY-MM-DD, UTC. */
  day: string;
  surface: UsageSurface;
  kind: UsageKind;
  /** "" when the event named no channel. */
  channel: string;
  /** 0 for searches. */
  articleId: number;
  /** searches: normalised query (`normalizeQuery`); "" for opens and copies. */
  query: string;
  events: number;
  zeroResults: number;
  positionSum: number;
  positioned: number;
};

/**
 * "SIM  Smarrita " and "sim smarrita" are one search. toLocaleLowerCase, not SQLite's lower(): that one folds ASCII
 * only (ADR 016), so SQLite groups by lower(trim()) to read few rows and the rest is merged here.
 */
export function normalizeQuery(query: string | null): string {
  return (query ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase("it");
}

/** The UTC day of an instant. */
export function utcDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Midnight UTC starting `day`. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

const rowKey = (r: Omit<DailyUsage, "events" | "zeroResults" | "positionSum" | "positioned">) =>
  `${r.day}\u0000${r.surface}\u0000${r.kind}\u0000${r.channel}\u0000${r.articleId}\u0000${r.query}`;

/** Sums rows with the same identifying columns (the usage_daily primary key). */
export function mergeDailyUsage(rows: Iterable<DailyUsage>): DailyUsage[] {
  const merged = new Map<string, DailyUsage>();
  for (const row of rows) {
    const key = rowKey(row);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...row });
    else {
      seen.events += row.events;
      seen.zeroResults += row.zeroResults;
      seen.positionSum += row.positionSum;
      seen.positioned += row.positioned;
    }
  }
  return [...merged.values()];
}

type Reader = Pick<Db, "select">;

/**
 * Raw events between `from` (inclusive) and `to` (exclusive) as per-day rows. The user, filters, latency and API
 * key are not kept: the roll-up forgets who searched, and the reports never need it (ADR 020).
 */
export function aggregateUsageEvents(db: Reader, from: Date, to: Date, where: SQL[] = []): DailyUsage[] {
  const e = schema.usageEvents;
  const day = sql<string>`strftime('%Y-%m-%d', ${e.at} / 1000, 'unixepoch')`;
  const channel = sql<string>`coalesce(${e.channel}, '')`;
  const articleId = sql<number>`coalesce(${e.articleId}, 0)`;
  const query = sql<string>`case when ${e.kind} = 'search' then lower(trim(coalesce(${e.query}, ''))) else '' end`;
  const rows = db
    .select({
      day,
      surface: e.surface,
      kind: e.kind,
      channel,
      articleId,
      query,
      events: sql<number>`count(*)`.mapWith(Number),
      zeroResults:
        sql<number>`sum(case when ${e.kind} = 'search' and ${e.resultCount} = 0 then 1 else 0 end)`.mapWith(
          Number,
        ),
      positionSum: sql<number>`coalesce(sum(case when ${e.kind} = 'open' then ${e.position} end), 0)`.mapWith(
        Number,
      ),
      positioned:
        sql<number>`sum(case when ${e.kind} = 'open' and ${e.position} is not null then 1 else 0 end)`.mapWith(
          Number,
        ),
    })
    .from(e)
    .where(and(gte(e.at, from), lt(e.at, to), ...where))
    .groupBy(day, e.surface, e.kind, channel, articleId, query)
    .all();
  return mergeDailyUsage(
    rows.map((r) => ({ ...r, articleId: Number(r.articleId), query: normalizeQuery(r.query) })),
  );
}
