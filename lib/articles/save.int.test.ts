import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CreatedArticle,
  getArticleForEdit,
  getPublishedArticle,
  presentArticle,
  saveArticleVersion,
  updateArticleMeta,
} from "@/lib/articles";
import { getDb, schema } from "@/lib/db";
import { ConflictError, InvalidError } from "@/lib/errors";
import { getFactMap } from "@/lib/facts";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { articleRow, auditFor, countRowsIn, outboxFor, rawArticle } from "@/lib/test/queries";

// Values of the facts seeded by seedTaxonomy().
const PUBLIC_PHONE = "800 123 456";
const INTERNAL_QUEUE = "Coda L2 Rete int. 4410";

const TABLES = ["articles", "article_versions", "channel_answers", "search_outbox", "audit_log"] as const;

const counts = () => countRowsIn(TABLES);

/** Raw rows, every column, so "unchanged" means unchanged. */
function rawVersion(id: number) {
  return getDb().$client.prepare("select * from article_versions where id = ?").get(id);
}
function rawAnswers(versionId: number) {
  return getDb()
    .$client.prepare("select * from channel_answers where version_id = ? order by id")
    .all(versionId);
}

function answersOf(versionId: number) {
  return getDb()
    .select()
    .from(schema.channelAnswers)
    .where(eq(schema.channelAnswers.versionId, versionId))
    .all();
}

function factKeysOf(articleId: number): string[] {
  return getDb()
    .select()
    .from(schema.articleFacts)
    .where(eq(schema.articleFacts.articleId, articleId))
    .all()
    .map((r) => r.factKey)
    .sort();
}

function archive(created: CreatedArticle): void {
  const { article } = created;
  updateArticleMeta(
    article.id,
    {
      slug: article.slug,
      locale: article.locale,
      translationGroup: article.translationGroup,
      productSlug: "fibra",
      categorySlug: "guasti",
      visibility: article.visibility,
      status: "archived",
      tags: article.tags,
    },
    null,
  );
}

