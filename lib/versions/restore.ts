import "server-only";
import { z } from "zod";
import { type Actor, recordWorkflowEvent, saveArticleVersion } from "@/lib/articles";
import { recordAudit } from "@/lib/audit";
import { isChannelKey } from "@/lib/channels";
import { type ArticleVersion, type Db, getDb } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import { requireArticleVersion } from "./compare";
import { restoreNote } from "./status";

export const RestoreVersionInput = z.object({
  articleId: z.coerce.number().int().positive(),
  /** The old version whose content comes back. */
  versionId: z.coerce.number().int().positive(),
  /** The current version the editor saw: if someone saved since, the restore is a conflict like any save. */
  baseVersionId: z.coerce.number().int().positive(),
});
export type RestoreVersionInput = z.infer<typeof RestoreVersionInput>;

export type RestoredVersion = {
  version: ArticleVersion;
  restoredFrom: Pick<ArticleVersion, "id" | "number">;
};

/**
 * Restores an old version as a NEW draft version with the same title, summary, body and answers: history is never
 * rewritten (docs/decisions/003-versions-and-outbox.md) and the live version stays live until someone publishes.
 * Throws ConflictError (version_conflict) when `baseVersionId` is no longer current, NotFoundError for a version of
 * another article, InvalidError when the old content no longer passes today's checks (e.g. a fact was deleted).
 */
export function restoreVersion(input: RestoreVersionInput, actor: Actor, db: Db = getDb()): RestoredVersion {
  // IMMEDIATE takes the write lock first, so the conflict check and the writes below see the same state even with
  // several app servers on one file. saveArticleVersion's own transaction nests: better-sqlite3 runs a transaction
  // function called inside another as a savepoint, so a conflict or invalid content rolls back everything here.
  return db.transaction(
    (tx) => {
      const source = requireArticleVersion(input.articleId, input.versionId, db);
      if (source.version.id === input.baseVersionId) {
        throw new InvalidError("version_already_current", "Questa è già la versione corrente.");
      }
      const changeNote = restoreNote(source.version.number);
      const saved = saveArticleVersion(
        {
          articleId: input.articleId,
          baseVersionId: input.baseVersionId,
          title: source.content.title,
          summary: source.content.summary,
          body: source.content.body,
          changeNote,
          answers: source.content.answers.flatMap((a) =>
            isChannelKey(a.channel) ? [{ channel: a.channel, subject: a.subject, body: a.body }] : [],
          ),
          publish: false,
        },
        actor,
        db,
      );
      recordWorkflowEvent(tx, input.articleId, saved.version.id, "restore", actor, changeNote);
      recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: "article.restore",
        entityType: "article",
        entityId: input.articleId,
        details: {
          version: saved.version.number,
          restoredFromVersion: source.version.number,
          restoredFromVersionId: source.version.id,
        },
      });
      return {
        version: saved.version,
        restoredFrom: { id: source.version.id, number: source.version.number },
      };
    },
    { behavior: "immediate" },
  );
}
