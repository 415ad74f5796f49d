import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { FlagArticleInput, flagArticle, listOpenFlags, resolveFlag } from "@/lib/flags";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

function auditFor(entityId: number) {
  return getDb()
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityId, String(entityId)))
    .all()
    .filter((e) => e.entityType === "agent_flag");
}

function flagCount(): number {
  return (getDb().$client.prepare("select count(*) n from agent_flags").get() as { n: number }).n;
}

describe("agent flags", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  let agent: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("flags");
    seedTaxonomy();
    editor = insertTestUser("editor");
    agent = insertTestUser("agent");
  });
  afterAll(() => env.cleanup());

  it("files, lists and resolves a flag, auditing both steps", () => {
    const { article, version } = makeArticle(
      { slug: "segnalazione-ciclo", content: { title: "Modem" } },
      editor,
    );
    const flag = flagArticle(
      FlagArticleInput.parse({
        articleId: String(article.id),
        versionId: String(version.id),
        channel: "sms",
        reason: "  Il numero verde è cambiato\r\n",
      }),
      agent,
    );
    expect(flag).toMatchObject({
      articleId: article.id,
      versionId: version.id,
      channel: "sms",
      reason: "Il numero verde è cambiato",
      createdBy: agent.id,
      resolvedAt: null,
      resolvedBy: null,
    });
    expect(auditFor(flag.id)).toMatchObject([
      {
        action: "flag.create",
        actorId: agent.id,
        details: { articleId: article.id, versionId: version.id, channel: "sms" },
      },
    ]);

    const open = listOpenFlags(article.id);
    expect(open).toEqual([
      {
        id: flag.id,
        articleId: article.id,
        articleSlug: "segnalazione-ciclo",
        articleTitle: "Modem",
        versionId: version.id,
        versionNumber: 1,
        channel: "sms",
        reason: "Il numero verde è cambiato",
        createdAt: flag.createdAt,
        createdBy: agent.id,
        createdByName: "Test agent",
      },
    ]);

    const resolved = resolveFlag(flag.id, editor);
    expect(resolved.resolvedBy).toBe(editor.id);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(listOpenFlags(article.id)).toEqual([]);
    expect(auditFor(flag.id).map((e) => [e.action, e.actorId])).toEqual([
      ["flag.create", agent.id],
      ["flag.resolve", editor.id],
    ]);

    expect(() => resolveFlag(flag.id, editor)).toThrow(ConflictError);
    expect(auditFor(flag.id)).toHaveLength(2);
  });

  it("files an article-wide flag when no channel is chosen", () => {
    const { article, version } = makeArticle({ slug: "segnalazione-intera" }, editor);
    const input = FlagArticleInput.parse({
      articleId: article.id,
      versionId: version.id,
      channel: "",
      reason: "Tutto da rivedere",
    });
    expect(input.channel).toBeUndefined();
    expect(flagArticle(input, agent).channel).toBeNull();
  });

  it("lists open flags of every article, oldest first", () => {
    const a = makeArticle({ slug: "segnalazione-prima" }, editor);
    const b = makeArticle({ slug: "segnalazione-seconda" }, editor);
    const first = flagArticle({ articleId: b.article.id, versionId: b.version.id, reason: "uno" }, agent);
    const second = flagArticle({ articleId: a.article.id, versionId: a.version.id, reason: "due" }, agent);
    const ids = listOpenFlags().map((f) => f.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(listOpenFlags(a.article.id).map((f) => f.id)).toEqual([second.id]);
  });

  it("refuses a version of another article, an unknown article and an unknown flag, writing nothing", () => {
    const a = makeArticle({ slug: "segnalazione-a" }, editor);
    const b = makeArticle({ slug: "segnalazione-b" }, editor);
    const before = flagCount();
    expect(() =>
      flagArticle({ articleId: a.article.id, versionId: b.version.id, reason: "x" }, agent),
    ).toThrow(InvalidError);
    expect(() => flagArticle({ articleId: 999_999, versionId: a.version.id, reason: "x" }, agent)).toThrow(
      NotFoundError,
    );
    expect(() => resolveFlag(999_999, editor)).toThrow(NotFoundError);
    expect(flagCount()).toBe(before);
  });

  it("parses flag input strictly: reason 1 to 1000 characters, known channels only", () => {
    const base = { articleId: 1, versionId: 1 };
    expect(FlagArticleInput.safeParse({ ...base, reason: "   " }).success).toBe(false);
    expect(FlagArticleInput.safeParse({ ...base, reason: "x".repeat(1001) }).success).toBe(false);
    expect(FlagArticleInput.safeParse({ ...base, reason: "x".repeat(1000) }).success).toBe(true);
    expect(FlagArticleInput.safeParse({ ...base, reason: "ok", channel: "portal" }).success).toBe(false);
    expect(FlagArticleInput.safeParse({ ...base, reason: "ok", channel: "fax" }).success).toBe(false);
    expect(FlagArticleInput.safeParse({ articleId: "abc", versionId: 1, reason: "ok" }).success).toBe(false);
  });
});
