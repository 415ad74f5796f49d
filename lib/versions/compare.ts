import "server-only";
import { asc, eq } from "drizzle-orm";
import { type ArticleVersion, type Db, getDb, schema } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { buildDiffSections, type DiffableContent, type DiffSection } from "./diff";

export type ComparedVersion = Pick<ArticleVersion, "id" | "number" | "title" | "createdAt" | "changeNote"> & {
  authorName: string | null;
};

export type VersionDiff = {
  from: ComparedVersion;
  to: ComparedVersion;
  sections: DiffSection[];
};

/** A version of this article with its answers, or NotFoundError: a version id from another article is unknown here. */
export function requireArticleVersion(
  articleId: number,
  versionId: number,
  db: Db = getDb(),
): { version: ArticleVersion; authorName: string | null; content: DiffableContent } {
  const row = db
    .select({ version: schema.articleVersions, authorName: schema.users.name })
    .from(schema.articleVersions)
    .leftJoin(schema.users, eq(schema.users.id, schema.articleVersions.authorId))
    .where(eq(schema.articleVersions.id, versionId))
    .get();
  if (!row || row.version.articleId !== articleId) {
    throw new NotFoundError("version_not_found", "Versione non trovata per questo articolo.");
  }
  const answers = db
    .select()
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, versionId))
    .orderBy(asc(schema.channelAnswers.id))
    .all();
  const { version } = row;
  return {
    version,
    authorName: row.authorName,
    content: {
      title: version.title,
      summary: version.summary,
      body: version.body,
      answers: answers.map((a) => ({ channel: a.channel, subject: a.subject, body: a.body })),
    },
  };
}

function compared(version: ArticleVersion, authorName: string | null): ComparedVersion {
  const { id, number, title, createdAt, changeNote } = version;
  return { id, number, title, createdAt, changeNote, authorName };
}

/** Word-by-word diff of two versions of one article, section by section (see buildDiffSections). */
export function diffVersions(
  articleId: number,
  fromVersionId: number,
  toVersionId: number,
  db: Db = getDb(),
): VersionDiff {
  const from = requireArticleVersion(articleId, fromVersionId, db);
  const to = requireArticleVersion(articleId, toVersionId, db);
  return {
    from: compared(from.version, from.authorName),
    to: compared(to.version, to.authorName),
    sections: buildDiffSections(from.content, to.content),
  };
}
