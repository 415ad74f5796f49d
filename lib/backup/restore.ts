import "server-only";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { closeDb, migrateDb } from "@/lib/db";
import { dataDir } from "@/lib/env";
import {
  type BackupManifest,
  DATABASE_FILE,
  MANIFEST,
  MANIFEST_FORMAT,
  readJournal,
  sha256File,
} from "./backup";

// `npm run restore -- <backup>` (ADR 019): checks the backup, puts the current database and uploads aside (never
// deleted), copies the backup in and migrates. Rebuilding the search indexes is the caller's next step
// (scripts/restore.ts), because it needs Meilisearch.

const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  createdAt: z.string(),
  migrations: z.object({ applied: z.number().int().min(0), last: z.string().nullable() }),
  counts: z.record(z.string(), z.number()),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  missingUploads: z.array(z.string()),
});

export class BackupInvalidError extends Error {}

/** Reads a backup's manifest and checks every file against it and the database's integrity; throws when not. */
export function verifyBackup(backupDir: string): BackupManifest {
  const dir = resolve(backupDir);
  const fail = (reason: string): never => {
    throw new BackupInvalidError(`${dir}: ${reason}`);
  };
  if (!existsSync(join(dir, MANIFEST))) fail(`no ${MANIFEST}: not a Sportello backup`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8"));
  } catch (error) {
    fail(`${MANIFEST} is not JSON (${(error as Error).message})`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success)
    return fail(`${MANIFEST} is not a backup manifest: ${parsed.error.issues[0]?.message}`);
  const manifest = parsed.data as BackupManifest;

  if (!manifest.files[DATABASE_FILE]) fail(`${MANIFEST} lists no ${DATABASE_FILE}`);
  for (const [path, sha] of Object.entries(manifest.files)) {
    if (path !== DATABASE_FILE && !/^uploads\/[A-Za-z0-9_-]+\.[a-z0-9]+$/.test(path))
      fail(`unexpected file ${path}`);
    const full = join(dir, path);
    if (!existsSync(full)) fail(`${path} is missing`);
    if (sha256File(full) !== sha) fail(`${path} does not match its sha256 in ${MANIFEST}`);
  }
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") fail(`${DATABASE_FILE} fails PRAGMA integrity_check: ${String(result)}`);
  } finally {
    db.close();
  }
  const known = readJournal().entries.length;
  if (manifest.migrations.applied > known) {
    fail(
      `the backup's database has ${manifest.migrations.applied} migrations, this Sportello knows ${known}: ` +
        "restore it with the version that made it",
    );
  }
  return manifest;
}

/** True when something answers on the app's health URL: a restore under a running app would be overwritten. */
export async function isAppRunning(healthUrl: string): Promise<boolean> {
  try {
    await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

export type RestoreResult = {
  manifest: BackupManifest;
  /** Where the replaced database and uploads were moved; null when the data dir had neither. */
  previous: string | null;
};

/**
 * Restores a verified backup into the data dir (SPORTELLO_DATA_DIR). The current `sportello.db` (with its -wal
 * and -shm, so no committed write is lost) and `uploads/` move to `<data dir>/before-restore-<stamp>/`.
 */
export function restoreBackup(backupDir: string, options: { now?: Date } = {}): RestoreResult {
  const dir = resolve(backupDir);
  const manifest = verifyBackup(dir);
  const data = dataDir();
  mkdirSync(data, { recursive: true });
  closeDb();

  const moving = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, "uploads"].filter((name) =>
    existsSync(join(data, name)),
  );
  let previous: string | null = null;
  if (moving.length > 0) {
    const stamp = (options.now ?? new Date())
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z");
    previous = join(data, `before-restore-${stamp}`);
    if (existsSync(previous)) throw new Error(`${previous} already exists: wait a second and try again`);
    mkdirSync(previous);
    for (const name of moving) renameSync(join(data, name), join(previous, name));
  }

  // Copied under a temporary name, then renamed: a crash never leaves a half database under the real name.
  copyFileSync(join(dir, DATABASE_FILE), join(data, `${DATABASE_FILE}.restoring`));
  renameSync(join(data, `${DATABASE_FILE}.restoring`), join(data, DATABASE_FILE));
  const uploads = join(data, "uploads");
  mkdirSync(uploads, { recursive: true, mode: 0o750 });
  const source = join(dir, "uploads");
  if (existsSync(source) && statSync(source).isDirectory()) {
    for (const name of readdirSync(source)) {
      if (manifest.files[`uploads/${name}`]) copyFileSync(join(source, name), join(uploads, name));
    }
  }
  migrateDb();
  return { manifest, previous };
}
