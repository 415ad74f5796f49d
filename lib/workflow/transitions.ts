import "server-only";
import { eq, sql } from "drizzle-orm";
import {
  assertVersionContent,
  checkVersionContent,
  recordWorkflowEvent,
  refreshFactUsage,
} from "@/lib/articles";
import { recordAudit } from "@/lib/audit";
import type { ChannelKey } from "@/lib/channels";
import {
  type Article,
  type ArticleStatus,
  type ArticleVersion,
  type Db,
  enqueueSearchSync,
  getDb,
  schema,
  writeTransaction,
} from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { type FactMap, getFactMap } from "@/lib/facts";
import { getSettingValues } from "@/lib/settings";
import { SendBackComment } from "./input";
import {
  directPublishBlockedReason,
  isEditor,
  mayApprove,
  mayArchive,
  maySendBack,
  maySubmit,
  mayUnarchive,
  NOT_AN_EDITOR,
  type Permission,
  statusAfterUnarchive,
  WORKFLOW_SETTINGS,
  type WorkflowActor,
} from "./rules";

// Each transition is one synchronous SQLite transaction (drizzle-orm#5063): the state check, the status change,
// the workflow event, the audit entry and — when readers' view changes — the search outbox row commit together.

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: "bozza",
  in_review: "in revisione",
  published: "pubblicato",
  archived: "archiviato",
};

function loadArticle(tx: Tx, articleId: number): { article: Article; current: ArticleVersion } {
  const article = tx.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  const current = article?.currentVersionId
    ? tx
        .select()
        .from(schema.articleVersions)
        .where(eq(schema.articleVersions.id, article.currentVersionId))
        .get()
    : undefined;
  if (!article || !current) throw new NotFoundError("article_not_found", "Articolo non trovato.");
  return { article, current };
}

/** The caller acted on a version that is no longer the working copy: someone saved in between. */
function assertCurrent(current: ArticleVersion, versionId: number): void {
  if (current.id === versionId) return;
  throw new ConflictError(
    "version_conflict",
    `Nel frattempo è stata salvata la versione ${current.number}: ricarica la pagina e controllala.`,
    { currentVersionId: current.id, currentVersionNumber: current.number },
  );
}

/**
 * A refusal because of the article's state is a conflict (someone moved it meanwhile); a refusal because of who
 * asks (role, distinct-approver rule) is forbidden.
 */
function assertPermitted(
  permission: Permission,
  actor: WorkflowActor,
  article: Article,
  expected: ArticleStatus[],
): void {
  if (permission.allowed) return;
  if (!isEditor(actor)) throw new ForbiddenError(NOT_AN_EDITOR);
  if (!expected.includes(article.status)) {
    throw new ConflictError(
      "workflow_conflict",
      `${permission.reason} Stato attuale: ${STATUS_LABEL[article.status]}.`,
      { status: article.status },
    );
  }
  throw new ForbiddenError(permission.reason);
}

/** Publish checks (CHANNELS.md) on a stored version: a version may be saved as a draft with channel errors. */
function assertPublishable(tx: Tx, article: Article, version: ArticleVersion, facts: FactMap): void {
  const answers = tx
    .select()
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, version.id))
    .all();
  const check = checkVersionContent(
    {
      body: version.body,
      answers: answers.map((a) => ({ channel: a.channel as ChannelKey, subject: a.subject, body: a.body })),
    },
    { visibility: article.visibility, facts, locale: article.locale },
  );
  assertVersionContent(check, "publish");
}

