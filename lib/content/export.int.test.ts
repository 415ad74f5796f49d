import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArticleVersion, updateArticleMeta } from "@/lib/articles";
import { getDb, schema } from "@/lib/db";
import { useTestEnvironment } from "@/lib/test/harness";
import { storeUpload, uploadsDir } from "@/lib/uploads";
import { tinyPng } from "@/lib/uploads/test-files";
import { exportContentDir } from "./export";
import { importContentDir } from "./import";

const CONTENT = resolve(process.cwd(), "content");

// The demo content names admin@sportello.local as owner: the same user in both instances lets owners round-trip.
function insertOwner(): number {
  const row = getDb()
    .$client.prepare(
      "insert into users (email, name, role, password_hash) values ('admin@sportello.local', 'Admin', 'admin', 'x') returning id",
    )
    .get() as { id: number };
  return row.id;
}

/** Everything the knowledge base says, keyed by slugs and keys (never ids), so two instances can be compared. */
function snapshot() {
  const db = getDb();
  const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as T[];
  const version = (id: number | null) => {
    if (id === null) return null;
    const v = db.$client
      .prepare("select title, summary, body from article_versions where id = ?")
      .get(id) as Record<string, string>;
    const answers = q<Record<string, string>>(
      "select channel, subject, body from channel_answers where version_id = ? order by channel",
      id,
    );
    return { ...v, answers };
  };
  const articles = q<{
    slug: string;
    locale: string;
    translation_group: string;
    product: string;
    category: string;
    visibility: string;
    status: string;
    tags: string;
    owner: string | null;
    review_by: string | null;
    current_version_id: number;
    published_version_id: number | null;
  }>(
    `select a.slug, a.locale, a.translation_group, p.slug product, c.slug category, a.visibility, a.status, a.tags,
            u.email owner, a.review_by, a.current_version_id, a.published_version_id
     from articles a join products p on p.id = a.product_id join categories c on c.id = a.category_id
     left join users u on u.id = a.owner_id order by a.slug`,
  ).map(({ current_version_id, published_version_id, ...a }) => {
    // An archived article is exported as its latest version only (ADR 019): the published pointer it keeps for
    // un-archiving is not part of the format.
    const published = a.status === "archived" ? null : published_version_id;
    return {
      ...a,
      published: version(published),
      current: version(current_version_id),
      hasDraft: published !== null && published !== current_version_id,
    };
  });
  return {
    articles,
    facts: q('select key, type, visibility, description, "values" from facts order by key'),
    products: q("select slug, name, channels from products order by slug"),
    categories: q("select slug, name, description, position from categories order by slug"),
    uploads: q<{ stored_name: string; sha256: string }>(
      `select u.stored_name, u.original_name, u.mime_type, u.size, u.sha256, a.slug article
       from uploads u left join articles a on a.id = u.article_id order by u.stored_name`,
    ).map((u) => ({
      ...u,
      onDisk: createHash("sha256")
        .update(readFileSync(join(uploadsDir(), u.stored_name)))
        .digest("hex"),
    })),
  };
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("export → import round trip", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), "sportello-export-"));
    dirs.push(d);
    return d;
  };
  let first: ReturnType<typeof snapshot>;
  let exported: string;
  let again: string;
  let storedName: string;

  beforeAll(() => {
    const env = useTestEnvironment("export-a");
    try {
      const owner = insertOwner();
      expect(importContentDir(CONTENT).errors).toEqual([]);
      const db = getDb();
      const all = db.select().from(schema.articles).orderBy(schema.articles.slug).all();
      const [withDraft, inReview, archived] = all.filter((a) => a.status === "published");
      if (!withDraft || !inReview || !archived) throw new Error("content/ has too few published articles");

      // A newer draft on top of a published version, with a quote in the e-mail subject.
      saveArticleVersion(
        {
          articleId: withDraft.id,
          baseVersionId: withDraft.currentVersionId ?? 0,
          publish: false,
          title: "Bozza: titolo nuovo",
          summary: "Sommario della bozza",
          body: "Testo della bozza.\n\n:::internal\nNota interna della bozza.\n:::",
          changeNote: "bozza",
          answers: [
            { channel: "sms", subject: null, body: "Risposta SMS della bozza." },
            { channel: "email", subject: 'Oggetto con "virgolette" & simboli', body: "Gentile cliente." },
          ],
        },
        { id: owner },
      );
      // A draft submitted for review.
      saveArticleVersion(
        {
          articleId: inReview.id,
          baseVersionId: inReview.currentVersionId ?? 0,
          publish: false,
          title: "In revisione",
          summary: "",
          body: "Testo da approvare.",
          changeNote: "",
          answers: [],
        },
        { id: owner },
      );
      db.update(schema.articles)
        .set({ status: "in_review" })
        .where(eq(schema.articles.id, inReview.id))
        .run();
      updateArticleMeta(
        archived.id,
        {
          slug: archived.slug,
          locale: archived.locale,
          translationGroup: archived.translationGroup,
          productSlug: "fibra",
          categorySlug: "guasti-e-assistenza",
          visibility: "internal",
          status: "archived",
          tags: ["archiviato", "prova"],
          ownerEmail: null,
          reviewBy: "2030-01-31",
        },
        null,
      );
      storedName = storeUpload(
        {
          bytes: tinyPng(),
          originalName: "schermata modem.png",
          declaredType: "image/png",
          articleId: withDraft.id,
        },
        { id: owner },
      ).storedName;

      first = snapshot();
      exported = tempDir();
      again = tempDir();
      exportContentDir(exported);
      exportContentDir(again);
    } finally {
      env.cleanup();
    }
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("writes the content folder layout, with the draft beside its article", () => {
    const files = Object.keys(tree(exported));
    expect(files).toContain("taxonomy.yaml");
    expect(files).toContain("facts.yaml");
    expect(files).toContain("uploads.yaml");
    expect(files).toContain(`uploads/${storedName}`);
    const drafts = files.filter((f) => f.endsWith(".draft.md"));
    expect(drafts).toHaveLength(2);
    const articles = files.filter((f) => f.startsWith("articles/") && !f.endsWith(".draft.md"));
    expect(articles).toHaveLength(first.articles.length);
  });

  it("is deterministic: two exports of the same data are byte-identical", () => {
    expect(tree(again)).toEqual(tree(exported));
  });

  it("imports into an empty instance as the same content", () => {
    const env = useTestEnvironment("export-b");
    try {
      insertOwner();
      const report = importContentDir(exported);
      expect(report.errors).toEqual([]);
      expect(report.created).toHaveLength(first.articles.length);
      expect(report.uploads).toBe(1);
      const second = snapshot();
      expect(second.products).toEqual(first.products);
      expect(second.categories).toEqual(first.categories);
      expect(second.facts).toEqual(first.facts);
      expect(second.uploads).toEqual(first.uploads);
      expect(second.articles).toEqual(first.articles);
      // The cases this test set up are really in the data compared above.
      const statuses = new Set(first.articles.map((a) => a.status));
      expect([...statuses].sort()).toEqual(["archived", "draft", "in_review", "published"]);
      expect(first.articles.filter((a) => a.hasDraft)).toHaveLength(2);
      expect(first.articles.some((a) => a.owner && a.review_by)).toBe(true);

      // Importing the export again changes nothing, drafts included.
      const versions = getDb().$client.prepare("select count(*) n from article_versions").get();
      const repeat = importContentDir(exported);
      expect(repeat.errors).toEqual([]);
      expect(repeat.created).toEqual([]);
      expect(repeat.updated).toEqual([]);
      expect(getDb().$client.prepare("select count(*) n from article_versions").get()).toEqual(versions);
    } finally {
      env.cleanup();
    }
  });

  it("refuses to write into a folder that is not empty", () => {
    const env = useTestEnvironment("export-c");
    try {
      expect(() => exportContentDir(exported)).toThrow(/not empty/);
    } finally {
      env.cleanup();
    }
  });
});
