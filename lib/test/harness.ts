import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { closeDb, getDb, migrateDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";

/**
 * A fresh, migrated SQLite file in a temp data dir and a unique index prefix on the shared test Meilisearch, so
 * test files never see each other's data. Call in beforeAll; call the returned cleanup in afterAll.
 */
export function useTestEnvironment(name: string): { dataDir: string; prefix: string; cleanup: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), `sportello-int-${name}-`));
  const prefix = `test_${name.replace(/[^a-z0-9]/gi, "_")}_${process.pid}_${Date.now()}_`;
  process.env.SPORTELLO_DATA_DIR = dataDir;
  process.env.MEILI_URL = inject("meiliUrl");
  process.env.MEILI_MASTER_KEY = inject("meiliKey");
  process.env.MEILI_INDEX_PREFIX = prefix;
  resetEnvCache();
  closeDb();
  migrateDb();
  getDb();
  return {
    dataDir,
    prefix,
    cleanup: () => {
      closeDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A user row to author versions (the importer and editors need an actor). */
export function insertTestUser(role: "admin" | "editor" | "agent" = "editor"): { id: number } {
  const db = getDb();
  const row = db.$client
    .prepare("insert into users (email, name, role, password_hash) values (?, ?, ?, 'x') returning id")
    .get(`${role}-${Math.random().toString(36).slice(2)}@test.local`, `Test ${role}`, role) as { id: number };
  return row;
}
