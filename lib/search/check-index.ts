import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import { type Db, enqueueSearchSync, getDb, schema, writeTransaction } from "@/lib/db";
import { getMeili, indexNames } from "./client";

// `npm run check-index` (issue 8 point 2): compares both Meilisearch indexes with SQLite, the source of truth, and
// repairs drift by enqueueing the articles concerned in the outbox, whose worker rebuilds or deletes their
// documents. Drift comes from faults the outbox cannot see: an index restored from an old snapshot, documents
// deleted by hand, a Meilisearch data dir lost.

export type IndexDrift = {
  index: "internal" | "public";
  /** Published articles with no document. */
  missing: number[];
  /** Documents of articles that are not (or no longer) published for this index. */
  extra: number[];
  /** Documents of an older published version. */
  stale: number[];
};

export type IndexCheck = {
  drift: IndexDrift[];
  expected: { internal: number; public: number };
  consistent: boolean;
};

const PAGE = 1000;

async function indexedVersions(meili: Meilisearch, uid: string): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await meili.index(uid).getDocuments<{ articleId: number; publishedAt: number }>({
      fields: ["articleId", "publishedAt"],
      limit: PAGE,
      offset,
    });
    for (const doc of page.results) found.set(doc.articleId, doc.publishedAt);
    if (page.results.length < PAGE) return found;
  }
}

/** What each index should hold: published, not archived articles (public ones only for the public index). */
function expectedVersions(db: Db): { internal: Map<number, number>; public: Map<number, number> } {
  const rows = db
    .select({
      id: schema.articles.id,
      visibility: schema.articles.visibility,
      publishedAt: schema.articleVersions.createdAt,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .where(and(isNotNull(schema.articles.publishedVersionId), ne(schema.articles.status, "archived")))
    .all();
  const internal = new Map(rows.map((r) => [r.id, r.publishedAt.getTime()]));
  const pub = new Map(
    rows.filter((r) => r.visibility === "public").map((r) => [r.id, r.publishedAt.getTime()]),
  );
  return { internal, public: pub };
}

function compare(
  index: IndexDrift["index"],
  expected: Map<number, number>,
  indexed: Map<number, number>,
): IndexDrift {
  const drift: IndexDrift = { index, missing: [], extra: [], stale: [] };
  for (const [id, at] of expected) {
    const found = indexed.get(id);
    if (found === undefined) drift.missing.push(id);
    else if (found !== at) drift.stale.push(id);
  }
  for (const id of indexed.keys()) if (!expected.has(id)) drift.extra.push(id);
  return drift;
}

export async function checkIndexes(db: Db = getDb(), meili: Meilisearch = getMeili()): Promise<IndexCheck> {
  const expected = expectedVersions(db);
  const names = indexNames();
  const drift = [
    compare("internal", expected.internal, await indexedVersions(meili, names.internal)),
    compare("public", expected.public, await indexedVersions(meili, names.public)),
  ];
  const consistent = drift.every((d) => d.missing.length + d.extra.length + d.stale.length === 0);
  return { drift, expected: { internal: expected.internal.size, public: expected.public.size }, consistent };
}

/** Enqueues every drifted article; the outbox brings both of its documents in line. Returns how many. */
export function repairDrift(check: IndexCheck, db: Db = getDb()): number {
  const ids = [...new Set(check.drift.flatMap((d) => [...d.missing, ...d.extra, ...d.stale]))];
  if (ids.length > 0) writeTransaction(db, (tx) => enqueueSearchSync(tx, ids, "check_index_repair"));
  return ids.length;
}
