import "server-only";
import { inArray } from "drizzle-orm";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { markdownToPlainTexts } from "@/lib/markdown";

/**
 * Bump when markdownToPlainText changes what it produces: stored rows of an older format are then rebuilt the next
 * time they are read, so an upgrade never indexes text made by the old rules.
 */
export const PLAIN_TEXT_FORMAT = 1;

export type SearchText = { internal: string; public: string };

type Writer = Pick<Db, "insert">;

/** Derives and stores a version's plain text for both audiences; in the transaction that writes the version. */
export function writeVersionSearchText(db: Writer, versionId: number, body: string): SearchText {
  const text = markdownToPlainTexts(body);
  db.insert(schema.versionSearchText)
    .values({ versionId, format: PLAIN_TEXT_FORMAT, ...text })
    .onConflictDoUpdate({
      target: schema.versionSearchText.versionId,
      set: { format: PLAIN_TEXT_FORMAT, ...text },
    })
    .run();
  return text;
}

/**
 * The plain text of each version, read from the table in one query. Versions written before the table existed,
 * or with an older format, are derived now and stored, so only the first reindex after an upgrade pays for it.
 */
export function getSearchTexts(
  versions: readonly { id: number; body: string }[],
  db: Db = getDb(),
): Map<number, SearchText> {
  const found = new Map<number, SearchText>();
  if (versions.length === 0) return found;
  const rows = db
    .select()
    .from(schema.versionSearchText)
    .where(
      inArray(
        schema.versionSearchText.versionId,
        versions.map((v) => v.id),
      ),
    )
    .all();
  for (const row of rows) {
    if (row.format === PLAIN_TEXT_FORMAT)
      found.set(row.versionId, { internal: row.internal, public: row.public });
  }
  const missing = versions.filter((v) => !found.has(v.id));
  if (missing.length > 0) {
    writeTransaction(db, (tx) => {
      for (const v of missing) found.set(v.id, writeVersionSearchText(tx, v.id, v.body));
    });
  }
  return found;
}
