import "server-only";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { type Db, getDb } from "@/lib/db";
import { dataDir } from "@/lib/env";
import { isValidStoredName } from "@/lib/uploads/names";

// `npm run backup` (ADR 019): a consistent copy of a running instance. The database goes through SQLite's online
// backup API, which copies one snapshot however much the app writes meanwhile; the uploads are copied after it, so
// every upload row in the snapshot finds its file (files are written before their row commits, never changed).

export const MANIFEST = "manifest.json";
export const DATABASE_FILE = "sportello.db";
export const MANIFEST_FORMAT = 1;

export type BackupManifest = {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  /** drizzle migrations applied to the database in the backup, and the tag of the last one. */
  migrations: { applied: number; last: string | null };
  counts: Record<(typeof COUNTED)[number], number>;
  /** sha256 of every file of the backup, by path relative to it (`sportello.db`, `uploads/<name>`). */
  files: Record<string, string>;
  /** Upload rows whose file was missing from the data dir when the backup was taken. */
  missingUploads: string[];
};

const COUNTED = [
  "articles",
  "article_versions",
  "channel_answers",
  "facts",
  "products",
  "categories",
  "users",
  "uploads",
] as const;

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** What a backup's database says about itself: migration level and row counts. */
export function describeDatabase(path: string): Pick<BackupManifest, "migrations" | "counts"> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
    const applied = count("__drizzle_migrations");
    const counts = Object.fromEntries(COUNTED.map((t) => [t, count(t)])) as BackupManifest["counts"];
    return { migrations: { applied, last: migrationTag(applied) }, counts };
  } finally {
    db.close();
  }
}

type Journal = { entries: { idx: number; tag: string }[] };

export function readJournal(): Journal {
  return JSON.parse(readFileSync(resolve(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as Journal;
}

function migrationTag(applied: number): string | null {
  return applied === 0 ? null : (readJournal().entries[applied - 1]?.tag ?? null);
}

/**
 * Where a backup goes: `target` itself when it does not exist yet, `target/sportello-<UTC stamp>` when it is a
 * folder, `<data dir>/backups/sportello-<UTC stamp>` without a target.
 */
export function backupDirFor(target: string | undefined, now: Date): string {
  const name = `sportello-${stamp(now)}`;
  if (!target) return join(dataDir(), "backups", name);
  const full = resolve(target);
  if (existsSync(full)) {
    if (!statSync(full).isDirectory()) throw new Error(`${full} exists and is not a folder`);
    return join(full, name);
  }
  return full;
}

/**
 * Backs up the database and the uploads into a new folder with a manifest; returns the folder. Written under a
 * `.partial` name and renamed when complete, so an interrupted backup is never taken for a good one.
 */
export async function createBackup(
  target?: string,
  options: { db?: Db; now?: Date } = {},
): Promise<{ dir: string; manifest: BackupManifest }> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const dir = backupDirFor(target, now);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    let remaining = Number.POSITIVE_INFINITY;
    await db.$client.backup(join(partial, DATABASE_FILE), {
      // 100 pages a step keeps a running app responsive; but a write by another connection restarts the copy, and
      // under steady writes small steps could restart forever: after the first restart, copy the rest in one step.
      progress: ({ remainingPages }) => {
        const restarted = remainingPages > remaining;
        remaining = remainingPages;
        return restarted ? 0x7fffffff : 100;
      },
    });

    // The copy inherits WAL mode from the source: switch it to a rollback journal, so the backup is one
    // self-contained file and reading it (here, in verifyBackup) creates no -wal/-shm beside it.
    const copy = new Database(join(partial, DATABASE_FILE));
    copy.pragma("journal_mode = DELETE");
    copy.close();
    const files: Record<string, string> = { [DATABASE_FILE]: sha256File(join(partial, DATABASE_FILE)) };
    const snapshot = new Database(join(partial, DATABASE_FILE), { readonly: true });
    const names = (
      snapshot.prepare("select stored_name from uploads order by stored_name").all() as {
        stored_name: string;
      }[]
    ).map((r) => r.stored_name);
    snapshot.close();

    const source = join(dataDir(), "uploads");
    mkdirSync(join(partial, "uploads"));
    const missingUploads: string[] = [];
    const present = new Set(existsSync(source) ? readdirSync(source) : []);
    // Only files with a row in the snapshot: a `.part` being written or an orphan from a crash is not content.
    for (const name of names) {
      if (!isValidStoredName(name) || !present.has(name)) {
        missingUploads.push(name);
        continue;
      }
      copyFileSync(join(source, name), join(partial, "uploads", name));
      files[`uploads/${name}`] = sha256File(join(partial, "uploads", name));
    }

    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      ...describeDatabase(join(partial, DATABASE_FILE)),
      files,
      missingUploads,
    };
    writeFileSync(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    mkdirSync(join(dir, ".."), { recursive: true });
    renameSync(partial, dir);
    return { dir, manifest };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
