import "server-only";
import { and, count, gt, inArray, lte, min, sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import { listPopularityScores, POPULARITY_WINDOW_DAYS } from "@/lib/analytics";
import { type Db, getDb, onSearchSyncEnqueued, schema, writeTransaction } from "@/lib/db";
import { getFactMap } from "@/lib/facts";
import { getSynonymGroups, resetSynonymGroups, type SynonymGroups, saveSynonymGroups } from "@/lib/settings";
import { getMeili, indexNames } from "./client";
import { buildDocuments, type SearchDocument } from "./documents";
import { indexSettings, synonymsFromGroups } from "./settings";

// The outbox worker (docs/decisions/003-versions-and-outbox.md): SQLite is the truth, Meilisearch a derived copy.
// Rows are "bring article X in line"; applying one twice is harmless, so any number of workers may run.

const TASK_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 60_000;

/** 0.5 s, 1 s, 2 s … capped at a minute: a down Meilisearch is retried often enough to recover within a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, attempts - 1));
}

export type SyncResult = { processed: number; failed: number; error?: string };

/** Applies every due outbox row once. Never throws for a Meilisearch failure: it records it and backs off. */
export async function processSearchOutbox(
  options: {
    db?: Db;
    meili?: Meilisearch;
    limit?: number;
    now?: number;
    /** Called before indexing when the batch has rows never tried before: a change SQLite already holds. */
    onNewRows?: () => void;
  } = {},
): Promise<SyncResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now();
  const rows = db
    .select()
    .from(schema.searchOutbox)
    .where(lte(schema.searchOutbox.nextAttemptAt, new Date(now)))
    .orderBy(schema.searchOutbox.id)
    .limit(options.limit ?? 200)
    .all();
  if (rows.length === 0) return { processed: 0, failed: 0 };

  const rowIds = rows.map((r) => r.id);
  // Retries (Meilisearch down) are not news: only first attempts announce a change.
  if (rows.some((r) => r.attempts === 0)) options.onNewRows?.();
  try {
    const facts = getFactMap(db);
    const docs = buildDocuments([...new Set(rows.map((r) => r.articleId))], facts, db);
    await applyDocuments(options.meili ?? getMeili(), docs);
    // Only the rows read above: a row enqueued meanwhile stays for the next pass.
    db.delete(schema.searchOutbox).where(inArray(schema.searchOutbox.id, rowIds)).run();
    return { processed: rows.length, failed: 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeTransaction(db, (tx) => {
      for (const row of rows) {
        tx.update(schema.searchOutbox)
          .set({
            attempts: row.attempts + 1,
            nextAttemptAt: new Date(now + backoffMs(row.attempts + 1)),
            lastError: message.slice(0, 1000),
          })
          .where(inArray(schema.searchOutbox.id, [row.id]))
          .run();
      }
    });
    return { processed: 0, failed: rows.length, error: message };
  }
}

/**
 * Applies the outbox until it is empty (scripts, tests): at most `maxPasses` passes; throws on the first pass that
 * fails, rather than backing off as the worker does.
 */
export async function drainSearchOutbox(options: { now?: number; maxPasses?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.maxPasses ?? 20); i++) {
    const r = await processSearchOutbox({ now: options.now });
    if (r.failed) throw new Error(r.error);
    if (r.processed === 0) return;
  }
}

async function applyDocuments(
  meili: Meilisearch,
  docs: { articleId: number; internal: SearchDocument | null; public: SearchDocument | null }[],
): Promise<void> {
  const names = indexNames();
  const enqueued: number[] = [];
  // Enqueued one after the other, internal first: Meilisearch runs tasks in order, and agents on a call are the
  // ones waiting for a publish (a one-document update can take a second on a 10,000-article index).
  for (const audience of ["internal", "public"] as const) {
    const index = meili.index<SearchDocument>(names[audience]);
    const upserts = docs.flatMap((d) => (d[audience] ? [d[audience]] : []));
    const deletes = docs.filter((d) => !d[audience]).map((d) => String(d.articleId));
    if (upserts.length > 0) enqueued.push((await index.addDocuments(upserts)).taskUid);
    if (deletes.length > 0) enqueued.push((await index.deleteDocuments(deletes)).taskUid);
  }
  const work = enqueued.map((uid) =>
    meili.tasks.waitForTask(uid, { timeout: TASK_TIMEOUT_MS, interval: 20 }),
  );
  const tasks = await Promise.all(work);
  for (const task of tasks as { status: string; error?: { message?: string } | null }[]) {
    if (task.status !== "succeeded")
      throw new Error(`Meilisearch task ${task.status}: ${task.error?.message ?? ""}`);
  }
}

export type OutboxBacklog = { pending: number; failing: number; oldestCreatedAt: Date | null };

