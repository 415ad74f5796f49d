import "server-only";
import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import { type Db, getDb, schema } from "@/lib/db";

// What visitors of the portal looked for and did not find (issue 6): the articles nobody has written yet.

export const ZERO_RESULT_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export type ZeroResultSearch = {
  /** Lower-cased, trimmed, inner spaces collapsed. */
  query: string;
  count: number;
  lastSeen: Date;
};

/** "SIM  Smarrita " and "sim smarrita" are one search. toLocaleLowerCase, not SQLite's lower(): that one is ASCII-only. */
function normalize(query: string): string {
  return query.trim().replace(/\s+/g, " ").toLocaleLowerCase("it");
}

/**
 * Portal searches that found nothing in the last `days` days, grouped by query, most frequent first (then most
 * recent). SQLite groups by lower(trim(query)) to read few rows; the groups that differ only in non-ASCII case or
 * inner spaces are merged here.
 */
export function listZeroResultPortalSearches(
  options: { days?: number; limit?: number; now?: Date } = {},
  db: Db = getDb(),
): ZeroResultSearch[] {
  const e = schema.usageEvents;
  const since = new Date(
    (options.now ?? new Date()).getTime() - (options.days ?? ZERO_RESULT_WINDOW_DAYS) * DAY_MS,
  );
  const key = sql<string>`lower(trim(${e.query}))`;
  const groups = db
    .select({
      query: key,
      count: sql<number>`count(*)`.mapWith(Number),
      lastSeen: sql<number>`max(${e.at})`.mapWith(Number),
    })
    .from(e)
    .where(
      and(
        eq(e.surface, "portal"),
        eq(e.kind, "search"),
        gte(e.at, since),
        eq(e.resultCount, 0),
        isNotNull(e.query),
        sql`trim(${e.query}) <> ''`,
      ),
    )
    .groupBy(key)
    .all();
  const merged = new Map<string, ZeroResultSearch>();
  for (const group of groups) {
    const query = normalize(group.query);
    const seen = merged.get(query);
    if (!seen) merged.set(query, { query, count: group.count, lastSeen: new Date(group.lastSeen) });
    else {
      seen.count += group.count;
      if (group.lastSeen > seen.lastSeen.getTime()) seen.lastSeen = new Date(group.lastSeen);
    }
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime() || a.query.localeCompare(b.query),
    )
    .slice(0, options.limit ?? 50);
}
