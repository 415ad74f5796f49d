import "server-only";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { recordAudit } from "@/lib/audit";
import { type AgentFlag, type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { FlagArticleInput } from "./input";

export type FlagActor = { id: number };

/**
 * Files an agent's flag on the version they were reading. The version must belong to the article, so a flag can
 * never point at another article's text. Role checks stay in app/ (any signed-in agent, editor or admin may flag).
 */
export function flagArticle(input: FlagArticleInput, agent: FlagActor, db: Db = getDb()): AgentFlag {
  return writeTransaction(db, (tx) => {
    const article = tx
      .select({ id: schema.articles.id, status: schema.articles.status })
      .from(schema.articles)
      .where(eq(schema.articles.id, input.articleId))
      .get();
    if (!article) throw new NotFoundError("article_not_found", "Articolo non trovato.");
    const version = tx
      .select({ articleId: schema.articleVersions.articleId })
      .from(schema.articleVersions)
      .where(eq(schema.articleVersions.id, input.versionId))
      .get();
    if (version?.articleId !== article.id) {
      throw new InvalidError("flag_version_mismatch", "La versione indicata non è di questo articolo.", {
        versionId: ["Versione non valida per questo articolo"],
      });
    }
    const flag = tx
      .insert(schema.agentFlags)
      .values({
        articleId: article.id,
        versionId: input.versionId,
        channel: input.channel ?? null,
        reason: input.reason,
        createdBy: agent.id,
      })
      .returning()
      .get();
    recordAudit(tx, {
      actorId: agent.id,
      action: "flag.create",
      entityType: "agent_flag",
      entityId: flag.id,
      details: { articleId: article.id, versionId: input.versionId, channel: input.channel ?? null },
    });
    return flag;
  });
}

/** Marks a flag handled. Resolving twice is a conflict, so two editors learn that someone else got there first. */
export function resolveFlag(flagId: number, editor: FlagActor, db: Db = getDb()): AgentFlag {
  return writeTransaction(db, (tx) => {
    const flag = tx.select().from(schema.agentFlags).where(eq(schema.agentFlags.id, flagId)).get();
    if (!flag) throw new NotFoundError("flag_not_found", "Segnalazione non trovata.");
    if (flag.resolvedAt) {
      throw new ConflictError("flag_already_resolved", "Questa segnalazione è già stata risolta.", {
        resolvedAt: flag.resolvedAt,
        resolvedBy: flag.resolvedBy,
      });
    }
    const resolved = tx
      .update(schema.agentFlags)
      .set({ resolvedAt: new Date(), resolvedBy: editor.id })
      .where(and(eq(schema.agentFlags.id, flagId), isNull(schema.agentFlags.resolvedAt)))
      .returning()
      .get();
    recordAudit(tx, {
      actorId: editor.id,
      action: "flag.resolve",
      entityType: "agent_flag",
      entityId: flagId,
      details: { articleId: flag.articleId, channel: flag.channel },
    });
    return resolved;
  });
}

export type OpenFlagRow = {
  id: number;
  articleId: number;
  articleSlug: string;
  /** The working copy's title, as editors know the article. */
  articleTitle: string;
  versionId: number | null;
  versionNumber: number | null;
  channel: string | null;
  reason: string;
  createdAt: Date;
  createdBy: number | null;
  createdByName: string | null;
};

/** Unresolved flags, oldest first (they have waited longest), for one article or all. */
export function listOpenFlags(articleId?: number, db: Db = getDb()): OpenFlagRow[] {
  const flaggedVersion = alias(schema.articleVersions, "flagged_version");
  const where: SQL[] = [isNull(schema.agentFlags.resolvedAt)];
  if (articleId !== undefined) where.push(eq(schema.agentFlags.articleId, articleId));
  return db
    .select({
      id: schema.agentFlags.id,
      articleId: schema.agentFlags.articleId,
      articleSlug: schema.articles.slug,
      articleTitle: schema.articleVersions.title,
      versionId: schema.agentFlags.versionId,
      versionNumber: flaggedVersion.number,
      channel: schema.agentFlags.channel,
      reason: schema.agentFlags.reason,
      createdAt: schema.agentFlags.createdAt,
      createdBy: schema.agentFlags.createdBy,
      createdByName: schema.users.name,
    })
    .from(schema.agentFlags)
    .innerJoin(schema.articles, eq(schema.articles.id, schema.agentFlags.articleId))
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.currentVersionId))
    .leftJoin(flaggedVersion, eq(flaggedVersion.id, schema.agentFlags.versionId))
    .leftJoin(schema.users, eq(schema.users.id, schema.agentFlags.createdBy))
    .where(and(...where))
    .orderBy(asc(schema.agentFlags.createdAt), asc(schema.agentFlags.id))
    .all();
}
