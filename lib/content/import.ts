import "server-only";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { eq, sql } from "drizzle-orm";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  type Actor,
  createArticle,
  getArticleForEdit,
  getArticleIdsUsingFacts,
  recordWorkflowEvent,
  saveArticleVersion,
  updateArticleMeta,
} from "@/lib/articles";
import { type Db, enqueueSearchSync, getDb, schema, writeTransaction } from "@/lib/db";
import { FactFileInput } from "@/lib/facts";
import { CategoryInput, ProductInput } from "@/lib/taxonomy";
// Not "@/lib/uploads": its index also exports the serving code, which pulls in next-auth, and scripts run outside
// Next (docs/decisions/004-server-only-outside-next.md).
import { isValidStoredName, sanitizeOriginalName } from "@/lib/uploads/names";
import { sniffType } from "@/lib/uploads/sniff";
import { uploadsDir } from "@/lib/uploads/store";
import { explain } from "./explain";
import { DRAFT_SUFFIX, type ParsedArticleFile, parseArticleFile } from "./parse";

export type ImportReport = {
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: { path: string; reason: string }[];
  products: number;
  categories: number;
  facts: number;
  /** Files from uploads.yaml added to the data dir (already present ones are not counted). */
  uploads: number;
};

// The importer applies the studio's own rules (lib/facts, lib/taxonomy), so a file cannot bring in what an editor
// could not type; `.strict()` because an unknown field in a file is a typo to report.
const Taxonomy = z
  .object({
    products: z.array(ProductInput.strict()).default([]),
    categories: z.array(CategoryInput.strict()).default([]),
  })
  .strict();

const Facts = z.array(FactFileInput);

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, "utf8"));
}

function listMarkdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listMarkdownFiles(path));
    else if (entry.endsWith(".md") && entry.toLowerCase() !== "readme.md") out.push(path);
  }
  return out;
}

function importTaxonomy(path: string, db: Db): { products: number; categories: number } {
  const data = Taxonomy.parse(readYaml(path) ?? {});
  writeTransaction(db, (tx) => {
    for (const p of data.products) {
      tx.insert(schema.products)
        .values({ slug: p.slug, name: p.name, channels: p.channels })
        .onConflictDoUpdate({ target: schema.products.slug, set: { name: p.name, channels: p.channels } })
        .run();
    }
    for (const c of data.categories) {
      const values = { name: c.name, description: c.description ?? null, position: c.position };
      tx.insert(schema.categories)
        .values({ slug: c.slug, ...values })
        .onConflictDoUpdate({ target: schema.categories.slug, set: values })
        .run();
    }
  });
  return { products: data.products.length, categories: data.categories.length };
}

function importFacts(path: string, db: Db): number {
  const data = Facts.parse(readYaml(path) ?? []);
  writeTransaction(db, (tx) => {
    const changed: string[] = [];
    for (const f of data) {
      const existing = tx.select().from(schema.facts).where(eq(schema.facts.key, f.key)).get();
      const same =
        existing &&
        existing.type === f.type &&
        existing.visibility === f.visibility &&
        existing.description === f.description &&
        JSON.stringify(existing.values) === JSON.stringify(f.values);
      if (same) continue;
      if (existing) {
        tx.update(schema.facts)
          .set({ ...f, updatedAt: sql`(unixepoch('subsec') * 1000)` })
          .where(eq(schema.facts.key, f.key))
          .run();
        changed.push(f.key);
      } else {
        tx.insert(schema.facts).values(f).run();
      }
    }
    // A changed fact changes every rendered answer that uses it: re-index those articles.
    enqueueSearchSync(tx, getArticleIdsUsingFacts(changed, tx as unknown as Db), "fact_changed");
  });
  return data.length;
}

function sameContent(a: ParsedArticleFile["content"], articleId: number, db: Db): boolean {
  const current = getArticleForEdit(articleId, db);
  if (!current) return false;
  const answers = (list: { channel: string; subject: string | null; body: string }[]) =>
    JSON.stringify(
      [...list]
        .map((x) => ({ channel: x.channel, subject: x.subject ?? null, body: x.body }))
        .sort((x, y) => x.channel.localeCompare(y.channel)),
    );
  return (
    current.version.title === a.title &&
    current.version.summary === a.summary &&
    current.version.body === a.body &&
    answers(current.answers) === answers(a.answers)
  );
}

const isDraft = (path: string) => path.endsWith(DRAFT_SUFFIX);

function articleRow(db: Db, id: number) {
  const row = db.select().from(schema.articles).where(eq(schema.articles.id, id)).get();
  if (!row) throw new Error(`article ${id} vanished during the import`);
  return row;
}

function sameAsVersion(content: ParsedArticleFile["content"], versionId: number | null, db: Db): boolean {
  if (versionId === null) return false;
  const version = db
    .select()
    .from(schema.articleVersions)
    .where(eq(schema.articleVersions.id, versionId))
    .get();
  if (!version) return false;
  const answers = (list: { channel: string; subject: string | null; body: string }[]) =>
    JSON.stringify(
      [...list]
        .map((x) => ({ channel: x.channel, subject: x.subject ?? null, body: x.body }))
        .sort((x, y) => x.channel.localeCompare(y.channel)),
    );
  const stored = db
    .select()
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, versionId))
    .all();
  return (
    version.title === content.title &&
    version.summary === content.summary &&
    version.body === content.body &&
    answers(stored) === answers(content.answers)
  );
}

