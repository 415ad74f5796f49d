import "server-only";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { Document, isSeq, stringify } from "yaml";
import { ANSWER_CHANNELS } from "@/lib/channels";
import { type Article, type ArticleVersion, type Db, getDb, schema } from "@/lib/db";
// Not "@/lib/uploads", whose index pulls in next-auth (see import.ts).
import { uploadsDir } from "@/lib/uploads/store";
import { DRAFT_SUFFIX } from "./parse";

// Writes the database's content as a content folder (docs/content-format.md) that importContentDir reads back:
// the round trip is proven by export.int.test.ts. Output is deterministic (sorted, no timestamps), so two exports
// of the same data are byte-identical and a folder under git shows only real changes (ADR 019).

export type ExportReport = {
  articles: number;
  drafts: number;
  facts: number;
  products: number;
  categories: number;
  uploads: number;
  /** Uploads whose file is missing from the data dir: listed here, left out of the export. */
  missingUploads: string[];
};

const YAML = { lineWidth: 0, flowCollectionPadding: false } as const;

type Answer = { channel: string; subject: string | null; body: string };

/** Directive attribute values are double-quoted; a `"` inside becomes a character reference, which they decode. */
function attribute(value: string): string {
  return `"${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
}

function channelOrder(channel: string): number {
  const i = (ANSWER_CHANNELS as readonly string[]).indexOf(channel);
  return i === -1 ? ANSWER_CHANNELS.length : i;
}

export function formatArticleFile(front: Record<string, unknown>, body: string, answers: Answer[]): string {
  const blocks = [...answers]
    .sort((a, b) => channelOrder(a.channel) - channelOrder(b.channel))
    .map((a) => {
      const subject = a.subject ? ` subject=${attribute(a.subject)}` : "";
      return `:::answer{channel=${attribute(a.channel)}${subject}}\n${a.body}\n:::`;
    });
  // Tags on one line, `tags: [a, b]`, as in content/.
  const doc = new Document(front);
  const tags = doc.get("tags", true);
  if (isSeq(tags)) tags.flow = true;
  return `---\n${doc.toString(YAML)}---\n\n${[body, ...blocks].join("\n\n")}\n`;
}

function answersOf(db: Db, versionId: number): Answer[] {
  return db
    .select({
      channel: schema.channelAnswers.channel,
      subject: schema.channelAnswers.subject,
      body: schema.channelAnswers.body,
    })
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, versionId))
    .all();
}

function ensureEmptyDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
    // Never write over an earlier export: stale files of deleted articles would come back on the next import.
    if (readdirSync(dir).length > 0)
      throw new Error(`${dir} is not empty: export into a new or empty folder`);
  }
  mkdirSync(dir, { recursive: true });
}

/**
 * Exports every article into `dir` (which must be new or empty): `articles/<locale>/<slug>.md` holds the published
 * version (or, for an article never published or archived, its latest version); when a newer unpublished version
 * exists on top of the published one it goes to `<slug>.draft.md` beside it. Plus taxonomy.yaml, facts.yaml, and
 * the articles' uploads in `uploads/` with `uploads.yaml`.
 */
export function exportContentDir(dir: string, options: { db?: Db } = {}): ExportReport {
  const db = options.db ?? getDb();
  ensureEmptyDir(dir);
  const report: ExportReport = {
    articles: 0,
    drafts: 0,
    facts: 0,
    products: 0,
    categories: 0,
    uploads: 0,
    missingUploads: [],
  };

  // One read transaction: the files describe one moment even while the app keeps writing.
  db.$client.exec("BEGIN");
  try {
    const products = db.select().from(schema.products).orderBy(asc(schema.products.slug)).all();
    const categories = db
      .select()
      .from(schema.categories)
      .orderBy(asc(schema.categories.position), asc(schema.categories.slug))
      .all();
    writeFileSync(
      join(dir, "taxonomy.yaml"),
      stringify(
        {
          products: products.map((p) => ({ slug: p.slug, name: p.name, channels: p.channels })),
          categories: categories.map((c) => ({
            slug: c.slug,
            name: c.name,
            ...(c.description ? { description: c.description } : {}),
            position: c.position,
          })),
        },
        YAML,
      ),
    );
    report.products = products.length;
    report.categories = categories.length;

    const facts = db.select().from(schema.facts).orderBy(asc(schema.facts.key)).all();
    writeFileSync(
      join(dir, "facts.yaml"),
      stringify(
        facts.map((f) => ({
          key: f.key,
          type: f.type,
          visibility: f.visibility,
          description: f.description,
          values: f.values,
        })),
        YAML,
      ),
    );
    report.facts = facts.length;

    const productSlug = new Map(products.map((p) => [p.id, p.slug]));
    const categorySlug = new Map(categories.map((c) => [c.id, c.slug]));
    const emails = new Map(
      db
        .select({ id: schema.users.id, email: schema.users.email })
        .from(schema.users)
        .all()
        .map((u) => [u.id, u.email]),
    );
    const versionById = (id: number | null): ArticleVersion | undefined =>
      id === null
        ? undefined
        : db.select().from(schema.articleVersions).where(eq(schema.articleVersions.id, id)).get();

    const articles = db.select().from(schema.articles).orderBy(asc(schema.articles.slug)).all();
    const slugById = new Map(articles.map((a) => [a.id, a.slug]));
    for (const article of articles) {
      const current = versionById(article.currentVersionId);
      if (!current) continue;
      const published = article.status !== "archived" ? versionById(article.publishedVersionId) : undefined;
      const folder = join(dir, "articles", article.locale);
      mkdirSync(folder, { recursive: true });
      const main = published ?? current;
      const front = (a: Article, v: ArticleVersion, status: string) => ({
        slug: a.slug,
        locale: a.locale,
        translationGroup: a.translationGroup,
        title: v.title,
        summary: v.summary,
        product: productSlug.get(a.productId),
        category: categorySlug.get(a.categoryId),
        tags: a.tags,
        visibility: a.visibility,
        status,
        ...(a.ownerId && emails.has(a.ownerId) ? { owner: emails.get(a.ownerId) } : {}),
        ...(a.reviewBy ? { reviewBy: a.reviewBy } : {}),
      });
      writeFileSync(
        join(folder, `${article.slug}.md`),
        formatArticleFile(
          front(article, main, published ? "published" : article.status),
          main.body,
          answersOf(db, main.id),
        ),
      );
      report.articles++;
      if (published && published.id !== current.id) {
        writeFileSync(
          join(folder, `${article.slug}${DRAFT_SUFFIX}`),
          formatArticleFile(
            front(article, current, article.status === "published" ? "draft" : article.status),
            current.body,
            answersOf(db, current.id),
          ),
        );
        report.drafts++;
      }
    }

    const uploads = db
      .select()
      .from(schema.uploads)
      .where(inArray(schema.uploads.articleId, [...slugById.keys()]))
      .orderBy(asc(schema.uploads.storedName))
      .all();
    const listed: Record<string, unknown>[] = [];
    for (const u of uploads) {
      const source = join(uploadsDir(), u.storedName);
      if (!existsSync(source)) {
        report.missingUploads.push(u.storedName);
        continue;
      }
      mkdirSync(join(dir, "uploads"), { recursive: true });
      copyFileSync(source, join(dir, "uploads", u.storedName));
      listed.push({
        file: u.storedName,
        article: u.articleId === null ? null : slugById.get(u.articleId),
        originalName: u.originalName,
        mimeType: u.mimeType,
        sha256: u.sha256,
      });
    }
    if (listed.length > 0) writeFileSync(join(dir, "uploads.yaml"), stringify(listed, YAML));
    report.uploads = listed.length;
  } finally {
    db.$client.exec("COMMIT");
  }
  return report;
}