describe("saving article versions", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("articles-save");
    seedTaxonomy();
    editor = insertTestUser("editor");
  });
  afterAll(() => env.cleanup());

  it("adds version 2 and leaves version 1 exactly as it was", () => {
    const { article, version: v1 } = makeArticle(
      { slug: "versione-immutabile", content: { title: "Titolo uno", body: "Testo uno." } },
      editor,
    );
    expect(v1.number).toBe(1);
    const v1Before = rawVersion(v1.id);
    const v1AnswersBefore = rawAnswers(v1.id);
    expect(v1AnswersBefore).toHaveLength(1);

    const saved = saveArticleVersion(
      nextSave(article.id, {
        title: "Titolo due",
        body: "Testo due.",
        changeNote: "riscritto",
        answers: [{ channel: "sms", subject: null, body: "Nuovo SMS." }],
      }),
      editor,
    );

    expect(saved.version.number).toBe(2);
    expect(saved.version.id).not.toBe(v1.id);
    expect(saved.version).toMatchObject({
      articleId: article.id,
      title: "Titolo due",
      body: "Testo due.",
      changeNote: "riscritto",
      authorId: editor.id,
      basedOnVersionId: v1.id,
    });
    expect(saved.article.currentVersionId).toBe(saved.version.id);
    expect(rawVersion(v1.id)).toEqual(v1Before);
    expect(rawAnswers(v1.id)).toEqual(v1AnswersBefore);
    expect(answersOf(saved.version.id).map((a) => a.body)).toEqual(["Nuovo SMS."]);
  });

  it("refuses a save based on an old version with a conflict, and writes nothing", () => {
    const { article, version: v1 } = makeArticle({ slug: "conflitto-versioni" }, editor);
    const v2 = saveArticleVersion(nextSave(article.id, { body: "Salvato da Anna." }), editor).version;
    const before = counts();
    const articleBefore = rawArticle(article.id);

    let thrown: unknown;
    try {
      saveArticleVersion(nextSave(article.id, { baseVersionId: v1.id, body: "Salvato da Bruno." }), editor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConflictError);
    const conflict = thrown as ConflictError;
    expect(conflict.code).toBe("version_conflict");
    expect(conflict.status).toBe(409);
    // The conflict carries the other person's version, so the editor can show it beside the refused text.
    expect(conflict.details).toMatchObject({
      currentVersionId: v2.id,
      currentVersionNumber: 2,
      authorName: "Test editor",
      body: "Salvato da Anna.",
      answers: [{ channel: "sms", subject: null, body: "Chiama il {{fact.support_phone}}." }],
    });

    expect(counts()).toEqual(before);
    expect(rawArticle(article.id)).toEqual(articleBefore);
    expect(getArticleForEdit(article.id)?.version.body).toBe("Salvato da Anna.");
  });

  it("refuses the same base twice: two editors starting from one version cannot both save", () => {
    const { article, version: v1 } = makeArticle({ slug: "doppio-salvataggio" }, editor);
    saveArticleVersion(nextSave(article.id, { baseVersionId: v1.id, body: "Primo." }), editor);
    expect(() =>
      saveArticleVersion(nextSave(article.id, { baseVersionId: v1.id, body: "Secondo." }), editor),
    ).toThrow(ConflictError);
  });

  it("a draft save keeps readers on the published version", () => {
    const { article, version: v1 } = makeArticle(
      { slug: "bozza-non-pubblicata", content: { title: "Pubblicato", body: "Testo pubblicato." } },
      editor,
    );
    expect(article.publishedVersionId).toBe(v1.id);
    const outboxBefore = outboxFor(article.id).length;

    const saved = saveArticleVersion(
      nextSave(article.id, { title: "Bozza", body: "Testo in bozza." }),
      editor,
    );
    expect(saved.published).toBe(false);
    const row = articleRow(article.id);
    expect(row.status).toBe("draft");
    expect(row.currentVersionId).toBe(saved.version.id);
    expect(row.publishedVersionId).toBe(v1.id);

    const published = getPublishedArticle(article.slug, "public");
    expect(published?.version.id).toBe(v1.id);
    expect(published?.version.title).toBe("Pubblicato");
    expect(getArticleForEdit(article.id)?.version.title).toBe("Bozza");
    // Nothing readers see changed, so search has nothing to catch up with.
    expect(outboxFor(article.id)).toHaveLength(outboxBefore);
    expect(auditFor(article.id).at(-1)?.action).toBe("article.save");
  });

  it("publishing moves publishedVersionId and writes one outbox row and one audit row", () => {
    const { article, version: v1 } = makeArticle({ slug: "pubblica-nuova-versione" }, editor);
    const before = counts();
    const outboxBefore = outboxFor(article.id).length;
    const auditBefore = auditFor(article.id).length;

    const saved = saveArticleVersion(
      nextSave(article.id, { body: "Versione nuova.", changeNote: "aggiornato", publish: true }),
      editor,
    );

    expect(saved.published).toBe(true);
    const row = articleRow(article.id);
    expect(row.publishedVersionId).toBe(saved.version.id);
    expect(row.publishedVersionId).not.toBe(v1.id);
    expect(row.status).toBe("published");
    expect(getPublishedArticle(article.slug, "public")?.version.body).toBe("Versione nuova.");

    const after = counts();
    expect(after.search_outbox - before.search_outbox).toBe(1);
    expect(after.audit_log - before.audit_log).toBe(1);
    const outbox = outboxFor(article.id);
    expect(outbox).toHaveLength(outboxBefore + 1);
    expect(outbox.at(-1)?.reason).toBe("publish");
    const audit = auditFor(article.id);
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      action: "article.publish",
      entityType: "article",
      actorId: editor.id,
      details: { version: 2, changeNote: "aggiornato" },
    });
  });

  it("publishing a draft-only article makes it visible to readers", () => {
    const { article } = makeArticle({ slug: "solo-bozza-poi-pubblicata", status: "draft" }, editor);
    expect(getPublishedArticle(article.slug, "public")).toBeNull();
    const saved = saveArticleVersion(nextSave(article.id, { publish: true }), editor);
    expect(getPublishedArticle(article.slug, "public")?.version.id).toBe(saved.version.id);
  });

  describe("parity bookkeeping", () => {
    const answer = (channel: "sms" | "chat" | "email", body: string, subject: string | null = null) => ({
      channel,
      subject,
      body,
    });
    const numbers = (versionId: number) =>
      Object.fromEntries(answersOf(versionId).map((a) => [a.channel, a.writtenInVersion]));

    it("tracks which version last changed the body and each answer", () => {
      const { article, version: v1 } = makeArticle(
        {
          slug: "parita-risposte",
          content: {
            title: "Titolo",
            body: "Testo.",
            answers: [
              answer("sms", "SMS uno."),
              answer("chat", "Chat uno."),
              answer("email", "Email uno.", "Oggetto uno"),
            ],
          },
        },
        editor,
      );
      expect(v1.bodyChangedInVersion).toBe(1);
      expect(numbers(v1.id)).toEqual({ sms: 1, chat: 1, email: 1 });

      // Answer-only change: the body stays "written in 1", only the changed answer moves.
      const v2 = saveArticleVersion(
        nextSave(article.id, {
          answers: [
            answer("sms", "SMS due."),
            answer("chat", "Chat uno."),
            answer("email", "Email uno.", "Oggetto uno"),
          ],
        }),
        editor,
      ).version;
      expect(v2.bodyChangedInVersion).toBe(1);
      expect(numbers(v2.id)).toEqual({ sms: 2, chat: 1, email: 1 });

      // Body change: the body moves, unchanged answers keep their numbers (and are now older than the body).
      const v3 = saveArticleVersion(nextSave(article.id, { body: "Testo cambiato." }), editor).version;
      expect(v3.bodyChangedInVersion).toBe(3);
      expect(numbers(v3.id)).toEqual({ sms: 2, chat: 1, email: 1 });

      // Title-only change counts as a body change.
      const v4 = saveArticleVersion(nextSave(article.id, { title: "Titolo cambiato" }), editor).version;
      expect(v4.bodyChangedInVersion).toBe(4);
      expect(numbers(v4.id)).toEqual({ sms: 2, chat: 1, email: 1 });

      // A changed e-mail subject is a changed answer; a summary or change note is not a body change.
      const v5 = saveArticleVersion(
        nextSave(article.id, {
          summary: "Sommario nuovo",
          changeNote: "oggetto",
          answers: [
            answer("sms", "SMS due."),
            answer("chat", "Chat uno."),
            answer("email", "Email uno.", "Oggetto due"),
          ],
        }),
        editor,
      ).version;
      expect(v5.bodyChangedInVersion).toBe(4);
      expect(numbers(v5.id)).toEqual({ sms: 2, chat: 1, email: 5 });

      // A new answer is written in this version; a dropped one is simply gone.
      const v6 = saveArticleVersion(
        nextSave(article.id, {
          answers: [answer("sms", "SMS due."), answer("email", "Email uno.", "Oggetto due")],
        }),
        editor,
      ).version;
      expect(numbers(v6.id)).toEqual({ sms: 2, email: 5 });
      const v7 = saveArticleVersion(
        nextSave(article.id, {
          answers: [
            answer("sms", "SMS due."),
            answer("email", "Email uno.", "Oggetto due"),
            answer("chat", "Chat uno."),
          ],
        }),
        editor,
      ).version;
      expect(numbers(v7.id)).toEqual({ sms: 2, email: 5, chat: 7 });
    });
  });

  it("refuses invalid content with field errors and writes nothing", () => {
    const { article } = makeArticle({ slug: "contenuto-non-valido" }, editor);
    const before = counts();
    const articleBefore = rawArticle(article.id);

    let thrown: unknown;
    try {
      saveArticleVersion(
        nextSave(article.id, {
          answers: [{ channel: "sms", subject: null, body: "Ciao {{customer.nickname}}." }],
        }),
        editor,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidError);
    const invalid = thrown as InvalidError;
    expect(invalid.code).toBe("article_invalid");
    expect(invalid.fieldErrors?.["answers.sms"]?.[0]).toContain("{{customer.nickname}}");
    expect(counts()).toEqual(before);
    expect(rawArticle(article.id)).toEqual(articleBefore);
  });

  it("refuses to create an invalid article and writes nothing", () => {
    const before = counts();
    expect(() =>
      makeArticle({ slug: "nuovo-non-valido", content: { body: "Ciao {{customer.firstName}}." } }, editor),
    ).toThrow(InvalidError);
    expect(counts()).toEqual(before);
    expect(getPublishedArticle("nuovo-non-valido", "internal")).toBeNull();
  });

  describe("getPublishedArticle", () => {
    it("gives the public audience only public, published, unarchived articles", () => {
      const pub = makeArticle({ slug: "visibile-pubblico" }, editor);
      const internal = makeArticle({ slug: "solo-operatori", visibility: "internal" }, editor);
      const draft = makeArticle({ slug: "mai-pubblicato", status: "draft" }, editor);
      const archived = makeArticle({ slug: "archiviato-pubblico" }, editor);
      archive(archived);

      expect(getPublishedArticle(pub.article.slug, "public")?.article.id).toBe(pub.article.id);
      expect(getPublishedArticle(internal.article.slug, "public")).toBeNull();
      expect(getPublishedArticle(draft.article.slug, "public")).toBeNull();
      expect(getPublishedArticle(archived.article.slug, "public")).toBeNull();
      expect(getPublishedArticle("non-esiste", "public")).toBeNull();

      // Agents see internal articles, but never drafts or archived ones either.
      expect(getPublishedArticle(internal.article.slug, "internal")?.article.id).toBe(internal.article.id);
      expect(getPublishedArticle(draft.article.slug, "internal")).toBeNull();
      expect(getPublishedArticle(archived.article.slug, "internal")).toBeNull();
    });
  });

  describe("presentArticle", () => {
    const body = [
      "Controlla i cavi e chiama il {{fact.support_phone}}.",
      "",
      ":::internal",
      "Parola d'ordine quokkasegreto: apri un ticket su {{fact.escalation_queue}}.",
      ":::",
    ].join("\n");
    let slug: string;

    beforeAll(() => {
      slug = makeArticle(
        {
          slug: "presentazione-pubblico-interno",
          content: {
            title: "Linea assente",
            body,
            answers: [
              { channel: "sms", subject: null, body: "Chiama il {{fact.support_phone}}." },
              { channel: "phone", subject: null, body: "Passo la chiamata a {{fact.escalation_queue}}." },
              {
                channel: "email",
                subject: "Assistenza {{fact.support_phone}}",
                body: "Gentile {{customer.firstName}},\n\nchiami il {{fact.support_phone}}.",
              },
            ],
          },
        },
        editor,
      ).article.slug;
    });

    function present(audience: "public" | "internal") {
      const bundle = getPublishedArticle(slug, audience);
      if (!bundle) throw new Error("not published");
      return presentArticle(bundle, audience, getFactMap());
    }

    it("gives the public no internal block, no internal fact value and no answers", () => {
      const article = present("public");
      expect(article.title).toBe("Linea assente");
      expect(article.html).toContain("Controlla i cavi");
      expect(article.html).toContain(PUBLIC_PHONE);
      expect(article.html).not.toContain("quokkasegreto");
      expect(article.html).not.toContain(INTERNAL_QUEUE);
      expect(article.html).not.toContain("escalation_queue");
      expect(article.html).not.toContain("internal");
      expect(article.answers).toEqual([]);
      expect(JSON.stringify(article)).not.toContain(INTERNAL_QUEUE);
    });

    it("gives agents the internal block and every answer rendered with facts filled in", () => {
      const article = present("internal");
      expect(article.html).toContain("Controlla i cavi");
      expect(article.html).toContain("quokkasegreto");
      expect(article.html).toContain(INTERNAL_QUEUE);
      expect(article.html).toContain('data-internal="true"');

      // In channel order (CHANNELS.md), not in the order they were written.
      expect(article.answers.map((a) => a.channel)).toEqual(["phone", "email", "sms"]);
      const [phone, email, sms] = article.answers;
      expect(phone?.text).toBe(`Passo la chiamata a ${INTERNAL_QUEUE}.`);
      expect(sms?.text).toBe(`Chiama il ${PUBLIC_PHONE}.`);
      expect(email?.channel === "email" && email.subject).toBe(`Assistenza ${PUBLIC_PHONE}`);
      expect(email?.text).toContain(`chiami il ${PUBLIC_PHONE}.`);
      // Customer variables are the agent's tool's to fill: they stay as tokens, listed as missing.
      expect(email?.text).toContain("{{customer.firstName}}");
      expect(email?.missing).toEqual(["customer.firstName"]);
      for (const answer of article.answers) expect(answer.text).not.toContain("{{fact.");
    });
  });

  it("keeps article_facts in step with the facts the article uses", () => {
    const { article } = makeArticle(
      {
        slug: "uso-dei-fatti",
        content: { body: "Chiama il {{fact.support_phone}}.", answers: [] },
      },
      editor,
    );
    expect(factKeysOf(article.id)).toEqual(["support_phone"]);

    // A fact used only in an answer (or inside :::internal) counts too.
    saveArticleVersion(
      nextSave(article.id, {
        body: "Chiama il {{fact.support_phone}}.\n\n:::internal\nCoda {{fact.escalation_queue}}.\n:::",
        publish: true,
      }),
      editor,
    );
    expect(factKeysOf(article.id)).toEqual(["escalation_queue", "support_phone"]);

    // A draft that drops a fact keeps it listed: the published version, which readers see, still uses it.
    saveArticleVersion(
      nextSave(article.id, {
        body: "Testo senza fatti.",
        answers: [{ channel: "sms", subject: null, body: "Coda {{fact.escalation_queue}}." }],
      }),
      editor,
    );
    expect(factKeysOf(article.id)).toEqual(["escalation_queue", "support_phone"]);

    // Publishing it drops the fact that neither version uses any more.
    saveArticleVersion(nextSave(article.id, { publish: true }), editor);
    expect(factKeysOf(article.id)).toEqual(["escalation_queue"]);

    saveArticleVersion(nextSave(article.id, { answers: [], publish: true }), editor);
    expect(factKeysOf(article.id)).toEqual([]);
  });
});