/** Saves a draft file as a new unpublished version when it differs from the working copy; `in_review` submits it. */
function saveDraft(articleId: number, draft: ParsedArticleFile, actor: Actor, db: Db): boolean {
  let article = articleRow(db, articleId);
  let changed = false;
  if (!sameAsVersion(draft.content, article.currentVersionId, db)) {
    saveArticleVersion(
      { ...draft.content, articleId, baseVersionId: article.currentVersionId ?? 0, publish: false },
      actor,
      db,
    );
    changed = true;
    article = articleRow(db, articleId);
  }
  if (draft.meta.status === "in_review" && article.status === "draft") {
    // Not lib/workflow's submitForReview: that needs a signed-in author, and a file has none.
    writeTransaction(db, (tx) => {
      tx.update(schema.articles)
        .set({ status: "in_review", updatedAt: sql`(unixepoch('subsec') * 1000)` })
        .where(eq(schema.articles.id, articleId))
        .run();
      recordWorkflowEvent(tx, articleId, article.currentVersionId, "submit", actor, "Importato da file");
    });
    changed = true;
  }
  return changed;
}

/**
 * One article from its main file and, when there is one, its draft file. With a draft, the main file is compared
 * with the published version and the draft with the working copy, so re-importing an export changes nothing.
 */
function importArticle(
  main: ParsedArticleFile,
  draft: ParsedArticleFile | null,
  actor: Actor,
  db: Db,
): "created" | "updated" | "unchanged" {
  const { meta, content } = main;
  if (draft && meta.status !== "published") {
    throw new Error(`the article has a ${DRAFT_SUFFIX} file, so its main file must say status: published`);
  }
  const existing = db.select().from(schema.articles).where(eq(schema.articles.slug, meta.slug)).get();
  if (!existing) {
    const { article } = createArticle(meta, content, actor, db);
    if (draft) saveDraft(article.id, draft, actor, db);
    return "created";
  }
  let changed = updateArticleMeta(existing.id, meta, actor, db);
  const article = articleRow(db, existing.id);
  const wantsPublished = meta.status === "published";
  if (draft) {
    const published =
      article.publishedVersionId !== null && article.status !== "archived"
        ? article.publishedVersionId
        : null;
    if (!sameAsVersion(content, published, db)) {
      saveArticleVersion(
        { ...content, articleId: article.id, baseVersionId: article.currentVersionId ?? 0, publish: true },
        actor,
        db,
      );
      changed = true;
    }
    return saveDraft(article.id, draft, actor, db) || changed ? "updated" : "unchanged";
  }
  const isPublished =
    article.status === "published" && article.publishedVersionId === article.currentVersionId;
  if (!sameContent(content, article.id, db) || (wantsPublished && !isPublished)) {
    saveArticleVersion(
      {
        ...content,
        articleId: article.id,
        baseVersionId: article.currentVersionId ?? 0,
        publish: wantsPublished,
      },
      actor,
      db,
    );
    changed = true;
  }
  return changed ? "updated" : "unchanged";
}

