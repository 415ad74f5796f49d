import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { listVariables } from "@/lib/channels";
import {
  type Article,
  type ArticleVersion,
  type Db,
  enqueueSearchSync,
  getDb,
  schema,
  type WorkflowAction,
} from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { getFactMap } from "@/lib/facts";
import type { ArticleMetaInput, SaveArticleInput, VersionContentInput } from "./input";
import { assertVersionContent, checkVersionContent } from "./validate";

export type Actor = { id: number } | null;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function answersOf(tx: Tx, versionId: number) {
  return tx.select().from(schema.channelAnswers).where(eq(schema.channelAnswers.versionId, versionId)).all();
}

/**
 * Inserts the next immutable version of an article with its answers. Parity bookkeeping: an answer identical to
 * the previous version's keeps its `writtenInVersion`, and `bodyChangedInVersion` moves only when title or body
 * changed — so "answer older than the body" is a comparison of two numbers.
 */
function insertVersion(
  tx: Tx,
  article: Pick<Article, "id">,
  previous: ArticleVersion | null,
  content: VersionContentInput,
  authorId: number | null,
): ArticleVersion {
  const number = (previous?.number ?? 0) + 1;
  const bodyChanged = !previous || previous.title !== content.title || previous.body !== content.body;
  const version = tx
    .insert(schema.articleVersions)
    .values({
      articleId: article.id,
      number,
      title: content.title,
      summary: content.summary,
      body: content.body,
      changeNote: content.changeNote,
      authorId,
      basedOnVersionId: previous?.id ?? null,
      bodyChangedInVersion: bodyChanged ? number : previous.bodyChangedInVersion,
    })
    .returning()
    .get();
  const previousAnswers = new Map(previous ? answersOf(tx, previous.id).map((a) => [a.channel, a]) : []);
  if (content.answers.length > 0) {
    tx.insert(schema.channelAnswers)
      .values(
        content.answers.map((answer) => {
          const before = previousAnswers.get(answer.channel);
          const unchanged =
            before && before.body === answer.body && (before.subject ?? null) === answer.subject;
          return {
            versionId: version.id,
            channel: answer.channel,
            subject: answer.subject,
            body: answer.body,
            writtenInVersion: unchanged ? before.writtenInVersion : number,
          };
        }),
      )
      .run();
  }
  return version;
}

/** One row of the article's workflow history, in the transaction of the change it records. */
export function recordWorkflowEvent(
  tx: Tx,
  articleId: number,
  versionId: number | null,
  action: WorkflowAction,
  actor: Actor,
  comment?: string | null,
): void {
  tx.insert(schema.workflowEvents)
    .values({ articleId, versionId, action, actorId: actor?.id ?? null, comment: comment || null })
    .run();
}

/** Facts named anywhere in the current or published version, kept so a fact change re-indexes exactly these. */
function refreshFactUsage(tx: Tx, articleId: number): void {
  const article = tx.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  if (!article) return;
  const versionIds = [article.currentVersionId, article.publishedVersionId].filter(
    (id): id is number => !!id,
  );
  const keys = new Set<string>();
  for (const versionId of new Set(versionIds)) {
    const version = tx
      .select()
      .from(schema.articleVersions)
      .where(eq(schema.articleVersions.id, versionId))
      .get();
    const texts = [
      version?.body ?? "",
      ...answersOf(tx, versionId).flatMap((a) => [a.body, a.subject ?? ""]),
    ];
    for (const text of texts) {
      for (const v of listVariables(text)) if (v.name.startsWith("fact.")) keys.add(v.name.slice(5));
    }
  }
  tx.delete(schema.articleFacts).where(eq(schema.articleFacts.articleId, articleId)).run();
  if (keys.size > 0) {
    tx.insert(schema.articleFacts)
      .values([...keys].map((factKey) => ({ articleId, factKey })))
      .run();
  }
}

