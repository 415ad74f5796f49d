import "server-only";
import { and, asc, eq, gte, isNotNull, lt, lte, ne, type SQL } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, schema } from "@/lib/db";
import {
  aggregateUsageEvents,
  DAY_MS,
  type DailyUsage,
  dayStart,
  mergeDailyUsage,
  type UsageSurface,
  utcDay,
} from "./daily";

// The studio's analytics (issue 7 point 3). Every usage figure is computed from per-day rows: raw usage_events
// aggregated on the fly for days not rolled up yet, plus usage_daily for the days that were (lib/analytics/rollup.ts).
// So a report is the same before and after a roll-up (rollup.int.test.ts). Definitions: ADR 020.

export const ANALYTICS_DEFAULT_DAYS = 30;
export const ANALYTICS_MAX_DAYS = 366;

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Usa una data nel formato AAAA-MM-GG.")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && utcDay(dayStart(s)) === s,
    "Data inesistente.",
  );

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The GET form of /studio/analytics and its CSV export. Days are UTC calendar days, both ends included. */
export const AnalyticsFilterInput = z
  .object({
    from: z.preprocess(blankToUndefined, IsoDay.optional()),
    to: z.preprocess(blankToUndefined, IsoDay.optional()),
    surface: z.preprocess(blankToUndefined, z.enum(schema.USAGE_SURFACES).optional()),
    channel: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  })
  .transform((v, ctx) => {
    const to = v.to ?? utcDay(Date.now());
    const from = v.from ?? utcDay(dayStart(to).getTime() - (ANALYTICS_DEFAULT_DAYS - 1) * DAY_MS);
    if (from > to) ctx.addIssue({ code: "custom", path: ["from"], message: "«Dal» viene dopo «al»." });
    else if ((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS + 1 > ANALYTICS_MAX_DAYS)
      ctx.addIssue({ code: "custom", path: ["from"], message: `Al massimo ${ANALYTICS_MAX_DAYS} giorni.` });
    return { from, to, surface: v.surface, channel: v.channel };
  });
export type AnalyticsFilter = z.output<typeof AnalyticsFilterInput>;

/** Per-day rows of the range and filters, from both sources. */
export function listDailyUsage(filter: AnalyticsFilter, db: Db = getDb()): DailyUsage[] {
  const e = schema.usageEvents;
  const d = schema.usageDaily;
  const rawWhere: SQL[] = [];
  const dailyWhere: SQL[] = [gte(d.day, filter.from), lte(d.day, filter.to)];
  if (filter.surface) {
    rawWhere.push(eq(e.surface, filter.surface));
    dailyWhere.push(eq(d.surface, filter.surface));
  }
  if (filter.channel) {
    rawWhere.push(eq(e.channel, filter.channel));
    dailyWhere.push(eq(d.channel, filter.channel));
  }
  const raw = aggregateUsageEvents(
    db,
    dayStart(filter.from),
    new Date(dayStart(filter.to).getTime() + DAY_MS),
    rawWhere,
  );
  const rolled = db
    .select()
    .from(d)
    .where(and(...dailyWhere))
    .all();
  return mergeDailyUsage([...raw, ...rolled]);
}

export type SearchRow = { query: string; surface: UsageSurface; searches: number; zeroResults: number };

function searchRows(rows: DailyUsage[]): SearchRow[] {
  const grouped = new Map<string, SearchRow>();
  for (const r of rows) {
    if (r.kind !== "search" || r.query === "") continue;
    const key = `${r.surface}\u0000${r.query}`;
    const seen = grouped.get(key);
    if (!seen)
      grouped.set(key, {
        query: r.query,
        surface: r.surface,
        searches: r.events,
        zeroResults: r.zeroResults,
      });
    else {
      seen.searches += r.events;
      seen.zeroResults += r.zeroResults;
    }
  }
  return [...grouped.values()];
}

/** The most frequent queries per surface (normalised: trimmed, lower-case, single spaces). */
export function topSearches(rows: DailyUsage[], limit = 50): SearchRow[] {
  return searchRows(rows)
    .sort(
      (a, b) =>
        b.searches - a.searches || a.query.localeCompare(b.query) || a.surface.localeCompare(b.surface),
    )
    .slice(0, limit);
}

/** Queries that found nothing at least once; `zeroResults` counts those times. */
export function zeroResultSearches(rows: DailyUsage[], limit = 50): SearchRow[] {
  return searchRows(rows)
    .filter((r) => r.zeroResults > 0)
    .sort(
      (a, b) =>
        b.zeroResults - a.zeroResults || a.query.localeCompare(b.query) || a.surface.localeCompare(b.surface),
    )
    .slice(0, limit);
}

export type ClickThroughRow = {
  surface: UsageSurface;
  searches: number;
  zeroResults: number;
  /** Opens of an article from a result list: open events that carry the result's position. */
  clicks: number;
  /** All opens, from a result list or not (popular lists, links). */
  opens: number;
  /** clicks / searches; null without searches. Can exceed 1: one search may lead to several opens. */
  clickThroughRate: number | null;
  /** Mean 1-based position of the clicked results; null without clicks. */
  meanPosition: number | null;
};

/**
 * Click-through per surface. Defined on counts, not on pairs of events: the roll-up forgets who searched, so
 * "this search was followed by an open of the same user" could not be computed for rolled-up days (ADR 020).
 */
export function clickThrough(rows: DailyUsage[]): ClickThroughRow[] {
  const bySurface = new Map<UsageSurface, ClickThroughRow & { positionSum: number }>();
  for (const r of rows) {
    let row = bySurface.get(r.surface);
    if (!row) {
      row = {
        surface: r.surface,
        searches: 0,
        zeroResults: 0,
        clicks: 0,
        opens: 0,
        clickThroughRate: null,
        meanPosition: null,
        positionSum: 0,
      };
      bySurface.set(r.surface, row);
    }
    if (r.kind === "search") {
      row.searches += r.events;
      row.zeroResults += r.zeroResults;
    } else if (r.kind === "open") {
      row.opens += r.events;
      row.clicks += r.positioned;
      row.positionSum += r.positionSum;
    }
  }
  return schema.USAGE_SURFACES.flatMap((surface) => {
    const row = bySurface.get(surface);
    if (!row) return [];
    const { positionSum, ...rest } = row;
    return [
      {
        ...rest,
        clickThroughRate: row.searches > 0 ? row.clicks / row.searches : null,
        meanPosition: row.clicks > 0 ? positionSum / row.clicks : null,
      },
    ];
  });
}

export type CopyRow = { surface: UsageSurface; channel: string; copies: number };

/** Answers copied, per surface and channel ("" = none named). */
export function copiesByChannel(rows: DailyUsage[]): CopyRow[] {
  const grouped = new Map<string, CopyRow>();
  for (const r of rows) {
    if (r.kind !== "copy") continue;
    const key = `${r.surface}\u0000${r.channel}`;
    const seen = grouped.get(key);
    if (seen) seen.copies += r.events;
    else grouped.set(key, { surface: r.surface, channel: r.channel, copies: r.events });
  }
  return [...grouped.values()].sort((a, b) => b.copies - a.copies || a.channel.localeCompare(b.channel));
}

export type DailySeriesRow = {
  day: string;
  surface: UsageSurface;
  searches: number;
  opens: number;
  copies: number;
};

/** One row per day and surface with any activity, for the chart (and its table). */
export function dailySeries(rows: DailyUsage[]): DailySeriesRow[] {
  const grouped = new Map<string, DailySeriesRow>();
  for (const r of rows) {
    const key = `${r.day}\u0000${r.surface}`;
    let row = grouped.get(key);
    if (!row) {
      row = { day: r.day, surface: r.surface, searches: 0, opens: 0, copies: 0 };
      grouped.set(key, row);
    }
    if (r.kind === "search") row.searches += r.events;
    else if (r.kind === "open") row.opens += r.events;
    else row.copies += r.events;
  }
  return [...grouped.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.surface.localeCompare(b.surface),
  );
}

export type NeverOpenedRow = {
  articleId: number;
  slug: string;
  title: string;
  locale: string;
  visibility: string;
};

/** Published articles with no open in the range (and filters): candidates to merge, retitle or retire. */
export function articlesNeverOpened(rows: DailyUsage[], db: Db = getDb()): NeverOpenedRow[] {
  const opened = new Set(rows.filter((r) => r.kind === "open" && r.events > 0).map((r) => r.articleId));
  return db
    .select({
      articleId: schema.articles.id,
      slug: schema.articles.slug,
      title: schema.articleVersions.title,
      locale: schema.articles.locale,
      visibility: schema.articles.visibility,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .where(and(isNotNull(schema.articles.publishedVersionId), ne(schema.articles.status, "archived")))
    .orderBy(asc(schema.articleVersions.title), asc(schema.articles.id))
    .all()
    .filter((a) => !opened.has(a.articleId));
}

export type VoteSummary = { yes: number; no: number; helpfulShare: number | null };

/** Portal "was this helpful?" votes cast in the range (votes exist only on the portal, without a channel). */
export function helpfulVotesSummary(filter: AnalyticsFilter, db: Db = getDb()): VoteSummary {
  const v = schema.helpfulVotes;
  const rows = db
    .select({ helpful: v.helpful })
    .from(v)
    .where(and(gte(v.at, dayStart(filter.from)), lt(v.at, new Date(dayStart(filter.to).getTime() + DAY_MS))))
    .all();
  const yes = rows.filter((r) => r.helpful).length;
  const no = rows.length - yes;
  return { yes, no, helpfulShare: rows.length > 0 ? yes / rows.length : null };
}

export type FlagRow = { channel: string; opened: number; resolved: number };

/** Agent flags opened and resolved in the range, per channel ("" = the whole article). */
export function flagsSummary(filter: AnalyticsFilter, db: Db = getDb()): FlagRow[] {
  const f = schema.agentFlags;
  const start = dayStart(filter.from).getTime();
  const end = dayStart(filter.to).getTime() + DAY_MS;
  const inRange = (at: Date | null) => at !== null && at.getTime() >= start && at.getTime() < end;
  const rows = db
    .select({ channel: f.channel, createdAt: f.createdAt, resolvedAt: f.resolvedAt })
    .from(f)
    .where(filter.channel ? eq(f.channel, filter.channel) : undefined)
    .all();
  const grouped = new Map<string, FlagRow>();
  for (const r of rows) {
    const opened = inRange(r.createdAt);
    const resolved = inRange(r.resolvedAt);
    if (!opened && !resolved) continue;
    const channel = r.channel ?? "";
    const row = grouped.get(channel) ?? { channel, opened: 0, resolved: 0 };
    if (opened) row.opened++;
    if (resolved) row.resolved++;
    grouped.set(channel, row);
  }
  return [...grouped.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}

export type AnalyticsReport = {
  filter: AnalyticsFilter;
  topSearches: SearchRow[];
  zeroResultSearches: SearchRow[];
  clickThrough: ClickThroughRow[];
  copiesByChannel: CopyRow[];
  daily: DailySeriesRow[];
  neverOpened: NeverOpenedRow[];
  votes: VoteSummary;
  flags: FlagRow[];
};

/** Every report of the page, for one range and filters. */
export function getAnalyticsReport(filter: AnalyticsFilter, db: Db = getDb()): AnalyticsReport {
  const rows = listDailyUsage(filter, db);
  return {
    filter,
    topSearches: topSearches(rows),
    zeroResultSearches: zeroResultSearches(rows),
    clickThrough: clickThrough(rows),
    copiesByChannel: copiesByChannel(rows),
    daily: dailySeries(rows),
    neverOpened: articlesNeverOpened(rows, db),
    votes: helpfulVotesSummary(filter, db),
    flags: flagsSummary(filter, db),
  };
}
