import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importContentDir } from "@/lib/content";
import { databasePath, getDb } from "@/lib/db";
import { applyIndexSettings, reindexAll, searchArticles } from "@/lib/search";
import { freePort } from "@/lib/test/free-port";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { storeUpload } from "@/lib/uploads";
import { tinyPng } from "@/lib/uploads/test-files";
import {
  BackupInvalidError,
  type BackupManifest,
  createBackup,
  isAppRunning,
  restoreBackup,
  verifyBackup,
} from "./index";

// Another process writing to the database, one committed row at a time, as a running app would: each row is
// `test.write` in audit_log with entity_id = its sequence number 1, 2, 3…, plus 2 KB so the file keeps growing.
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare("insert into audit_log (action, entity_type, entity_id, details) values ('test.write', 'test', ?, ?)");
const pad = JSON.stringify({ pad: "x".repeat(2000) });
const sleep = new Int32Array(new SharedArrayBuffer(4));
for (let i = 1; ; i++) { insert.run(String(i), pad); Atomics.wait(sleep, 0, 0, 1); }
`;

const written = (db: Database.Database): number =>
  (
    db
      .prepare(
        "select coalesce(max(cast(entity_id as integer)), 0) n from audit_log where action = 'test.write'",
      )
      .get() as { n: number }
  ).n;

describe("backup while the app writes, then restore into a new data dir", () => {
  let source: ReturnType<typeof useTestEnvironment>;
  let target: ReturnType<typeof useTestEnvironment> | undefined;
  const temp = mkdtempSync(join(tmpdir(), "sportello-backup-"));
  let writer: ChildProcess | undefined;
  let backup: { dir: string; manifest: BackupManifest };
  let sourceCounts: { articles: number; versions: number };
  let uploadName: string;
  let publicTitle: { slug: string; title: string };

  beforeAll(() => {
    source = useTestEnvironment("backup-source");
    expect(importContentDir(resolve(process.cwd(), "content")).errors).toEqual([]);
    const db = getDb();
    const article = db.$client
      .prepare(
        `select a.id, a.slug, v.title from articles a join article_versions v on v.id = a.published_version_id
         where a.visibility = 'public' and a.status = 'published' order by a.slug limit 1`,
      )
      .get() as { id: number; slug: string; title: string };
    publicTitle = { slug: article.slug, title: article.title };
    uploadName = storeUpload(
      { bytes: tinyPng(), originalName: "modem.png", declaredType: "image/png", articleId: article.id },
      insertTestUser(),
    ).storedName;
    sourceCounts = {
      articles: (db.$client.prepare("select count(*) n from articles").get() as { n: number }).n,
      versions: (db.$client.prepare("select count(*) n from article_versions").get() as { n: number }).n,
    };
  });
  afterAll(() => {
    writer?.kill("SIGKILL");
    target?.cleanup();
    source.cleanup();
    rmSync(temp, { recursive: true, force: true });
  });

  it("takes a consistent snapshot while another connection keeps committing", async () => {
    const db = getDb().$client;
    writer = spawn(process.execPath, ["-e", WRITER, databasePath()], {
      cwd: process.cwd(),
      stdio: "inherit",
    });
    const deadline = Date.now() + 20_000;
    while (written(db) < 50) {
      if (Date.now() > deadline) throw new Error("the writer did not start");
      await new Promise((r) => setTimeout(r, 20));
    }

    const committedBefore = written(db);
    backup = await createBackup(join(temp, "backup"));
    const committedAfter = written(db);
    writer.kill("SIGKILL");
    // The writer really was writing during the backup.
    expect(committedAfter).toBeGreaterThan(committedBefore);

    const copy = new Database(join(backup.dir, "sportello.db"), { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      // Every row committed before the backup started, and an unbroken run of the writer's rows: one moment in
      // time, not a mix of pages from before and after some commit.
      const seqs = (
        copy
          .prepare("select cast(entity_id as integer) n from audit_log where action = 'test.write'")
          .all() as {
          n: number;
        }[]
      )
        .map((r) => r.n)
        .sort((a, b) => a - b);
      const last = seqs.at(-1) ?? 0;
      expect(last).toBeGreaterThanOrEqual(committedBefore);
      expect(last).toBeLessThanOrEqual(committedAfter);
      expect(seqs).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      expect((copy.prepare("select count(*) n from articles").get() as { n: number }).n).toBe(
        sourceCounts.articles,
      );
    } finally {
      copy.close();
    }
    // One self-contained file, and the manifest describes it.
    expect(existsSync(join(backup.dir, "sportello.db-wal"))).toBe(false);
    expect(backup.manifest.counts.articles).toBe(sourceCounts.articles);
    expect(backup.manifest.counts.uploads).toBe(1);
    expect(Object.keys(backup.manifest.files).sort()).toEqual(["sportello.db", `uploads/${uploadName}`]);
    expect(backup.manifest.migrations.applied).toBeGreaterThan(0);
    expect(verifyBackup(backup.dir)).toEqual(backup.manifest);
  });

  it("refuses a backup whose files do not match the manifest, and touches nothing", () => {
    const tampered = join(temp, "tampered");
    cpSync(backup.dir, tampered, { recursive: true });
    const file = join(tampered, "uploads", uploadName);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => verifyBackup(tampered)).toThrow(BackupInvalidError);
    expect(() => verifyBackup(tampered)).toThrow(/does not match its sha256/);
    const before = written(getDb().$client);
    expect(() => restoreBackup(tampered)).toThrow(BackupInvalidError);
    expect(written(getDb().$client)).toBe(before);
  });

  it("restores into a fresh data dir: previous files kept aside, migrated, and searchable again", async () => {
    target = useTestEnvironment("backup-target");
    mkdirSync(join(target.dataDir, "uploads"), { recursive: true });
    writeFileSync(join(target.dataDir, "uploads", "earlier.txt"), "kept");

    const { previous, manifest } = restoreBackup(backup.dir);
    expect(manifest.counts.articles).toBe(sourceCounts.articles);
    expect(previous).not.toBeNull();
    expect(existsSync(join(previous ?? "", "sportello.db"))).toBe(true);
    expect(readFileSync(join(previous ?? "", "uploads", "earlier.txt"), "utf8")).toBe("kept");

    const db = getDb().$client;
    expect((db.prepare("select count(*) n from articles").get() as { n: number }).n).toBe(
      sourceCounts.articles,
    );
    expect((db.prepare("select count(*) n from article_versions").get() as { n: number }).n).toBe(
      sourceCounts.versions,
    );
    expect(readFileSync(join(target.dataDir, "uploads", uploadName))).toEqual(tinyPng());

    await applyIndexSettings();
    const result = await reindexAll();
    expect(result.articles).toBeGreaterThan(0);
    const found = await searchArticles({ q: publicTitle.title, limit: 5 }, "public");
    expect(found.hits.map((h) => h.slug)).toContain(publicTitle.slug);
  });

  it("tells whether the app answers on its health URL", async () => {
    const port = await freePort();
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    try {
      expect(await isAppRunning(`http://127.0.0.1:${port}/api/health`)).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(await isAppRunning(`http://127.0.0.1:${port}/api/health`)).toBe(false);
  });
});