/** The owner named by e-mail in imported or edited metadata; unknown e-mails leave the owner unchanged. */
function findOwner(tx: Tx, email: string | null | undefined) {
  return email
    ? tx.select().from(schema.users).where(eq(schema.users.email, email.toLowerCase())).get()
    : undefined;
}

function resolveTaxonomy(tx: Tx, meta: Pick<ArticleMetaInput, "productSlug" | "categorySlug">) {
  const product = tx.select().from(schema.products).where(eq(schema.products.slug, meta.productSlug)).get();
  const category = tx
    .select()
    .from(schema.categories)
    .where(eq(schema.categories.slug, meta.categorySlug))
    .get();
  const fieldErrors: Record<string, string[]> = {};
  if (!product) fieldErrors.product = [`Il prodotto "${meta.productSlug}" non esiste.`];
  if (!category) fieldErrors.category = [`La categoria "${meta.categorySlug}" non esiste.`];
  if (!product || !category)
    throw new InvalidError("unknown_taxonomy", "Prodotto o categoria inesistente.", fieldErrors);
  return { product, category };
}

export type CreatedArticle = { article: Article; version: ArticleVersion };

/**
 * Creates an article with its first version. `status: published` publishes that version at once (the importer
 * uses this for demo content); the studio creates drafts.
 */
export function createArticle(
  meta: ArticleMetaInput,
  content: VersionContentInput,
  actor: Actor,
  db: Db = getDb(),
): CreatedArticle {
  const facts = getFactMap(db);
  const check = checkVersionContent(content, { visibility: meta.visibility, facts });
  assertVersionContent(check, meta.status === "published" ? "publish" : "save");
  return db.transaction((tx) => {
    const { product, category } = resolveTaxonomy(tx, meta);
    if (tx.select().from(schema.articles).where(eq(schema.articles.slug, meta.slug)).get()) {
      throw new InvalidError("article_slug_taken", `Lo slug "${meta.slug}" è già usato.`, {
        slug: ["Slug già usato da un altro articolo"],
      });
    }
    const owner = findOwner(tx, meta.ownerEmail);
    const inserted = tx
      .insert(schema.articles)
      .values({
        slug: meta.slug,
        locale: meta.locale,
        translationGroup: meta.translationGroup,
        productId: product.id,
        categoryId: category.id,
        visibility: meta.visibility,
        status: meta.status,
        tags: meta.tags,
        ownerId: owner?.id ?? actor?.id ?? null,
        reviewBy: meta.reviewBy ?? null,
      })
      .returning()
      .get();
    const version = insertVersion(tx, inserted, null, content, actor?.id ?? null);
    const publish = meta.status === "published";
    const article = tx
      .update(schema.articles)
      .set({ currentVersionId: version.id, publishedVersionId: publish ? version.id : null })
      .where(eq(schema.articles.id, inserted.id))
      .returning()
      .get();
    refreshFactUsage(tx, article.id);
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: publish ? "article.create_published" : "article.create",
      entityType: "article",
      entityId: article.id,
      details: { slug: article.slug, version: version.number },
    });
    recordWorkflowEvent(tx, article.id, version.id, publish ? "publish" : "save", actor, content.changeNote);
    if (publish) enqueueSearchSync(tx, [article.id], "publish");
    return { article, version };
  });
}

export type SavedVersion = { article: Article; version: ArticleVersion; published: boolean };

/**
 * Saves a new immutable version. Refused with a conflict when the editor's base is no longer the current version,
 * so no one's edit is silently overwritten; the conflict carries the current version for the side-by-side view.
 */
