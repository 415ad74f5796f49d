import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

// API keys for /api/v1 (issue 7; docs/decisions/018-api-v1.md). An admin creates one, sees its secret once, and
// can revoke it; every request looks the key up again, so a revocation applies to the very next call.

export const API_KEY_SCOPES = schema.API_KEY_SCOPES;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Recognisable in logs and by secret scanners; the rest is 32 random bytes, base64url (43 characters). */
export const API_KEY_PREFIX = "spk_";
const SECRET_BYTES = 32;
/** "spk_" + 8 characters of the secret: enough to tell keys apart in the list, far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = 12;
const KEY_PATTERN = /^spk_[A-Za-z0-9_-]{43}$/;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Dai un nome alla chiave").max(80, "Al massimo 80 caratteri"),
  scope: z.enum(API_KEY_SCOPES, { error: "Scegli pubblica o interna" }),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ id: z.coerce.number().int().positive() });

export type ApiKeyRow = {
  id: number;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The key a request was authenticated with. */
export type ApiPrincipal = { id: number; name: string; scope: ApiKeyScope };

/**
 * SHA-256, not scrypt: a password needs a slow hash because people choose guessable ones, but this secret is 256
 * random bits, so no guess list exists to slow down, and every API request pays for the hash. A fast hash of a
 * high-entropy secret is what GitHub and Stripe tokens rely on too.
 */
export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
}

/** Creates a key; the secret is in the return value only and is never stored. */
export function createApiKey(
  input: CreateApiKeyInput,
  actor: { id: number },
  db: Db = getDb(),
): { key: ApiKeyRow; secret: string } {
  const secret = generateApiKeySecret();
  const row = writeTransaction(db, (tx) => {
    const created = tx
      .insert(schema.apiKeys)
      .values({
        name: input.name,
        scope: input.scope,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        keyHash: hashApiKey(secret),
        createdBy: actor.id,
      })
      .returning()
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "apikey.create",
      entityType: "api_key",
      entityId: created.id,
      details: { name: created.name, scope: created.scope, prefix: created.prefix },
    });
    return created;
  });
  return { key: { ...toRow(row), createdByName: null }, secret };
}

/** Revokes a key (idempotent: revoking a revoked key changes nothing and is not logged again). */
export function revokeApiKey(id: number, actor: { id: number }, db: Db = getDb()): ApiKeyRow {
  const row = writeTransaction(db, (tx) => {
    const existing = tx.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id)).get();
    if (!existing) throw new NotFoundError("api_key_not_found", "Chiave API non trovata");
    if (existing.revokedAt) return existing;
    const revoked = tx
      .update(schema.apiKeys)
      .set({ revokedAt: new Date(), revokedBy: actor.id })
      .where(eq(schema.apiKeys.id, id))
      .returning()
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: "apikey.revoke",
      entityType: "api_key",
      entityId: id,
      details: { name: existing.name, scope: existing.scope, prefix: existing.prefix },
    });
    return revoked;
  });
  return { ...toRow(row), createdByName: null };
}

/** Every key, newest first, revoked ones included (they stay, so usage events keep naming them). */
export function listApiKeys(db: Db = getDb()): ApiKeyRow[] {
  return db
    .select({
      id: schema.apiKeys.id,
      name: schema.apiKeys.name,
      prefix: schema.apiKeys.prefix,
      scope: schema.apiKeys.scope,
      createdAt: schema.apiKeys.createdAt,
      createdByName: schema.users.name,
      lastUsedAt: schema.apiKeys.lastUsedAt,
      revokedAt: schema.apiKeys.revokedAt,
    })
    .from(schema.apiKeys)
    .leftJoin(schema.users, eq(schema.users.id, schema.apiKeys.createdBy))
    .orderBy(desc(schema.apiKeys.id))
    .all();
}

function toRow(row: typeof schema.apiKeys.$inferSelect): Omit<ApiKeyRow, "createdByName"> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

// Every API request verifies its key: one prepared statement on the unique key_hash index, no drizzle query
// building (the same trade as the session re-read in docs/decisions/013-direct-search-route.md).
type Lookup = Database.Statement<[string], { id: number; name: string; scope: ApiKeyScope }>;
const lookups = new WeakMap<Database.Database, Lookup>();

function lookupStatement(db: Db): Lookup {
  let statement = lookups.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare<[string], { id: number; name: string; scope: ApiKeyScope }>(
      "select id, name, scope from api_keys where key_hash = ? and revoked_at is null",
    );
    lookups.set(db.$client, statement);
  }
  return statement;
}

/** The active key with this secret, or null (unknown, malformed or revoked). */
export function getApiKeyBySecret(secret: string, db: Db = getDb()): ApiPrincipal | null {
  if (!KEY_PATTERN.test(secret)) return null;
  return lookupStatement(db).get(hashApiKey(secret)) ?? null;
}

/** At most one write a minute per key: "last used" is for spotting idle keys, not an access log. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const globalForKeys = globalThis as unknown as { __sportelloApiKeyTouched?: Map<number, number> };

export function touchApiKey(id: number, now: number = Date.now(), db: Db = getDb()): boolean {
  globalForKeys.__sportelloApiKeyTouched ??= new Map();
  const touched = globalForKeys.__sportelloApiKeyTouched;
  const last = touched.get(id);
  if (last !== undefined && now - last < LAST_USED_RESOLUTION_MS) return false;
  touched.set(id, now);
  db.update(schema.apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(and(eq(schema.apiKeys.id, id), isNull(schema.apiKeys.revokedAt)))
    .run();
  return true;
}
