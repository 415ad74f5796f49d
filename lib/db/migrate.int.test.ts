import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { closeDb, getDb, migrateDb } from "./client";
import { articles } from "./schema";

// Issue 8 point 7: upgrading keeps everything, and a failed migration changes nothing. The fixture is a database
// written by the release of 2026-11-24 (migrations 0000–0003): the demo content imported, five articles edited
// once more (some published, some left as drafts), the demo users.
const FIXTURE = resolve("lib/db/fixtures/release-2026-11-24.db");
const TABLES = [
  "articles",
  "article_versions",
  "channel_answers",
  "users",
  "facts",
  "products",
  "categories",
];

/** Every row of the tables that hold content and people, as text: equal snapshots mean nothing was lost or changed. */
function snapshot(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, JSON.stringify(db.prepare(`select * from ${t} order by rowid`).all())]),
    );
  } finally {
    db.close();
  }
}

function tables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
  } finally {
    db.close();
  }
}

let dir: string | null = null;
function withFixture(): string {
  dir = mkdtempSync(join(tmpdir(), "sportello-int-migrate-"));
  copyFileSync(FIXTURE, join(dir, "sportello.db"));
  process.env.SPORTELLO_DATA_DIR = dir;
  resetEnvCache();
  closeDb();
  return join(dir, "sportello.db");
}

afterEach(() => {
  closeDb();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe("migrations on a database from the previous release", () => {
  it("keep every article, version, answer, fact and user, and add the new tables", () => {
    const path = withFixture();
    const before = snapshot(path);
    expect(JSON.parse(before.article_versions as string)).toHaveLength(59);
    expect(JSON.parse(before.users as string)).toHaveLength(4);

    migrateDb();
    closeDb();

    expect(snapshot(path)).toEqual(before);
    expect(tables(path)).toEqual(
      expect.arrayContaining(["helpful_votes", "portal_views", "api_keys", "usage_daily"]),
    );
    // The upgraded database works with today's code, and running the migrations again is a no-op.
    migrateDb();
    expect(getDb().select().from(articles).all()).toHaveLength(54);
  });

  it("roll back as a whole when one fails: the database is left exactly as it was", () => {
    const path = withFixture();
    const before = snapshot(path);
    const tablesBefore = tables(path);
    // Today's migrations plus a broken one: the pending 0004 and 0005 apply first, then 0006 fails half-way.
    const folder = join(dir as string, "drizzle");
    cpSync(resolve("drizzle"), folder, { recursive: true });
    const journalPath = join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const last = journal.entries.at(-1) as { idx: number; when: number; tag: string };
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: "9999_broken" });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(folder, "9999_broken.sql"),
      "UPDATE articles SET slug = slug || '-x';--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);",
    );

    expect(() => migrateDb({ migrationsFolder: folder })).toThrow(/no_such_table/);
    closeDb();

    expect(snapshot(path)).toEqual(before);
    expect(tables(path)).toEqual(tablesBefore);
    const db = new Database(path, { readonly: true });
    expect((db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBe(4);
    db.close();
  });
});
