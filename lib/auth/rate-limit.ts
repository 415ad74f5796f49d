import "server-only";
import { eq, inArray } from "drizzle-orm";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";

// Failed sign-ins are counted in SQLite, so the limit holds across restarts and app servers.
// Per account: 5 failures in 15 minutes lock that e-mail for 15 minutes. Per IP: 30, against password spraying.
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perEmail: 5,
  perIp: 30,
} as const;

export type LoginKeys = { email: string; ip: string | null };

function keysOf({ email, ip }: LoginKeys): { key: string; limit: number }[] {
  const keys: { key: string; limit: number }[] = [
    { key: `email:${email.toLowerCase()}`, limit: LOGIN_LIMITS.perEmail },
  ];
  if (ip) keys.push({ key: `ip:${ip}`, limit: LOGIN_LIMITS.perIp });
  return keys;
}

/** Seconds until sign-in is allowed again for these keys, or 0. */
export function loginRetryAfterSeconds(keys: LoginKeys, now = Date.now(), db: Db = getDb()): number {
  const rows = db
    .select()
    .from(schema.loginAttempts)
    .where(
      inArray(
        schema.loginAttempts.key,
        keysOf(keys).map((k) => k.key),
      ),
    )
    .all();
  const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return lockedUntil > now ? Math.ceil((lockedUntil - now) / 1000) : 0;
}

export function recordLoginFailure(keys: LoginKeys, now = Date.now(), db: Db = getDb()): void {
  writeTransaction(db, (tx) => {
    for (const { key, limit } of keysOf(keys)) {
      const row = tx.select().from(schema.loginAttempts).where(eq(schema.loginAttempts.key, key)).get();
      const inWindow = row && now - row.windowStartedAt.getTime() < LOGIN_LIMITS.windowMs;
      const failures = inWindow ? row.failures + 1 : 1;
      const values = {
        failures,
        windowStartedAt: inWindow ? row.windowStartedAt : new Date(now),
        lockedUntil: failures >= limit ? new Date(now + LOGIN_LIMITS.lockMs) : (row?.lockedUntil ?? null),
      };
      if (row) tx.update(schema.loginAttempts).set(values).where(eq(schema.loginAttempts.key, key)).run();
      else
        tx.insert(schema.loginAttempts)
          .values({ key, ...values })
          .run();
    }
  });
}

/** A successful sign-in clears the account's counter (not the IP's: one good password must not reset spraying). */
export function clearLoginFailures(email: string, db: Db = getDb()): void {
  db.delete(schema.loginAttempts)
    .where(eq(schema.loginAttempts.key, `email:${email.toLowerCase()}`))
    .run();
}
