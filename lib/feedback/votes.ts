import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { type Db, getDb, schema, writeTransaction } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { HelpfulCommentInput, HelpfulVoteInput } from "./input";

export type RecordedVote = {
  id: number;
  articleId: number;
  slug: string;
  versionNumber: number;
  helpful: boolean;
  comment: string | null;
  at: Date;
};

type Target = { slug?: string; articleId?: number };
type Tx = Pick<Db, "select">;

/**
 * The article as the portal shows it, with its published version number. Internal, never-published and archived
 * articles are "not found": a visitor cannot even learn they exist (STYLE.md "hidden content gets 404").
 */
function publicArticle(db: Tx, target: Target): { id: number; slug: string; publishedNumber: number } {
  const row = db
    .select({
      id: schema.articles.id,
      slug: schema.articles.slug,
      visibility: schema.articles.visibility,
      status: schema.articles.status,
      publishedNumber: schema.articleVersions.number,
    })
    .from(schema.articles)
    .innerJoin(schema.articleVersions, eq(schema.articleVersions.id, schema.articles.publishedVersionId))
    .where(
      target.slug !== undefined
        ? eq(schema.articles.slug, target.slug)
        : eq(schema.articles.id, target.articleId ?? -1),
    )
    .get();
  if (row?.visibility !== "public" || row.status === "archived") {
    throw new NotFoundError("article_not_found", "Articolo non trovato.");
  }
  return { id: row.id, slug: row.slug, publishedNumber: row.publishedNumber };
}

/**
 * One visitor's yes/no on the published version they read. A vote on a version that is no longer the published one
 * is refused (the visitor rated text that has changed); a second vote on the same version is refused too: the
 * yes/no is final, only a comment may be added later (addHelpfulComment). Why: docs/decisions/016-helpful-votes.md.
 */
export function recordHelpfulVote(raw: HelpfulVoteInput, db: Db = getDb()): RecordedVote {
  const input = HelpfulVoteInput.parse(raw);
  return writeTransaction(db, (tx) => {
    const article = publicArticle(tx, input);
    if (article.publishedNumber !== input.versionNumber) {
      throw new ConflictError("article_changed", "L'articolo è cambiato: ricarica la pagina.", {
        publishedVersion: article.publishedNumber,
      });
    }
    // The unique (article, version, visitor) index decides, so two simultaneous requests cannot both count.
    const vote = tx
      .insert(schema.helpfulVotes)
      .values({
        articleId: article.id,
        versionNumber: input.versionNumber,
        visitorId: input.visitorId,
        helpful: input.helpful,
        comment: input.comment,
      })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!vote) throw new ConflictError("already_voted", "Hai già votato questa versione dell'articolo.");
    return { ...toRecorded(vote), slug: article.slug };
  });
}

/**
 * The comment a visitor adds to the vote they just cast, once. It names the version it was voted on, which may no
 * longer be the published one by then: the comment is about what the visitor read, so it still belongs there.
 */
export function addHelpfulComment(raw: HelpfulCommentInput, db: Db = getDb()): RecordedVote {
  const input = HelpfulCommentInput.parse(raw);
  return writeTransaction(db, (tx) => {
    const article = publicArticle(tx, input);
    const sameVote = and(
      eq(schema.helpfulVotes.articleId, article.id),
      eq(schema.helpfulVotes.versionNumber, input.versionNumber),
      eq(schema.helpfulVotes.visitorId, input.visitorId),
    );
    const updated = tx
      .update(schema.helpfulVotes)
      .set({ comment: input.comment })
      .where(and(sameVote, isNull(schema.helpfulVotes.comment)))
      .returning()
      .get();
    if (updated) return { ...toRecorded(updated), slug: article.slug };
    const existing = tx
      .select({ id: schema.helpfulVotes.id })
      .from(schema.helpfulVotes)
      .where(sameVote)
      .get();
    if (!existing) throw new NotFoundError("vote_not_found", "Nessun voto da commentare.");
    throw new ConflictError("comment_already_added", "Hai già lasciato un commento su questa versione.");
  });
}

function toRecorded(vote: typeof schema.helpfulVotes.$inferSelect): Omit<RecordedVote, "slug"> {
  return {
    id: vote.id,
    articleId: vote.articleId,
    versionNumber: vote.versionNumber,
    helpful: vote.helpful,
    comment: vote.comment,
    at: vote.at,
  };
}
