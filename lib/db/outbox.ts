import "server-only";
import type { Db } from "./client";
import { searchOutbox } from "./schema";

// Writing the outbox is a database concern so that articles and facts can enqueue inside their own transaction
// without depending on lib/search (which reads articles to build documents). docs/decisions/003-versions-and-outbox.md

type Tx = Pick<Db, "insert">;
type Listener = () => void;

const registry = globalThis as unknown as { __sportelloOutboxListeners?: Set<Listener> };
if (!registry.__sportelloOutboxListeners) registry.__sportelloOutboxListeners = new Set<Listener>();
const listeners = registry.__sportelloOutboxListeners;

/** Call inside the transaction that changed what readers see. */
export function enqueueSearchSync(tx: Tx, articleIds: readonly number[], reason: string): void {
  if (articleIds.length === 0) return;
  tx.insert(searchOutbox)
    .values([...new Set(articleIds)].map((articleId) => ({ articleId, reason })))
    .run();
  // better-sqlite3 transactions are synchronous: by the next macrotask the transaction has committed (or rolled
  // back, in which case the worker simply finds nothing). This wakes an in-process worker without waiting its poll.
  setImmediate(() => {
    for (const listener of listeners) listener();
  });
}

/** The sync worker subscribes here; returns an unsubscribe function. */
export function onSearchSyncEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
