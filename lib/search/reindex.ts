import "server-only";
import { gte } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import { listPopularityScores } from "@/lib/analytics";
import { getArticleIdsUsingFacts, listPublishedArticleIds } from "@/lib/articles";
import { type Db, enqueueSearchSync, getDb, schema, writeTransaction } from "@/lib/db";
import { getFactMap } from "@/lib/facts";
import { getMeili, indexNames } from "./client";
import { buildDocuments } from "./documents";
import { configureIndex, ensureIndex } from "./sync";

const TASK_TIMEOUT_MS = 120_000;
// ~1,000 articles is ~6 MB of JSON per request: few enough tasks for Meilisearch to merge, far below its 100 MB cap.
const BATCH = 1000;

export type ReindexProgress = { done: number; total: number };
export type ReindexResult = { articles: number; internal: number; public: number; ms: number };

/**
 * Rebuilds both indexes from SQLite into fresh indexes and swaps them in atomically: searches keep hitting the old
 * index until the swap, and a failure half-way leaves the live indexes untouched.
 */
export async function reindexAll(
  options: { db?: Db; meili?: Meilisearch; onProgress?: (p: ReindexProgress) => void } = {},
): Promise<ReindexResult> {
  const db = options.db ?? getDb();
  const meili = options.meili ?? getMeili();
  const started = Date.now();
  const names = indexNames();
  const suffix = `_rebuild_${started}`;
  const fresh = { internal: `${names.internal}${suffix}`, public: `${names.public}${suffix}` };
  try {
    for (const audience of ["internal", "public"] as const) {
      await configureIndex(meili, fresh[audience], audience, TASK_TIMEOUT_MS);
    }
    const ids = listPublishedArticleIds(db);
    const facts = getFactMap(db);
    const popularity = listPopularityScores(undefined, db);
    let internalCount = 0;
    let publicCount = 0;
    options.onProgress?.({ done: 0, total: ids.length });
    // Batches are sent without waiting for each to be indexed: Meilisearch indexes batch n (and merges queued
    // additions into one larger batch) while we build batch n+1 from SQLite. Waiting per batch left one of the
    // two cores idle at all times (issue 5 benchmark).
    const enqueued: { uid: number; total: number }[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const docs = buildDocuments(ids.slice(i, i + BATCH), facts, db, popularity);
      const internal = docs.flatMap((d) => (d.internal ? [d.internal] : []));
      const pub = docs.flatMap((d) => (d.public ? [d.public] : []));
      if (internal.length)
        enqueued.push({ uid: (await meili.index(fresh.internal).addDocuments(internal)).taskUid, total: i });
      if (pub.length)
        enqueued.push({ uid: (await meili.index(fresh.public).addDocuments(pub)).taskUid, total: i });
      internalCount += internal.length;
      publicCount += pub.length;
    }
    for (const { uid, total } of enqueued) {
      const task = await meili.tasks.waitForTask(uid, { timeout: TASK_TIMEOUT_MS });
      if (task.status !== "succeeded") throw new Error(`Indexing failed: ${task.error?.message}`);
      options.onProgress?.({ done: Math.min(total + BATCH, ids.length), total: ids.length });
    }
    await ensureIndex(meili, names.internal);
    await ensureIndex(meili, names.public);
    const swap = await meili
      .swapIndexes([
        { indexes: [names.internal, fresh.internal], rename: false },
        { indexes: [names.public, fresh.public], rename: false },
      ])
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    if (swap.status !== "succeeded") throw new Error(`Index swap failed: ${swap.error?.message}`);
    // Changes committed while we were reading may have been applied by the worker to the old index: sync them again.
    resyncChangedSince(db, started);
    return { articles: ids.length, internal: internalCount, public: publicCount, ms: Date.now() - started };
  } finally {
    // After a swap the fresh names hold the old indexes; before it, a half-built copy. Either way they go.
    await Promise.allSettled([
      meili.deleteIndexIfExists(fresh.internal),
      meili.deleteIndexIfExists(fresh.public),
    ]);
  }
}

function resyncChangedSince(db: Db, since: number): void {
  const changedArticles = db
    .select({ id: schema.articles.id })
    .from(schema.articles)
    .where(gte(schema.articles.updatedAt, new Date(since)))
    .all()
    .map((r) => r.id);
  const changedFacts = db
    .select({ key: schema.facts.key })
    .from(schema.facts)
    .where(gte(schema.facts.updatedAt, new Date(since)))
    .all()
    .map((r) => r.key);
  const ids = [...new Set([...changedArticles, ...getArticleIdsUsingFacts(changedFacts, db)])];
  if (ids.length > 0) writeTransaction(db, (tx) => enqueueSearchSync(tx, ids, "reindex_catch_up"));
}
