import "server-only";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { dataDir } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Kept on globalThis so Next's separately bundled server chunks (instrumentation, routes) share one handle.
const globalForDb = globalThis as unknown as { __sportelloDb?: { path: string; db: Db } };

export function databasePath(): string {
  return join(dataDir(), "sportello.db");
}

/**
 * The database, opened on first use (never at import: `next build` imports every module).
 * WAL lets readers work while the writer commits; busy_timeout makes a second writer wait instead of failing.
 */
export function getDb(): Db {
  const path = databasePath();
  const cached = globalForDb.__sportelloDb;
  if (cached && cached.path === path) return cached.db;
  mkdirSync(dataDir(), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  globalForDb.__sportelloDb = { path, db };
  return db;
}

/**
 * Applies the pending migrations of `drizzle/`. Drizzle runs them all in one transaction and rolls back on any
 * error, so a failed upgrade leaves the database as it was (tested in migrate.int.test.ts against a database made
 * by the previous release).
 */
export function migrateDb(options: { migrationsFolder?: string } = {}): void {
  migrate(getDb(), { migrationsFolder: options.migrationsFolder ?? resolve(process.cwd(), "drizzle") });
}

/**
 * A write transaction that takes SQLite's write lock at BEGIN (IMMEDIATE), not at its first write. Scripts (import,
 * backup, the bench) write while the app does: a deferred transaction that read first and then finds another
 * process has written meanwhile fails at once with SQLITE_BUSY, without waiting; an immediate one waits its turn
 * (busy_timeout). Inside the app, one connection, it changes nothing.
 */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}

export function closeDb(): void {
  const cached = globalForDb.__sportelloDb;
  if (cached) {
    cached.db.$client.close();
    globalForDb.__sportelloDb = undefined;
  }
}
