import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type ArticleStatus, type Db, getDb, type Locale, schema } from "@/lib/db";
import { getSettingValues } from "@/lib/settings";
import {
  mayApprove,
  mayArchive,
  maySendBack,
  maySubmit,
  mayUnarchive,
  type Permission,
  WORKFLOW_SETTINGS,
  type WorkflowActor,
} from "./rules";

export type ReviewQueueItem = {
  articleId: number;
  slug: string;
  title: string;
  locale: Locale;
  product: string;
  versionId: number;
  versionNumber: number;
  authorId: number | null;
  authorName: string | null;
  /** When the version under review was submitted; null only for rows put in review outside the workflow. */
  submittedAt: Date | null;
  /** Whether readers already see an older version of this article. */
  isUpdate: boolean;
  /** Whether the given actor may approve it from the queue (null when no actor was given). */
  approve: Permission | null;
};

/** Articles waiting for a reviewer, the longest-waiting first; with an actor, what they may do with each. */
export function listReviewQueue(actor: WorkflowActor | null = null, db: Db = getDb()): ReviewQueueItem[] {
  const settings = actor ? getSettingValues(WORKFLOW_SETTINGS, db) : null;
  const author = alias(schema.users, "author");
  // The latest submit event of each article; its id orders the queue (ids never tie, timestamps can).
  const submitEventId = sql<number | null>`(
    select max(e.id) from workflow_events e where e.article_id = ${schema.articles.id} and e.action = 'submit'
  )`;
  const rows = db
    .select({
      article: schema.articles,
      title: schema.articleVersions.title,
      versionNumber: schema.articleVersions.number,
      authorId: schema.articleVersions.authorId,
      authorName: author.name,
      productName: schema.products.name,
      submitEventId,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .innerJoin(schema.products, eq(schema.products.id, schema.articles.productId))
    .leftJoin(author, eq(author.id, schema.articleVersions.authorId))
    .where(eq(schema.articles.status, "in_review"))
    .all();
  const eventIds = rows.map((r) => r.submitEventId).filter((id): id is number => id !== null);
  const submittedAt = new Map(
    eventIds.length === 0
      ? []
      : db
          .select({ id: schema.workflowEvents.id, at: schema.workflowEvents.at })
          .from(schema.workflowEvents)
          .where(inArray(schema.workflowEvents.id, eventIds))
          .all()
          .map((e) => [e.id, e.at]),
  );
  return rows
    .sort((a, b) => (a.submitEventId ?? 0) - (b.submitEventId ?? 0) || a.article.id - b.article.id)
    .map((r) => ({
      articleId: r.article.id,
      slug: r.article.slug,
      title: r.title,
      locale: r.article.locale,
      product: r.productName.it,
      versionId: r.article.currentVersionId as number,
      versionNumber: r.versionNumber,
      authorId: r.authorId,
      authorName: r.authorName,
      submittedAt: r.submitEventId !== null ? (submittedAt.get(r.submitEventId) ?? null) : null,
      isUpdate: r.article.publishedVersionId !== null,
      approve:
        actor && settings
          ? mayApprove(actor, { status: r.article.status, authorId: r.authorId }, settings)
          : null,
    }));
}

export type WorkflowActionKey = "submit" | "approve" | "sendBack" | "archive" | "unarchive";

/**
 * What the studio's workflow panel shows and may offer. Plain JSON (dates as ISO strings) so a server component
 * can pass it straight to the client panel.
 */
export type WorkflowState = {
  articleId: number;
  status: ArticleStatus;
  currentVersionId: number;
  currentVersionNumber: number;
  currentAuthorName: string | null;
  /** Null when no version was ever published. */
  publishedVersionNumber: number | null;
  /** Readers see an older version than the working copy. */
  hasUnpublishedChanges: boolean;
  /** When the working copy was submitted, while it is in review. */
  submittedAt: string | null;
  /** The latest reviewer's comment, until a later version is published. */
  lastSendBack: { comment: string; byName: string | null; at: string; versionNumber: number | null } | null;
  requireDistinctApprover: boolean;
  /** Per action: allowed, or why not (shown next to the disabled button). */
  actions: Record<WorkflowActionKey, Permission>;
};

/** The panel's state for one article as seen by this actor; null when the article does not exist. */
export function getWorkflowState(
  articleId: number,
  actor: WorkflowActor,
  db: Db = getDb(),
): WorkflowState | null {
  const article = db.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  if (!article?.currentVersionId) return null;
  const current = db
    .select()
    .from(schema.articleVersions)
    .where(eq(schema.articleVersions.id, article.currentVersionId))
    .get();
  if (!current) return null;
  const published = article.publishedVersionId
    ? db
        .select({ number: schema.articleVersions.number })
        .from(schema.articleVersions)
        .where(eq(schema.articleVersions.id, article.publishedVersionId))
        .get()
    : undefined;
  const authorName = current.authorId
    ? (db
        .select({ name: schema.users.name })
        .from(schema.users)
        .where(eq(schema.users.id, current.authorId))
        .get()?.name ?? null)
    : null;

  const actorUser = alias(schema.users, "actor_user");
  const eventVersion = alias(schema.articleVersions, "event_version");
  const events = db
    .select({
      action: schema.workflowEvents.action,
      comment: schema.workflowEvents.comment,
      at: schema.workflowEvents.at,
      byName: actorUser.name,
      versionNumber: eventVersion.number,
    })
    .from(schema.workflowEvents)
    .leftJoin(actorUser, eq(actorUser.id, schema.workflowEvents.actorId))
    .leftJoin(eventVersion, eq(eventVersion.id, schema.workflowEvents.versionId))
    .where(
      and(
        eq(schema.workflowEvents.articleId, article.id),
        inArray(schema.workflowEvents.action, ["submit", "send_back", "publish"]),
      ),
    )
    .orderBy(desc(schema.workflowEvents.id))
    .limit(50)
    .all();
  // A send-back matters until something is published after it; events are newest first.
  const lastPublishIndex = events.findIndex((e) => e.action === "publish");
  const sendBackIndex = events.findIndex((e) => e.action === "send_back");
  const sendBack =
    sendBackIndex >= 0 && (lastPublishIndex < 0 || sendBackIndex < lastPublishIndex)
      ? events[sendBackIndex]
      : undefined;
  const submit = article.status === "in_review" ? events.find((e) => e.action === "submit") : undefined;

  const settings = getSettingValues(WORKFLOW_SETTINGS, db);
  const s = {
    status: article.status,
    authorId: current.authorId,
  };
  return {
    articleId: article.id,
    status: article.status,
    currentVersionId: current.id,
    currentVersionNumber: current.number,
    currentAuthorName: authorName,
    publishedVersionNumber: published?.number ?? null,
    hasUnpublishedChanges:
      article.publishedVersionId !== null && article.publishedVersionId !== article.currentVersionId,
    submittedAt: submit ? submit.at.toISOString() : null,
    lastSendBack: sendBack
      ? {
          comment: sendBack.comment ?? "",
          byName: sendBack.byName,
          at: sendBack.at.toISOString(),
          versionNumber: sendBack.versionNumber,
        }
      : null,
    requireDistinctApprover: settings.requireDistinctApprover,
    actions: {
      submit: maySubmit(actor, s),
      approve: mayApprove(actor, s, settings),
      sendBack: maySendBack(actor, s),
      archive: mayArchive(actor, s),
      unarchive: mayUnarchive(actor, s),
    },
  };
}