export function saveArticleVersion(input: SaveArticleInput, actor: Actor, db: Db = getDb()): SavedVersion {
  const article = db.select().from(schema.articles).where(eq(schema.articles.id, input.articleId)).get();
  if (!article) throw new NotFoundError("article_not_found", "Articolo non trovato.");
  const facts = getFactMap(db);
  const check = checkVersionContent(input, { visibility: article.visibility, facts });
  assertVersionContent(check, input.publish ? "publish" : "save");

  return db.transaction((tx) => {
    // Re-read inside the write transaction: the conflict check and the insert must see the same state.
    const fresh = tx.select().from(schema.articles).where(eq(schema.articles.id, input.articleId)).get();
    if (!fresh) throw new NotFoundError("article_not_found", "Articolo non trovato.");
    const current = fresh.currentVersionId
      ? tx
          .select()
          .from(schema.articleVersions)
          .where(eq(schema.articleVersions.id, fresh.currentVersionId))
          .get()
      : undefined;
    if (!current || current.id !== input.baseVersionId) {
      throw new ConflictError(
        "version_conflict",
        "Qualcuno ha salvato una versione più recente mentre modificavi. Il tuo testo non è stato perso.",
        { currentVersionId: current?.id ?? null, currentVersionNumber: current?.number ?? null },
      );
    }
    const version = insertVersion(tx, fresh, current, input, actor?.id ?? null);
    const updated = tx
      .update(schema.articles)
      .set({
        currentVersionId: version.id,
        status: input.publish ? "published" : "draft",
        publishedVersionId: input.publish ? version.id : fresh.publishedVersionId,
        updatedAt: sql`(unixepoch('subsec') * 1000)`,
      })
      .where(eq(schema.articles.id, fresh.id))
      .returning()
      .get();
    refreshFactUsage(tx, fresh.id);
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: input.publish ? "article.publish" : "article.save",
      entityType: "article",
      entityId: fresh.id,
      details: { version: version.number, changeNote: input.changeNote || undefined },
    });
    recordWorkflowEvent(
      tx,
      fresh.id,
      version.id,
      input.publish ? "publish" : "save",
      actor,
      input.changeNote,
    );
    if (input.publish) enqueueSearchSync(tx, [fresh.id], "publish");
    return { article: updated, version, published: input.publish };
  });
}

/**
 * Updates an article's metadata (taxonomy, visibility, tags, owner, review date, archived or not). Returns whether
 * anything changed. Anything that changes what readers or indexes see re-syncs search in the same transaction.
 */
export function updateArticleMeta(
  articleId: number,
  meta: ArticleMetaInput,
  actor: Actor,
  db: Db = getDb(),
): boolean {
  return db.transaction((tx) => {
    const article = tx.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
    if (!article) throw new NotFoundError("article_not_found", "Articolo non trovato.");
    const { product, category } = resolveTaxonomy(tx, meta);
    const owner = findOwner(tx, meta.ownerEmail);
    let status = article.status;
    if (meta.status === "archived") status = "archived";
    else if (article.status === "archived" && article.publishedVersionId) status = "published";
    const next = {
      locale: meta.locale,
      translationGroup: meta.translationGroup,
      productId: product.id,
      categoryId: category.id,
      visibility: meta.visibility,
      tags: meta.tags,
      reviewBy: meta.reviewBy ?? null,
      ownerId: owner?.id ?? article.ownerId,
      status,
    };
    const changedKeys = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(article[k]),
    );
    if (changedKeys.length === 0) return false;
    tx.update(schema.articles)
      .set({ ...next, updatedAt: sql`(unixepoch('subsec') * 1000)` })
      .where(eq(schema.articles.id, articleId))
      .run();
    const action =
      status !== article.status
        ? status === "archived"
          ? "article.archive"
          : "article.restore"
        : "article.meta_update";
    recordAudit(tx, {
      actorId: actor?.id ?? null,
      action,
      entityType: "article",
      entityId: articleId,
      details: { fields: changedKeys },
    });
    if (status !== article.status) {
      recordWorkflowEvent(
        tx,
        articleId,
        article.currentVersionId,
        status === "archived" ? "archive" : "unarchive",
        actor,
      );
    }
    if (article.publishedVersionId) enqueueSearchSync(tx, [articleId], action);
    return true;
  });
}