const UploadsFile = z.array(
  z
    .object({
      file: z.string(),
      article: z.string().nullable(),
      originalName: z.string(),
      mimeType: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
);

/**
 * Brings back the files of an export's uploads.yaml under the same stored names, so `/uploads/<name>` links in
 * bodies keep working. Each file is checked as an upload is (type from its bytes, size) and against its sha256.
 */
function importUploads(
  dir: string,
  listPath: string,
  db: Db,
): { imported: number; errors: { path: string; reason: string }[] } {
  const list = UploadsFile.parse(readYaml(listPath) ?? []);
  const errors: { path: string; reason: string }[] = [];
  let imported = 0;
  const target = uploadsDir();
  for (const entry of list) {
    const source = join(dir, "uploads", entry.file);
    const fail = (reason: string) => errors.push({ path: source, reason });
    if (!isValidStoredName(entry.file)) {
      fail("not a stored upload name");
      continue;
    }
    if (db.select().from(schema.uploads).where(eq(schema.uploads.storedName, entry.file)).get()) continue;
    if (!existsSync(source)) {
      fail("file missing");
      continue;
    }
    const bytes = readFileSync(source);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== entry.sha256) {
      fail("sha256 does not match uploads.yaml");
      continue;
    }
    const sniffed = sniffType(bytes);
    if (!sniffed.ok || sniffed.type.mimeType !== entry.mimeType || bytes.length > sniffed.type.maxBytes) {
      fail(`not an allowed ${entry.mimeType} file (docs/decisions/011-uploads.md)`);
      continue;
    }
    const article = entry.article
      ? db.select().from(schema.articles).where(eq(schema.articles.slug, entry.article)).get()
      : undefined;
    mkdirSync(target, { recursive: true, mode: 0o750 });
    const temp = join(target, `.${randomBytes(12).toString("hex")}.part`);
    writeFileSync(temp, bytes, { mode: 0o640 });
    try {
      writeTransaction(db, (tx) => {
        tx.insert(schema.uploads)
          .values({
            storedName: entry.file,
            originalName: sanitizeOriginalName(entry.originalName),
            mimeType: entry.mimeType,
            size: bytes.length,
            sha256,
            articleId: article?.id ?? null,
          })
          .run();
        renameSync(temp, join(target, entry.file));
      });
      imported++;
    } catch (error) {
      rmSync(temp, { force: true });
      fail(explain(error));
    }
  }
  return { imported, errors };
}

/**
 * Imports a content folder (docs/content-format.md). Each bad file is reported with its path and reason and
 * skipped; good files are imported. Re-importing the same folder changes nothing (idempotent).
 */
export function importContentDir(dir: string, options: { actor?: Actor; db?: Db } = {}): ImportReport {
  const db = options.db ?? getDb();
  const actor = options.actor ?? null;
  const report: ImportReport = {
    created: [],
    updated: [],
    unchanged: [],
    errors: [],
    products: 0,
    categories: 0,
    facts: 0,
    uploads: 0,
  };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    report.errors.push({ path: dir, reason: "not a directory" });
    return report;
  }
  // Paths inside the working directory are shown relative to it, others in full (no "../../tmp/…").
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
  };
  const mainFiles = new Map<string, { path: string; article: ParsedArticleFile }>();

  const taxonomyPath = join(dir, "taxonomy.yaml");
  if (existsSync(taxonomyPath)) {
    try {
      const counts = importTaxonomy(taxonomyPath, db);
      report.products = counts.products;
      report.categories = counts.categories;
    } catch (error) {
      report.errors.push({ path: rel(taxonomyPath), reason: explain(error) });
    }
  }
  const factsPath = join(dir, "facts.yaml");
  if (existsSync(factsPath)) {
    try {
      report.facts = importFacts(factsPath, db);
    } catch (error) {
      report.errors.push({ path: rel(factsPath), reason: explain(error) });
    }
  }

  const articlesDir = existsSync(join(dir, "articles")) ? join(dir, "articles") : dir;
  const files = listMarkdownFiles(articlesDir);
  // Main files first, so a draft always lands on top of its article's published version.
  const drafts = new Map<string, { path: string; article: ParsedArticleFile }>();
  for (const path of [...files.filter((f) => !isDraft(f)), ...files.filter(isDraft)]) {
    const parsed = parseArticleFile(readFileSync(path, "utf8"));
    if (!parsed.ok) {
      report.errors.push({ path: rel(path), reason: parsed.reason });
      continue;
    }
    const { meta } = parsed.article;
    if (isDraft(path)) {
      if (meta.status !== "draft" && meta.status !== "in_review") {
        report.errors.push({
          path: rel(path),
          reason: `a ${DRAFT_SUFFIX} file must say status: draft or in_review`,
        });
      } else if (drafts.has(meta.slug)) {
        report.errors.push({ path: rel(path), reason: `a second draft of "${meta.slug}"` });
      } else {
        drafts.set(meta.slug, { path, article: parsed.article });
      }
      continue;
    }
    const first = mainFiles.get(meta.slug);
    if (first) {
      report.errors.push({
        path: rel(path),
        reason: `slug "${meta.slug}" is already used by ${rel(first.path)}`,
      });
      continue;
    }
    mainFiles.set(meta.slug, { path, article: parsed.article });
  }

  for (const [slug, { path, article }] of mainFiles) {
    const draft = drafts.get(slug);
    drafts.delete(slug);
    try {
      const outcome = importArticle(article, draft?.article ?? null, actor, db);
      report[outcome].push(slug);
    } catch (error) {
      report.errors.push({ path: rel(draft ? `${path} + ${draft.path}` : path), reason: explain(error) });
    }
  }
  // A draft without a main file in the folder goes on top of an article already in the database.
  for (const [slug, draft] of drafts) {
    try {
      const existing = db.select().from(schema.articles).where(eq(schema.articles.slug, slug)).get();
      if (!existing) {
        report.errors.push({
          path: rel(draft.path),
          reason: `no article "${slug}": a draft needs its ${slug}.md file or an existing article`,
        });
        continue;
      }
      report[saveDraft(existing.id, draft.article, actor, db) ? "updated" : "unchanged"].push(slug);
    } catch (error) {
      report.errors.push({ path: rel(draft.path), reason: explain(error) });
    }
  }

  const uploadsPath = join(dir, "uploads.yaml");
  if (existsSync(uploadsPath)) {
    try {
      const result = importUploads(dir, uploadsPath, db);
      report.uploads = result.imported;
      for (const e of result.errors) report.errors.push({ path: rel(e.path), reason: e.reason });
    } catch (error) {
      report.errors.push({ path: rel(uploadsPath), reason: explain(error) });
    }
  }
  return report;
}
