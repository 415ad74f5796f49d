import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArticleVersion } from "@/lib/articles";
import { getDb, schema } from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { countRowsIn, rawArticle } from "@/lib/test/queries";
import { diffVersions, listVersionHistory, restoreVersion } from "@/lib/versions";

const TABLES = [
  "articles",
  "article_versions",
  "channel_answers",
  "workflow_events",
  "search_outbox",
  "audit_log",
] as const;

const counts = () => countRowsIn(TABLES);
function rawVersions(articleId: number) {
  return getDb()
    .$client.prepare("select * from article_versions where article_id = ? order by id")
    .all(articleId);
}
function rawAnswersOf(articleId: number) {
  return getDb()
    .$client.prepare(
      "select a.* from channel_answers a join article_versions v on v.id = a.version_id where v.article_id = ? order by a.id",
    )
    .all(articleId);
}
function answersOf(versionId: number) {
  return getDb()
    .select({
      channel: schema.channelAnswers.channel,
      subject: schema.channelAnswers.subject,
      body: schema.channelAnswers.body,
    })
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, versionId))
    .all()
    .sort((a, b) => a.channel.localeCompare(b.channel));
}

function recordEvent(articleId: number, versionId: number, action: "submit" | "send_back", comment?: string) {
  getDb()
    .insert(schema.workflowEvents)
    .values({ articleId, versionId, action, comment: comment ?? null })
    .run();
}

