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
  writeTransaction,
} from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { getFactMap } from "@/lib/facts";
import type { ArticleMetaInput, EditArticleInput, SaveArticleInput, VersionContentInput } from "./input";
import { writeVersionSearchText } from "./search-text";
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
  writeVersionSearchText(tx, version.id, content.body);
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
export function refreshFactUsage(tx: Tx, articleId: number): void {
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
  const check = checkVersionContent(content, { visibility: meta.visibility, facts, locale: meta.locale });
  assertVersionContent(check, meta.status === "published" ? "publish" : "save");
  return writeTransaction(db, (tx) => {
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
  const check = checkVersionContent(input, { visibility: article.visibility, facts, locale: article.locale });
  assertVersionContent(check, input.publish ? "publish" : "save");

  return writeTransaction(db, (tx) => {
    // Re-read inside the write transaction: the conflict check and the insert must see the same state.
    const fresh = tx.select().from(schema.articles).where(eq(schema.articles.id, input.articleId)).get();
    if (!fresh) throw new NotFoundError("article_not_found", "Articolo non trovato.");
    const current = currentVersionOf(tx, fresh);
    assertBaseIsCurrent(tx, current, input.baseVersionId);
    return commitVersion(tx, fresh, current, input, actor);
  });
}

/** The other person's version, for the side-by-side conflict view: nothing of theirs or yours is lost. */
export type VersionConflictDetails = {
  currentVersionId: number | null;
  currentVersionNumber: number | null;
  authorName: string | null;
  savedAt: string | null;
  title: string;
  summary: string;
  body: string;
  answers: { channel: string; subject: string | null; body: string }[];
};

function assertBaseIsCurrent(
  tx: Tx,
  current: ArticleVersion | undefined,
  baseVersionId: number,
): asserts current {
  if (current && current.id === baseVersionId) return;
  const author = current?.authorId
    ? tx
        .select({ name: schema.users.name })
        .from(schema.users)
        .where(eq(schema.users.id, current.authorId))
        .get()
    : undefined;
  const details: VersionConflictDetails = {
    currentVersionId: current?.id ?? null,
    currentVersionNumber: current?.number ?? null,
    authorName: author?.name ?? null,
    savedAt: current?.createdAt.toISOString() ?? null,
    title: current?.title ?? "",
    summary: current?.summary ?? "",
    body: current?.body ?? "",
    answers: current
      ? answersOf(tx, current.id).map((a) => ({ channel: a.channel, subject: a.subject, body: a.body }))
      : [],
  };
  throw new ConflictError(
    "version_conflict",
    `${details.authorName ?? "Qualcuno"} ha salvato la versione ${details.currentVersionNumber ?? "?"} mentre modificavi. Il tuo testo non è stato perso.`,
    details,
  );
}

function currentVersionOf(tx: Tx, article: Article): ArticleVersion | undefined {
  return article.currentVersionId
    ? tx
        .select()
        .from(schema.articleVersions)
        .where(eq(schema.articleVersions.id, article.currentVersionId))
        .get()
    : undefined;
}

/** Inserts the version and moves the article's pointers, with fact usage, audit, workflow event and outbox. */
function commitVersion(
  tx: Tx,
  fresh: Article,
  current: ArticleVersion,
  input: SaveArticleInput,
  actor: Actor,
): SavedVersion {
  const version = insertVersion(tx, fresh, current, input, actor?.id ?? null);
  const updated = tx
    .update(schema.articles)
    .set({
      currentVersionId: version.id,
      // A draft saved on an archived article stays archived: only "unarchive" brings it back (and re-indexes it).
      status: input.publish ? "published" : fresh.status === "archived" ? "archived" : "draft",
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
  recordWorkflowEvent(tx, fresh.id, version.id, input.publish ? "publish" : "save", actor, input.changeNote);
  if (input.publish) enqueueSearchSync(tx, [fresh.id], "publish");
  return { article: updated, version, published: input.publish };
}

/** Metadata an edit may change. `ownerId: undefined` leaves the owner as it is; `archived` toggles archiving. */
type MetaChange = {
  locale: Article["locale"];
  translationGroup: string;
  productSlug: string;
  categorySlug: string;
  visibility: Article["visibility"];
  tags: string[];
  reviewBy: string | null;
  ownerId?: number | null;
  archived?: boolean;
};

/**
 * Applies metadata inside the caller's transaction; returns whether anything changed. Anything that changes what
 * readers or indexes see re-syncs search in the same transaction.
 */
function applyMeta(tx: Tx, article: Article, meta: MetaChange, actor: Actor): boolean {
  const { product, category } = resolveTaxonomy(tx, meta);
  let status = article.status;
  if (meta.archived === true) status = "archived";
  else if (meta.archived === false && article.status === "archived") {
    status = article.publishedVersionId ? "published" : "draft";
  }
  const next = {
    locale: meta.locale,
    translationGroup: meta.translationGroup,
    productId: product.id,
    categoryId: category.id,
    visibility: meta.visibility,
    tags: meta.tags,
    reviewBy: meta.reviewBy,
    ownerId: meta.ownerId === undefined ? article.ownerId : meta.ownerId,
    status,
  };
  const changedKeys = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(article[k]),
  );
  if (changedKeys.length === 0) return false;
  tx.update(schema.articles)
    .set({ ...next, updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(eq(schema.articles.id, article.id))
    .run();
  const action =
    status !== article.status
      ? status === "archived"
        ? "article.archive"
        : "article.unarchive"
      : "article.meta_update";
  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action,
    entityType: "article",
    entityId: article.id,
    details: { fields: changedKeys },
  });
  if (status !== article.status) {
    const event = status === "archived" ? "archive" : "unarchive";
    recordWorkflowEvent(tx, article.id, article.currentVersionId, event, actor);
  }
  if (article.publishedVersionId) enqueueSearchSync(tx, [article.id], action);
  return true;
}

/**
 * Updates an article's metadata from an imported file (taxonomy, visibility, tags, owner by e-mail, review date,
 * archived or not). Returns whether anything changed.
 */
export function updateArticleMeta(
  articleId: number,
  meta: ArticleMetaInput,
  actor: Actor,
  db: Db = getDb(),
): boolean {
  return writeTransaction(db, (tx) => {
    const article = tx.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
    if (!article) throw new NotFoundError("article_not_found", "Articolo non trovato.");
    const owner = findOwner(tx, meta.ownerEmail);
    return applyMeta(
      tx,
      article,
      {
        locale: meta.locale,
        translationGroup: meta.translationGroup,
        productSlug: meta.productSlug,
        categorySlug: meta.categorySlug,
        visibility: meta.visibility,
        tags: meta.tags,
        reviewBy: meta.reviewBy ?? null,
        ownerId: owner?.id,
        archived: meta.status === "archived" ? true : article.status === "archived" ? false : undefined,
      },
      actor,
    );
  });
}

export type SavedEdit = {
  article: Article;
  version: ArticleVersion | null;
  published: boolean;
  metaChanged: boolean;
};

/**
 * The studio's save: metadata and content in one transaction, behind one conflict check. A new version is written
 * only when title, summary, body or an answer changed (or to publish), so editing tags does not bump versions.
 */
export function saveArticleEdit(input: EditArticleInput, actor: Actor, db: Db = getDb()): SavedEdit {
  const facts = getFactMap(db);
  const check = checkVersionContent(input, {
    visibility: input.meta.visibility,
    facts,
    locale: input.meta.locale,
  });
  assertVersionContent(check, input.publish ? "publish" : "save");
  return writeTransaction(db, (tx) => {
    const fresh = tx.select().from(schema.articles).where(eq(schema.articles.id, input.articleId)).get();
    if (!fresh) throw new NotFoundError("article_not_found", "Articolo non trovato.");
    const current = currentVersionOf(tx, fresh);
    assertBaseIsCurrent(tx, current, input.baseVersionId);
    if (input.meta.ownerId) {
      const owner = tx.select().from(schema.users).where(eq(schema.users.id, input.meta.ownerId)).get();
      if (!owner || owner.role === "agent") {
        throw new InvalidError(
          "owner_invalid",
          "Il responsabile deve essere un editor o un amministratore.",
          {
            "meta.ownerId": ["Scegli un editor o un amministratore"],
          },
        );
      }
    }
    const metaChanged = applyMeta(
      tx,
      fresh,
      { ...input.meta, translationGroup: fresh.translationGroup, reviewBy: input.meta.reviewBy ?? null },
      actor,
    );
    const article = tx.select().from(schema.articles).where(eq(schema.articles.id, fresh.id)).get() ?? fresh;
    const contentChanged = !sameVersionContent(tx, current, input);
    if (!contentChanged && !input.publish) return { article, version: null, published: false, metaChanged };
    if (
      !contentChanged &&
      input.publish &&
      article.publishedVersionId === current.id &&
      article.status === "published"
    ) {
      return { article, version: null, published: false, metaChanged };
    }
    const saved = commitVersion(tx, article, current, input, actor);
    return { ...saved, metaChanged };
  });
}

function sameVersionContent(tx: Tx, current: ArticleVersion, input: VersionContentInput): boolean {
  if (current.title !== input.title || current.summary !== input.summary || current.body !== input.body)
    return false;
  const key = (list: { channel: string; subject: string | null; body: string }[]) =>
    JSON.stringify(
      list
        .map((a) => [a.channel, a.subject ?? null, a.body])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  return key(answersOf(tx, current.id)) === key(input.answers);
}
