import "server-only";
import { desc } from "drizzle-orm";
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

export function listAuditEntries(limit = 100, db: Db = getDb()) {
  return db.select().from(schema.auditLog).orderBy(desc(schema.auditLog.id)).limit(limit).all();
}