describe("version history, diff and restore", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("versions");
    seedTaxonomy();
    editor = insertTestUser("editor");
  });
  afterAll(() => env.cleanup());

  /** v1 published, v2 draft submitted and sent back, v3 published, v4 draft with a WhatsApp answer. */
  function articleWithHistory(slug: string) {
    const { article, version: v1 } = makeArticle(
      {
        slug,
        content: {
          title: "Cambiare l'IBAN",
          body: "Il cambio è gratuito.\n\nServono 5 giorni lavorativi.",
          changeNote: "Prima stesura",
          answers: [{ channel: "sms", subject: null, body: "Cambio IBAN gratuito in 5 giorni." }],
        },
      },
      editor,
    );
    const v2 = saveArticleVersion(nextSave(article.id, { changeNote: "Bozza da rivedere" }), editor).version;
    recordEvent(article.id, v2.id, "submit");
    recordEvent(article.id, v2.id, "send_back", "Manca il costo");
    const v3 = saveArticleVersion(
      nextSave(article.id, {
        body: "Il cambio è gratuito.\n\nServono 3 giorni lavorativi.",
        changeNote: "Tempi aggiornati",
        answers: [{ channel: "sms", subject: null, body: "Cambio IBAN gratuito in 3 giorni." }],
        publish: true,
      }),
      editor,
    ).version;
    const v4 = saveArticleVersion(
      nextSave(article.id, {
        changeNote: "Aggiunto WhatsApp",
        answers: [
          { channel: "sms", subject: null, body: "Cambio IBAN gratuito in 3 giorni." },
          { channel: "whatsapp", subject: null, body: "Il cambio IBAN è *gratuito*." },
        ],
      }),
      editor,
    ).version;
    return { article, v1, v2, v3, v4 };
  }

  it("lists every version newest first with author, note, status and current/live flags", () => {
    const { article, v1, v2, v3, v4 } = articleWithHistory("storia-versioni");
    const history = listVersionHistory(article.id);

    expect(history.versions.map((v) => [v.number, v.statusLabel, v.isCurrent, v.isLive])).toEqual([
      [4, "Bozza", true, false],
      [3, "Pubblicata", false, true],
      [2, "Rimandata", false, false],
      [1, "Pubblicata", false, false],
    ]);
    expect(history.versions.map((v) => v.id)).toEqual([v4.id, v3.id, v2.id, v1.id]);
    const [latest] = history.versions;
    expect(latest).toMatchObject({ authorName: "Test editor", changeNote: "Aggiunto WhatsApp" });
    expect(latest?.createdAt).toBeInstanceOf(Date);

    // The timeline: newest first, with who, what and the reviewer's comment.
    expect(history.events.map((e) => [e.versionNumber, e.action])).toEqual([
      [4, "save"],
      [3, "publish"],
      [2, "send_back"],
      [2, "submit"],
      [2, "save"],
      [1, "publish"],
    ]);
    expect(history.events[2]).toMatchObject({ actionLabel: "Rimandata", comment: "Manca il costo" });
    expect(history.events[0]).toMatchObject({ actorName: "Test editor", actionLabel: "Salvata" });
    expect(history.versions.find((v) => v.number === 2)?.events.map((e) => e.action)).toEqual([
      "save",
      "submit",
      "send_back",
    ]);
  });

  it("shows no live version while the article is archived", () => {
    const { article } = articleWithHistory("storia-archiviata");
    getDb()
      .update(schema.articles)
      .set({ status: "archived" })
      .where(eq(schema.articles.id, article.id))
      .run();
    expect(listVersionHistory(article.id).versions.some((v) => v.isLive)).toBe(false);
  });

  it("refuses an unknown article", () => {
    expect(() => listVersionHistory(999_999)).toThrow(NotFoundError);
  });

  it("marks exactly the changed words in the body and the SMS answer, and a channel added later", () => {
    const { article, v1, v4 } = articleWithHistory("diff-versioni");
    const diff = diffVersions(article.id, v1.id, v4.id);
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(4);

    const byKey = new Map(diff.sections.map((s) => [s.key, s]));
    expect([...byKey.keys()]).toEqual(["title", "summary", "body", "answer.whatsapp", "answer.sms"]);
    expect(byKey.get("title")?.changed).toBe(false);
    expect(byKey.get("summary")?.changed).toBe(false);

    const marked = (key: string, flag: "added" | "removed") =>
      (byKey.get(key)?.parts ?? []).filter((p) => p[flag]).map((p) => p.value);
    expect(byKey.get("body")?.changed).toBe(true);
    expect(marked("body", "removed")).toEqual(["5"]);
    expect(marked("body", "added")).toEqual(["3"]);
    expect(marked("answer.sms", "removed")).toEqual(["5"]);
    expect(marked("answer.sms", "added")).toEqual(["3"]);
    expect(byKey.get("answer.whatsapp")).toMatchObject({
      label: "Risposta WhatsApp",
      changed: true,
      presence: "added",
      parts: [{ value: "Il cambio IBAN è *gratuito*.", added: true }],
    });

    // Swapped sides: the same words, the other way round.
    const back = diffVersions(article.id, v4.id, v1.id);
    expect(back.sections.find((s) => s.key === "answer.whatsapp")?.presence).toBe("removed");
  });

  it("refuses to compare with a version of another article", () => {
    const one = makeArticle({ slug: "diff-altro-uno" }, editor);
    const other = makeArticle({ slug: "diff-altro-due" }, editor);
    expect(() => diffVersions(one.article.id, one.version.id, other.version.id)).toThrow(NotFoundError);
    expect(() => diffVersions(one.article.id, 999_999, one.version.id)).toThrow(NotFoundError);
  });

  it("restores an old version as a new draft: v1..vN unchanged, live version unchanged", () => {
    const { article, v1, v3, v4 } = articleWithHistory("ripristino-versione");
    const versionsBefore = rawVersions(article.id);
    const answersBefore = rawAnswersOf(article.id);
    const before = counts();

    const restored = restoreVersion(
      { articleId: article.id, versionId: v1.id, baseVersionId: v4.id },
      editor,
    );

    expect(restored.restoredFrom).toEqual({ id: v1.id, number: 1 });
    const v5 = restored.version;
    expect(v5).toMatchObject({
      number: 5,
      articleId: article.id,
      title: v1.title,
      summary: v1.summary,
      body: v1.body,
      changeNote: "Ripristinata la versione 1",
      authorId: editor.id,
      basedOnVersionId: v4.id,
    });
    expect(answersOf(v5.id)).toEqual(answersOf(v1.id));

    // Nothing before it changed; it was only added.
    expect(rawVersions(article.id).slice(0, 4)).toEqual(versionsBefore);
    expect(rawAnswersOf(article.id).slice(0, answersBefore.length)).toEqual(answersBefore);
    const row = getDb().select().from(schema.articles).where(eq(schema.articles.id, article.id)).get();
    expect(row?.currentVersionId).toBe(v5.id);
    expect(row?.publishedVersionId).toBe(v3.id);
    expect(row?.status).toBe("draft");

    const after = counts();
    expect(after.article_versions - before.article_versions).toBe(1);
    expect(after.search_outbox - before.search_outbox).toBe(0);
    const audit = getDb()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(article.id)))
      .all()
      .at(-1);
    expect(audit).toMatchObject({
      action: "article.restore",
      actorId: editor.id,
      details: { version: 5, restoredFromVersion: 1, restoredFromVersionId: v1.id },
    });

    const history = listVersionHistory(article.id);
    expect(history.versions[0]).toMatchObject({
      number: 5,
      statusLabel: "Ripristino di v1",
      isCurrent: true,
    });
    expect(history.versions.find((v) => v.isLive)?.number).toBe(3);
    expect(history.events[0]).toMatchObject({
      action: "restore",
      actorName: "Test editor",
      versionNumber: 5,
    });
  });

  it("refuses a restore based on a stale version with a conflict, and writes nothing", () => {
    const { article, v1, v3, v4 } = articleWithHistory("ripristino-conflitto");
    const before = counts();
    const articleBefore = rawArticle(article.id);

    let thrown: unknown;
    try {
      restoreVersion({ articleId: article.id, versionId: v1.id, baseVersionId: v3.id }, editor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConflictError);
    expect((thrown as ConflictError).code).toBe("version_conflict");
    expect((thrown as ConflictError).details).toMatchObject({
      currentVersionId: v4.id,
      currentVersionNumber: 4,
    });
    expect(counts()).toEqual(before);
    expect(rawArticle(article.id)).toEqual(articleBefore);
  });

  it("refuses to restore the current version or a version of another article, writing nothing", () => {
    const { article, v4 } = articleWithHistory("ripristino-rifiutato");
    const other = makeArticle({ slug: "ripristino-altro-articolo" }, editor);
    const before = counts();
    expect(() =>
      restoreVersion({ articleId: article.id, versionId: v4.id, baseVersionId: v4.id }, editor),
    ).toThrow(InvalidError);
    expect(() =>
      restoreVersion({ articleId: article.id, versionId: other.version.id, baseVersionId: v4.id }, editor),
    ).toThrow(NotFoundError);
    expect(counts()).toEqual(before);
  });
});
