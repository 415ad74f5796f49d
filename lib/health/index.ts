import "server-only";
import { getDb } from "@/lib/db";
import { getMeili, getOutboxBacklog, hasStuckOutbox } from "@/lib/search";

export type Health = {
  status: "ok" | "degraded";
  database: { ok: boolean; error?: string };
  search: { ok: boolean; error?: string };
  outbox: { ok: boolean; pending: number; failing: number; oldestPendingSeconds: number | null };
};

/**
 * Unhealthy when the database or Meilisearch does not answer, or when outbox rows have failed for over a minute
 * (published changes are not reaching search). A short backlog right after a publish is normal.
 */
export async function getHealth(): Promise<Health> {
  let database: Health["database"] = { ok: true };
  let outbox: Health["outbox"] = { ok: true, pending: 0, failing: 0, oldestPendingSeconds: null };
  try {
    getDb().$client.prepare("select 1").get();
    const backlog = getOutboxBacklog();
    outbox = {
      ok: !hasStuckOutbox(),
      pending: backlog.pending,
      failing: backlog.failing,
      oldestPendingSeconds: backlog.oldestCreatedAt
        ? Math.round((Date.now() - backlog.oldestCreatedAt.getTime()) / 1000)
        : null,
    };
  } catch (error) {
    console.error("[health] database check failed", error);
    database = { ok: false, error: "database unavailable" };
    outbox = { ...outbox, ok: false };
  }
  let search: Health["search"] = { ok: true };
  try {
    await getMeili().health();
  } catch {
    search = { ok: false, error: "Meilisearch does not answer" };
  }
  return { status: database.ok && search.ok && outbox.ok ? "ok" : "degraded", database, search, outbox };
}