export function getOutboxBacklog(db: Db = getDb()): OutboxBacklog {
  const row = db
    .select({
      pending: count(),
      failing: sql<number>`coalesce(sum(case when ${schema.searchOutbox.attempts} > 0 then 1 else 0 end), 0)`,
      oldest: min(schema.searchOutbox.createdAt),
    })
    .from(schema.searchOutbox)
    .get();
  return {
    pending: row?.pending ?? 0,
    failing: Number(row?.failing ?? 0),
    oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null,
  };
}

/**
 * Creates both indexes if needed and applies their settings, synonyms as stored by admins; waits until Meilisearch
 * has applied them. Runs at every start, so synonyms saved while Meilisearch was down arrive then.
 */
export async function applyIndexSettings(meili: Meilisearch = getMeili()): Promise<void> {
  const names = indexNames();
  for (const audience of ["internal", "public"] as const)
    await configureIndex(meili, names[audience], audience);
}

/** Creates the index if needed and applies one audience's settings (live indexes and reindex copies alike). */
export async function configureIndex(
  meili: Meilisearch,
  uid: string,
  audience: "internal" | "public",
  timeout = TASK_TIMEOUT_MS,
): Promise<void> {
  await ensureIndex(meili, uid);
  const synonyms = synonymsFromGroups(getSynonymGroups().groups);
  const task = await meili.index(uid).updateSettings(indexSettings(audience, synonyms)).waitTask({ timeout });
  if (task.status !== "succeeded") {
    throw new Error(`Could not apply settings to ${uid}: ${task.error?.message ?? task.status}`);
  }
}

export async function ensureIndex(meili: Meilisearch, uid: string): Promise<void> {
  const task = await meili.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded" && task.error?.code !== "index_already_exists") {
    throw new Error(`Could not create index ${uid}: ${task.error?.message ?? task.status}`);
  }
}

type Worker = { stop: () => Promise<void>; kick: () => void };
const globalForWorker = globalThis as unknown as { __sportelloSyncWorker?: Worker };

/**
 * Runs the outbox in the background: every `pollMs`, and at once when a transaction enqueues a row in this
 * process. One per process (instrumentation may call this more than once in dev).
 */
export function startSearchSyncWorker(
  options: {
    pollMs?: number;
    onError?: (message: string) => void;
    /**
     * A change to published content was found in the outbox (before it is indexed: SQLite already has it). The
     * portal's page cache listens here (instrumentation.ts).
     */
    onNewRows?: () => void;
  } = {},
): Worker {
  if (globalForWorker.__sportelloSyncWorker) return globalForWorker.__sportelloSyncWorker;
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastError: string | undefined;

  const run = () => {
    if (stopped || running) return;
    if (timer) clearTimeout(timer);
    running = (async () => {
      let result: SyncResult;
      do {
        result = await processSearchOutbox({ onNewRows: options.onNewRows });
        if (result.error && result.error !== lastError) options.onError?.(result.error);
        lastError = result.error;
      } while (!stopped && result.processed > 0);
    })()
      .catch((error: unknown) => options.onError?.(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, pollMs);
      });
  };
  const unsubscribe = onSearchSyncEnqueued(run);
  run();
  const worker: Worker = {
    kick: run,
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
      globalForWorker.__sportelloSyncWorker = undefined;
    },
  };
  globalForWorker.__sportelloSyncWorker = worker;
  return worker;
}

/** Rows that have been failing for a while, for /api/health. */
export function hasStuckOutbox(db: Db = getDb(), olderThanMs = 60_000): boolean {
  const row = db
    .select({ n: count() })
    .from(schema.searchOutbox)
    .where(
      and(
        gt(schema.searchOutbox.attempts, 0),
        lte(schema.searchOutbox.createdAt, new Date(Date.now() - olderThanMs)),
      ),
    )
    .get();
  return (row?.n ?? 0) > 0;
}

// ── Synonyms (issue 5 point 1) ──────────────────────────────────────────────────────────────────────

export type SynonymsSaveResult = {
  groups: SynonymGroups;
  /** False when Meilisearch could not be updated: the groups are saved and reach it at the next start or reindex. */
  indexUpdated: boolean;
  error?: string;
};

/** Sets the synonyms of both live indexes and waits for Meilisearch to apply them. */
export async function applySynonyms(
  groups: SynonymGroups,
  meili: Meilisearch = getMeili(),
  timeout = TASK_TIMEOUT_MS,
): Promise<void> {
  const names = indexNames();
  const synonyms = synonymsFromGroups(groups);
  const tasks = await Promise.all(
    (["internal", "public"] as const).map((audience) =>
      meili.index(names[audience]).updateSynonyms(synonyms).waitTask({ timeout }),
    ),
  );
  for (const task of tasks) {
    if (task.status !== "succeeded")
      throw new Error(`Meilisearch task ${task.status}: ${task.error?.message ?? ""}`);
  }
}

