import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { type Db, getDb, schema } from "@/lib/db";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  details?: Record<string, unknown>;
};

type Tx = Pick<Db, "insert">;

/** Written in the same transaction as the change it records. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(schema.auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      details: entry.details ?? null,
    })
    .run();
}

export const AUDIT_PAGE_SIZE = 200;

export type AuditLogRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown> | null;
};

/** The latest entries, newest first, optionally of one action type (`article.publish`, `settings.update`…). */
export function listAuditLog(
  filter: { action?: string | null; limit?: number } = {},
  db: Db = getDb(),
): AuditLogRow[] {
  const limit = Math.min(Math.max(filter.limit ?? AUDIT_PAGE_SIZE, 1), 1000);
  return db
    .select({
      id: schema.auditLog.id,
      at: schema.auditLog.at,
      actorId: schema.auditLog.actorId,
      actorName: schema.users.name,
      action: schema.auditLog.action,
      entityType: schema.auditLog.entityType,
      entityId: schema.auditLog.entityId,
      details: schema.auditLog.details,
    })
    .from(schema.auditLog)
    .leftJoin(schema.users, eq(schema.users.id, schema.auditLog.actorId))
    .where(filter.action ? eq(schema.auditLog.action, filter.action) : undefined)
    .orderBy(desc(schema.auditLog.id))
    .limit(limit)
    .all();
}

/** Every action type present in the log, for the filter: new kinds of entry show up without a code change. */
export function listAuditActions(db: Db = getDb()): string[] {
  return db
    .selectDistinct({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .orderBy(asc(schema.auditLog.action))
    .all()
    .map((r) => r.action);
}
