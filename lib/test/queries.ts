import { eq } from "drizzle-orm";
import { type Article, getDb, schema } from "@/lib/db";

/** How many rows one table holds. */
export function countRows(table: string): number {
  return (getDb().$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
}

/** How many rows each table holds, to check that a refused write left all of them as they were. */
export function countRowsIn<const T extends string>(tables: readonly T[]): Record<T, number> {
  return Object.fromEntries(tables.map((t) => [t, countRows(t)])) as Record<T, number>;
}

/** The raw article row, every column, so "unchanged" means unchanged. */
export function rawArticle(id: number) {
  return getDb().$client.prepare("select * from articles where id = ?").get(id);
}

export function articleRow(id: number): Article {
  const row = getDb().select().from(schema.articles).where(eq(schema.articles.id, id)).get();
  if (!row) throw new Error(`article ${id} not found`);
  return row;
}

export function outboxFor(articleId: number) {
  return getDb().select().from(schema.searchOutbox).where(eq(schema.searchOutbox.articleId, articleId)).all();
}

/** Audit entries about one entity, whatever its type. */
export function auditFor(entityId: number) {
  return getDb()
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityId, String(entityId)))
    .all();
}