function setStatus(
  tx: Tx,
  articleId: number,
  patch: Partial<Pick<Article, "status" | "publishedVersionId">>,
) {
  return tx
    .update(schema.articles)
    .set({ ...patch, updatedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(eq(schema.articles.id, articleId))
    .returning()
    .get();
}

function situation(article: Article, current: ArticleVersion) {
  return {
    status: article.status,
    authorId: current.authorId,
  };
}

/**
 * Draft → in review. The base is the version the author looked at: submitting after someone else saved would send
 * a text the author never read. The content must already pass the publish checks, so reviewers judge the wording,
 * not a 300-character tweet.
 */
export function submitForReview(
  articleId: number,
  baseVersionId: number,
  actor: WorkflowActor,
  db: Db = getDb(),
): Article {
  const facts = getFactMap(db);
  return writeTransaction(db, (tx) => {
    const { article, current } = loadArticle(tx, articleId);
    assertCurrent(current, baseVersionId);
    assertPermitted(maySubmit(actor, situation(article, current)), actor, article, ["draft"]);
    assertPublishable(tx, article, current, facts);
    const updated = setStatus(tx, article.id, { status: "in_review" });
    recordWorkflowEvent(tx, article.id, current.id, "submit", actor);
    recordAudit(tx, {
      actorId: actor.id,
      action: "article.submit",
      entityType: "article",
      entityId: article.id,
      details: { version: current.number },
    });
    return updated;
  });
}

/**
 * In review → published: the reviewed version becomes the one readers see. The publish checks run again because a
 * fact may have been deleted or turned internal since the submission.
 */
export function approve(
  articleId: number,
  versionId: number,
  actor: WorkflowActor,
  db: Db = getDb(),
): Article {
  const facts = getFactMap(db);
  const settings = getSettingValues(WORKFLOW_SETTINGS, db);
  return writeTransaction(db, (tx) => {
    const { article, current } = loadArticle(tx, articleId);
    assertCurrent(current, versionId);
    assertPermitted(mayApprove(actor, situation(article, current), settings), actor, article, ["in_review"]);
    assertPublishable(tx, article, current, facts);
    const updated = setStatus(tx, article.id, { status: "published", publishedVersionId: current.id });
    // The published version changed: keep "which articles use which fact" exact for re-indexing.
    refreshFactUsage(tx, article.id);
    recordWorkflowEvent(tx, article.id, current.id, "approve", actor);
    recordWorkflowEvent(tx, article.id, current.id, "publish", actor);
    recordAudit(tx, {
      actorId: actor.id,
      action: "article.publish",
      entityType: "article",
      entityId: article.id,
      details: {
        version: current.number,
        via: "review",
        previousVersionId: article.publishedVersionId ?? undefined,
      },
    });
    enqueueSearchSync(tx, [article.id], "publish");
    return updated;
  });
}

/** In review → draft, with the reviewer's comment. Readers keep seeing whatever was published before. */
export function sendBack(
  articleId: number,
  versionId: number,
  comment: string,
  actor: WorkflowActor,
  db: Db = getDb(),
): Article {
  const parsed = SendBackComment.safeParse(comment);
  if (!parsed.success) {
    throw new InvalidError("comment_invalid", parsed.error.issues[0]?.message ?? "Commento non valido.", {
      comment: parsed.error.issues.map((i) => i.message),
    });
  }
  return writeTransaction(db, (tx) => {
    const { article, current } = loadArticle(tx, articleId);
    assertCurrent(current, versionId);
    assertPermitted(maySendBack(actor, situation(article, current)), actor, article, ["in_review"]);
    const updated = setStatus(tx, article.id, { status: "draft" });
    recordWorkflowEvent(tx, article.id, current.id, "send_back", actor, parsed.data);
    recordAudit(tx, {
      actorId: actor.id,
      action: "article.send_back",
      entityType: "article",
      entityId: article.id,
      details: { version: current.number, comment: parsed.data },
    });
    return updated;
  });
}

/**
 * Any state → archived. The published version id is kept so the article can come back as it was; every reader
 * query treats archived as unpublished, and the outbox row takes it out of both indexes.
 */
export function archiveArticle(articleId: number, actor: WorkflowActor, db: Db = getDb()): Article {
  return writeTransaction(db, (tx) => {
    const { article, current } = loadArticle(tx, articleId);
    assertPermitted(mayArchive(actor, situation(article, current)), actor, article, [
      "draft",
      "in_review",
      "published",
    ]);
    const updated = setStatus(tx, article.id, { status: "archived" });
    recordWorkflowEvent(tx, article.id, current.id, "archive", actor);
    recordAudit(tx, {
      actorId: actor.id,
      action: "article.archive",
      entityType: "article",
      entityId: article.id,
      details: { previousStatus: article.status },
    });
    if (article.publishedVersionId !== null) enqueueSearchSync(tx, [article.id], "archive");
    return updated;
  });
}

/** Archived → published when a version was published (readers see it again), else draft. */
export function unarchiveArticle(articleId: number, actor: WorkflowActor, db: Db = getDb()): Article {
  return writeTransaction(db, (tx) => {
    const { article, current } = loadArticle(tx, articleId);
    assertPermitted(mayUnarchive(actor, situation(article, current)), actor, article, ["archived"]);
    const status = statusAfterUnarchive(article.currentVersionId, article.publishedVersionId);
    const updated = setStatus(tx, article.id, { status });
    recordWorkflowEvent(tx, article.id, current.id, "unarchive", actor);
    recordAudit(tx, {
      actorId: actor.id,
      action: "article.unarchive",
      entityType: "article",
      entityId: article.id,
      details: { status },
    });
    if (article.publishedVersionId !== null) enqueueSearchSync(tx, [article.id], "unarchive");
    return updated;
  });
}

/**
 * For the editor's "Salva e pubblica": throws a ForbiddenError when the distinct-approver rule requires a review
 * (see rules.ts). `authorId` is the author of the version about to be published — in the editor, the actor.
 */
export function assertMayPublishDirectly(
  actor: WorkflowActor,
  authorId: number | null,
  db: Db = getDb(),
): void {
  const reason = directPublishBlockedReason(actor, authorId, getSettingValues(WORKFLOW_SETTINGS, db));
  if (reason) throw new ForbiddenError(reason);
}