async function storeAndApply(
  store: () => SynonymGroups,
  meili: Meilisearch | undefined,
): Promise<SynonymsSaveResult> {
  // SQLite first: it is the truth, and applyIndexSettings reads it at every start.
  const groups = store();
  try {
    await applySynonyms(groups, meili ?? getMeili());
    return { groups, indexUpdated: true };
  } catch (error) {
    return { groups, indexUpdated: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Saves the admin's synonym groups (audited) and pushes them to both indexes; throws InvalidError on bad input. */
export function saveSynonyms(
  raw: unknown,
  actor: { id: number } | null,
  options: { db?: Db; meili?: Meilisearch } = {},
): Promise<SynonymsSaveResult> {
  return storeAndApply(() => saveSynonymGroups(raw, actor, options.db), options.meili);
}

export function resetSynonyms(
  actor: { id: number } | null,
  options: { db?: Db; meili?: Meilisearch } = {},
): Promise<SynonymsSaveResult> {
  return storeAndApply(() => resetSynonymGroups(actor, options.db), options.meili);
}

// ── Popularity (issue 5 point 6) ────────────────────────────────────────────────────────────────────

export type PopularityResult = { updated: number; scored: number };

/** Documents of the internal index whose popularity is above zero, as the index has them now. */
async function indexedPopularity(meili: Meilisearch, uid: string): Promise<Map<number, number>> {
  const indexed = new Map<number, number>();
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const page = await meili.index<SearchDocument>(uid).getDocuments({
      filter: "popularity > 0",
      fields: ["articleId", "popularity"],
      limit: pageSize,
      offset,
    });
    for (const doc of page.results) indexed.set(doc.articleId, doc.popularity ?? 0);
    if (page.results.length < pageSize) return indexed;
  }
}

/**
 * Brings the internal index's `popularity` in line with usage_events: reads what the index holds, compares with
 * the scores of the last 90 days, and sends partial updates ({id, popularity}) only for what changed, including
 * articles whose events aged out (back to 0). Comparing with the index, not with a copy kept in memory, makes it
 * right after a restart or a reindex and with several app servers.
 */
export async function refreshPopularity(
  options: { db?: Db; meili?: Meilisearch; now?: number } = {},
): Promise<PopularityResult> {
  const db = options.db ?? getDb();
  const meili = options.meili ?? getMeili();
  const uid = indexNames().internal;
  const now = options.now ?? Date.now();
  const scores = listPopularityScores(new Date(now - POPULARITY_WINDOW_DAYS * 86_400_000), db);
  const indexed = await indexedPopularity(meili, uid);
  const changed = new Map<number, number>();
  for (const [id, score] of scores) if (indexed.get(id) !== score) changed.set(id, score);
  for (const id of indexed.keys()) if (!scores.has(id)) changed.set(id, 0);
  if (changed.size === 0) return { updated: 0, scored: scores.size };

  // A partial update of a missing id would create a stub document ({id, popularity}) that search would return:
  // only articles the index holds now are updated (an article archived meanwhile is skipped).
  const ids = [...changed.keys()];
  const present = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const page = await meili.index<SearchDocument>(uid).getDocuments({
      filter: `articleId IN [${ids.slice(i, i + 500).join(",")}]`,
      fields: ["articleId"],
      limit: 500,
    });
    for (const doc of page.results) present.add(doc.articleId);
  }
  const updates = ids
    .filter((id) => present.has(id))
    .map((id) => ({ id: String(id), popularity: changed.get(id) ?? 0 }));
  if (updates.length === 0) return { updated: 0, scored: scores.size };
  const task = await meili.index(uid).updateDocuments(updates).waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== "succeeded")
    throw new Error(`Meilisearch task ${task.status}: ${task.error?.message ?? ""}`);
  return { updated: updates.length, scored: scores.size };
}

type Job = { stop: () => Promise<void>; runNow: () => Promise<void> };
const globalForPopularity = globalThis as unknown as { __sportelloPopularityJob?: Job };

/**
 * Refreshes popularity every `intervalMs` (5 minutes) in the web process, next to the outbox worker. One per
 * process; with several app servers each runs it, which is harmless (the second finds nothing changed).
 */
export function startPopularityJob(
  options: { intervalMs?: number; initialDelayMs?: number; onError?: (message: string) => void } = {},
): Job {
  if (globalForPopularity.__sportelloPopularityJob) return globalForPopularity.__sportelloPopularityJob;
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  let running: Promise<void> | null = null;
  const run = (): Promise<void> => {
    running ??= refreshPopularity()
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  // A first pass soon after start (not during it): events recorded before a restart reach the index without
  // waiting a full interval.
  const first = setTimeout(run, options.initialDelayMs ?? 30_000);
  first.unref();
  const job: Job = {
    runNow: run,
    stop: async () => {
      clearInterval(timer);
      clearTimeout(first);
      await running;
      globalForPopularity.__sportelloPopularityJob = undefined;
    },
  };
  globalForPopularity.__sportelloPopularityJob = job;
  return job;
}
