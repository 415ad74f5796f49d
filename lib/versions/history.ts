import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type Article, type Db, getDb, schema, type WorkflowAction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { ACTION_LABEL, type VersionStatus, versionStatus } from "./status";

export type VersionEvent = {
  id: number;
  action: WorkflowAction;
  /** Italian, for the timeline ("Inviata in revisione"). */
  actionLabel: string;
  actorName: string | null;
  at: Date;
  comment: string | null;
  versionId: number | null;
  versionNumber: number | null;
};

export type VersionHistoryEntry = {
  id: number;
  number: number;
  title: string;
  authorName: string | null;
  createdAt: Date;
  changeNote: string;
  status: VersionStatus;
  statusLabel: string;
  /** The working copy (article.currentVersionId). */
  isCurrent: boolean;
  /** What agents and the portal see now (article.publishedVersionId, article not archived). */
  isLive: boolean;
  /** This version's events, oldest first. */
  events: VersionEvent[];
};

export type VersionHistory = {
  article: Pick<Article, "id" | "slug" | "status" | "currentVersionId" | "publishedVersionId">;
  /** Newest first. */
  versions: VersionHistoryEntry[];
  /** Every workflow event of the article, newest first, for the timeline. */
  events: VersionEvent[];
};

/** Every version of an article, newest first, with its author, derived status and events. */
export function listVersionHistory(articleId: number, db: Db = getDb()): VersionHistory {
  const article = db.select().from(schema.articles).where(eq(schema.articles.id, articleId)).get();
  if (!article) throw new NotFoundError("article_not_found", "Articolo non trovato.");

  const versions = db
    .select({ version: schema.articleVersions, authorName: schema.users.name })
    .from(schema.articleVersions)
    .leftJoin(schema.users, eq(schema.users.id, schema.articleVersions.authorId))
    .where(eq(schema.articleVersions.articleId, articleId))
    .orderBy(desc(schema.articleVersions.number))
    .all();

  const eventVersion = alias(schema.articleVersions, "event_version");
  const events: VersionEvent[] = db
    .select({
      event: schema.workflowEvents,
      actorName: schema.users.name,
      versionNumber: eventVersion.number,
    })
    .from(schema.workflowEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.workflowEvents.actorId))
    .leftJoin(eventVersion, eq(eventVersion.id, schema.workflowEvents.versionId))
    .where(eq(schema.workflowEvents.articleId, articleId))
    // Ids, not timestamps: two events in one millisecond (save then restore) keep the order they were written in.
    .orderBy(asc(schema.workflowEvents.id))
    .all()
    .map(({ event, actorName, versionNumber }) => ({
      id: event.id,
      action: event.action,
      actionLabel: ACTION_LABEL[event.action],
      actorName,
      at: event.at,
      comment: event.comment,
      versionId: event.versionId,
      versionNumber,
    }));

  const byVersion = new Map<number, VersionEvent[]>();
  for (const event of events) {
    if (event.versionId === null) continue;
    byVersion.set(event.versionId, [...(byVersion.get(event.versionId) ?? []), event]);
  }
  const liveVersionId = article.status === "archived" ? null : article.publishedVersionId;

  return {
    article: {
      id: article.id,
      slug: article.slug,
      status: article.status,
      currentVersionId: article.currentVersionId,
      publishedVersionId: article.publishedVersionId,
    },
    versions: versions.map(({ version, authorName }) => {
      const own = byVersion.get(version.id) ?? [];
      const { status, label } = versionStatus(own);
      return {
        id: version.id,
        number: version.number,
        title: version.title,
        authorName,
        createdAt: version.createdAt,
        changeNote: version.changeNote,
        status,
        statusLabel: label,
        isCurrent: version.id === article.currentVersionId,
        isLive: version.id === liveVersionId,
        events: own,
      };
    }),
    events: [...events].reverse(),
  };
}
