import "server-only";
import { and, gte, lt, sql } from "drizzle-orm";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { getSettingValues } from "@/lib/settings";
import { aggregateUsageEvents, DAY_MS, dayStart, utcDay } from "./daily";

// Raw usage events are kept `analyticsRetentionDays` (a setting), then each whole UTC day is folded into
// usage_daily and its events deleted, in one transaction per day (ADR 020).

export type RollupResult = { days: string[]; events: number };

/**
 * Rolls up every whole UTC day that ended more than `retentionDays` days before `now`. Idempotent: a day's events
 * are deleted in the transaction that adds them, so a second run finds nothing; a run that fails leaves its day as
 * it was. Events arriving late for a rolled-up day are added to its counts by the next run.
 */
export function rollUpUsageEvents(
  options: { retentionDays?: number; now?: Date } = {},
  db: Db = getDb(),
): RollupResult {
  const retentionDays =
    options.retentionDays ?? getSettingValues(["analyticsRetentionDays"], db).analyticsRetentionDays;
  const now = options.now ?? new Date();
  const cutoff = dayStart(utcDay(now.getTime() - retentionDays * DAY_MS));
  const e = schema.usageEvents;
  const days = db
    .selectDistinct({ day: sql<string>`strftime('%Y-%m-%d', ${e.at} / 1000, 'unixepoch')` })
    .from(e)
    .where(lt(e.at, cutoff))
    .all()
    .map((r) => r.day)
    .sort();
  let events = 0;
  const d = schema.usageDaily;
  for (const day of days) {
    const from = dayStart(day);
    const to = new Date(from.getTime() + DAY_MS);
    events += writeTransaction(db, (tx) => {
      const rows = aggregateUsageEvents(tx, from, to);
      for (const row of rows) {
        tx.insert(d)
          .values(row)
          .onConflictDoUpdate({
            target: [d.day, d.surface, d.kind, d.channel, d.articleId, d.query],
            set: {
              events: sql`${d.events} + excluded.events`,
              zeroResults: sql`${d.zeroResults} + excluded.zero_results`,
              positionSum: sql`${d.positionSum} + excluded.position_sum`,
              positioned: sql`${d.positioned} + excluded.positioned`,
            },
          })
          .run();
      }
      return tx
        .delete(e)
        .where(and(gte(e.at, from), lt(e.at, to)))
        .run().changes;
    });
  }
  return { days, events };
}

type Job = { runNow: () => RollupResult | null; stop: () => void };
const globalForRollup = globalThis as unknown as { __sportelloRollupJob?: Job };

/** Hourly in the web process (instrumentation.ts), beside the popularity job; a run is a few ms once caught up. */
export function startUsageRollupJob(
  options: { intervalMs?: number; initialDelayMs?: number; onError?: (message: string) => void } = {},
): Job {
  if (globalForRollup.__sportelloRollupJob) return globalForRollup.__sportelloRollupJob;
  const run = (): RollupResult | null => {
    try {
      return rollUpUsageEvents();
    } catch (error) {
      options.onError?.(error instanceof Error ? error.message : String(error));
      return null;
    }
  };
  const timer = setInterval(run, options.intervalMs ?? 60 * 60_000);
  timer.unref();
  const first = setTimeout(run, options.initialDelayMs ?? 60_000);
  first.unref();
  const job: Job = {
    runNow: run,
    stop: () => {
      clearInterval(timer);
      clearTimeout(first);
      globalForRollup.__sportelloRollupJob = undefined;
    },
  };
  globalForRollup.__sportelloRollupJob = job;
  return job;
}
