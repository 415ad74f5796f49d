import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getArticleForEdit, getPublishedArticle, presentArticle, saveArticleVersion } from "@/lib/articles";
import { getDb, schema } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import {
  createFact,
  deleteFact,
  FactInput,
  FactUpdateInput,
  getFactMap,
  listFactsWithUsage,
  updateFact,
} from "@/lib/facts";
import { applyIndexSettings, drainSearchOutbox, searchArticles } from "@/lib/search";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

function outboxIds(): number[] {
  return getDb()
    .select()
    .from(schema.searchOutbox)
    .all()
    .map((r) => r.id);
}

function outboxSince(ids: number[]) {
  const seen = new Set(ids);
  return getDb()
    .select()
    .from(schema.searchOutbox)
    .all()
    .filter((r) => !seen.has(r.id));
}

function lastAudit() {
  const rows = getDb().select().from(schema.auditLog).all();
  return rows.at(-1);
}

function factRow(key: string) {
  return getDb().select().from(schema.facts).where(eq(schema.facts.key, key)).get();
}

function fact(key: string, patch: Partial<z.input<typeof FactInput>> = {}): FactInput {
  return FactInput.parse({
    key,
    type: "text",
    visibility: "public",
    description: "",
    values: { it: `valore di ${key}` },
    ...patch,
  });
}

function changes(key: string, patch: Partial<z.input<typeof FactUpdateInput>>): FactUpdateInput {
  const row = factRow(key);
  if (!row) throw new Error(`fact ${key} missing`);
  return FactUpdateInput.parse({
    type: row.type,
    visibility: row.visibility,
    description: row.description,
    values: row.values,
    ...patch,
  });
}

describe("facts management", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };

  beforeAll(async () => {
    env = useTestEnvironment("facts");
    seedTaxonomy();
    editor = insertTestUser("editor");
    await applyIndexSettings();
  });
  afterAll(() => env.cleanup());

  describe("updateFact", () => {
    it("queues a search re-sync for exactly the articles that use the fact, and audits old and new values", () => {
      createFact(fact("hotline", { type: "phone", values: { it: "800 000 111" } }), editor);
      const inBody = makeArticle(
        { slug: "hotline-nel-testo", content: { body: "Chiama il {{fact.hotline}}.", answers: [] } },
        editor,
      );
      const inAnswer = makeArticle(
        {
          slug: "hotline-in-risposta",
          content: { answers: [{ channel: "sms", subject: null, body: "Chiama {{fact.hotline}}." }] },
        },
        editor,
      );
      const inDraft = makeArticle(
        { slug: "hotline-in-bozza", status: "draft", content: { body: "Bozza con {{fact.hotline}}." } },
        editor,
      );
      const unrelated = makeArticle({ slug: "senza-hotline" }, editor);

      const before = outboxIds();
      const result = updateFact("hotline", changes("hotline", { values: { it: "800 999 222" } }), editor);

      expect(result.changed).toBe(true);
      expect(result.reindexed).toBe(3);
      const rows = outboxSince(before);
      expect(rows.map((r) => r.articleId).sort((a, b) => a - b)).toEqual(
        [inBody.article.id, inAnswer.article.id, inDraft.article.id].sort((a, b) => a - b),
      );
      expect(rows.every((r) => r.reason === "fact_changed")).toBe(true);
      expect(rows.some((r) => r.articleId === unrelated.article.id)).toBe(false);

      expect(lastAudit()).toMatchObject({
        action: "fact.update",
        entityType: "fact",
        entityId: "hotline",
        actorId: editor.id,
        details: {
          before: { values: { it: "800 000 111" } },
          after: { values: { it: "800 999 222" } },
          reindexed: 3,
        },
      });
      expect(factRow("hotline")?.values).toEqual({ it: "800 999 222" });
    });

    it("shows the new value in the agent's answer right after the change (a fact change reaches every answer)", () => {
      createFact(fact("numero_verde", { type: "phone", values: { it: "800 111 111" } }), editor);
      const { article } = makeArticle(
        {
          slug: "risposta-con-numero-verde",
          content: {
            body: "Il numero è {{fact.numero_verde}}.",
            answers: [{ channel: "sms", subject: null, body: "Chiama il {{fact.numero_verde}}." }],
          },
        },
        editor,
      );
      const present = () => {
        const bundle = getPublishedArticle(article.slug, "internal");
        if (!bundle) throw new Error("not published");
        return presentArticle(bundle, "internal", getFactMap());
      };
      // Render once so the presentation cache holds the old value: the update must not be hidden by it.
      expect(present().answers.find((a) => a.channel === "sms")?.text).toBe("Chiama il 800 111 111.");

      updateFact("numero_verde", changes("numero_verde", { values: { it: "800 222 333" } }), editor);

      const after = present();
      expect(after.answers.find((a) => a.channel === "sms")?.text).toBe("Chiama il 800 222 333.");
      expect(after.html).toContain("800 222 333");
      expect(after.html).not.toContain("800 111 111");
    });

    it("the outbox rows it writes bring the search index in line with the new value", async () => {
      const slugsFor = async (q: string) =>
        (await searchArticles({ q, limit: 10 }, "internal")).hits.map((h) => h.slug);
      createFact(fact("mascotte", { values: { it: "ornitorinco" } }), editor);
      makeArticle(
        { slug: "mascotte-aziendale", content: { body: "La nostra mascotte è {{fact.mascotte}}." } },
        editor,
      );
      await drainSearchOutbox();
      expect(await slugsFor("ornitorinco")).toContain("mascotte-aziendale");

      updateFact("mascotte", changes("mascotte", { values: { it: "axolotl" } }), editor);
      await drainSearchOutbox();
      expect(await slugsFor("axolotl")).toContain("mascotte-aziendale");
      expect(await slugsFor("ornitorinco")).not.toContain("mascotte-aziendale");
    });

    it("writes nothing when nothing changed", () => {
      createFact(fact("invariato"), editor);
      makeArticle({ slug: "usa-invariato", content: { body: "{{fact.invariato}}" } }, editor);
      const before = outboxIds();
      const auditBefore = lastAudit()?.id;
      const result = updateFact("invariato", changes("invariato", {}), editor);
      expect(result).toMatchObject({ changed: false, reindexed: 0 });
      expect(outboxSince(before)).toEqual([]);
      expect(lastAudit()?.id).toBe(auditBefore);
    });

    it("refuses to make a fact internal while a public article's text uses it outside :::internal", () => {
      createFact(fact("orari_negozi"), editor);
      const { article } = makeArticle(
        { slug: "orari-pubblici", content: { body: "Aperti {{fact.orari_negozi}}.", answers: [] } },
        editor,
      );
      const before = outboxIds();
      let thrown: unknown;
      try {
        updateFact("orari_negozi", changes("orari_negozi", { visibility: "internal" }), editor);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConflictError);
      const conflict = thrown as ConflictError;
      expect(conflict.code).toBe("fact_used_publicly");
      expect(conflict.message).toContain("Articolo di prova");
      expect(conflict.details).toMatchObject({
        articles: [{ articleId: article.id, slug: "orari-pubblici", where: ["body"] }],
      });
      expect(factRow("orari_negozi")?.visibility).toBe("public");
      expect(outboxSince(before)).toEqual([]);
    });

    it("refuses it when a social or chatbot answer uses the fact, even in the published version only", () => {
      createFact(fact("link_app"), editor);
      const { article, version } = makeArticle(
        {
          slug: "link-app-social",
          content: {
            body: "Testo.",
            answers: [{ channel: "social", subject: null, body: "Scarica {{fact.link_app}}" }],
          },
        },
        editor,
      );
      // A newer draft drops the social answer; readers still see the published one.
      const current = getArticleForEdit(article.id);
      saveArticleVersion(
        {
          articleId: article.id,
          baseVersionId: version.id,
          title: current?.version.title ?? "Titolo",
          summary: "",
          body: "Testo.",
          changeNote: "",
          answers: [],
          publish: false,
        },
        editor,
      );
      expect(() => updateFact("link_app", changes("link_app", { visibility: "internal" }), editor)).toThrow(
        expect.objectContaining({
          code: "fact_used_publicly",
          details: { articles: [expect.objectContaining({ articleId: article.id, where: ["social"] })] },
        }),
      );
    });

    it("allows it when the fact appears only in :::internal blocks, internal articles and private channels", () => {
      createFact(fact("codice_coda"), editor);
      makeArticle(
        {
          slug: "coda-solo-interna",
          content: {
            body: "Testo pubblico.\n\n:::internal\nCoda {{fact.codice_coda}}.\n:::",
            answers: [{ channel: "phone", subject: null, body: "Passo a {{fact.codice_coda}}." }],
          },
        },
        editor,
      );
      makeArticle(
        { slug: "articolo-interno-coda", visibility: "internal", content: { body: "{{fact.codice_coda}}" } },
        editor,
      );
      const result = updateFact("codice_coda", changes("codice_coda", { visibility: "internal" }), editor);
      expect(result.fact.visibility).toBe("internal");
      expect(result.reindexed).toBe(2);
    });

    it("bumps the stamp even for two changes within one millisecond", () => {
      createFact(fact("veloce"), editor);
      const first = updateFact("veloce", changes("veloce", { values: { it: "uno" } }), editor).fact;
      const second = updateFact("veloce", changes("veloce", { values: { it: "due" } }), editor).fact;
      expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
    });

    it("refuses an unknown key", () => {
      expect(() => updateFact("non_esiste", changes("support_phone", {}), editor)).toThrow(NotFoundError);
    });
  });

  describe("deleteFact", () => {
    it("refuses while an article uses the fact and says where", () => {
      createFact(fact("da_tenere"), editor);
      const { article } = makeArticle(
        {
          slug: "usa-da-tenere",
          content: { answers: [{ channel: "sms", subject: null, body: "{{fact.da_tenere}}" }] },
        },
        editor,
      );
      let thrown: unknown;
      try {
        deleteFact("da_tenere", editor);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConflictError);
      expect((thrown as ConflictError).code).toBe("fact_in_use");
      expect((thrown as ConflictError).message).toContain("risposta SMS");
      expect((thrown as ConflictError).details).toMatchObject({
        articles: [{ articleId: article.id, where: ["sms"] }],
      });
      expect(factRow("da_tenere")).toBeDefined();
    });

    it("deletes an unused fact and audits it", () => {
      createFact(fact("da_buttare"), editor);
      deleteFact("da_buttare", editor);
      expect(factRow("da_buttare")).toBeUndefined();
      expect(lastAudit()).toMatchObject({ action: "fact.delete", entityId: "da_buttare" });
    });
  });

  describe("createFact and listFactsWithUsage", () => {
    it("refuses a duplicate key at the key field", () => {
      createFact(fact("doppione"), editor);
      expect(() => createFact(fact("doppione"), editor)).toThrow(
        expect.objectContaining({ code: "fact_key_taken", fieldErrors: { key: [expect.any(String)] } }),
      );
      expect(lastAudit()).toMatchObject({ action: "fact.create", entityId: "doppione" });
    });

    it("lists each fact with the articles that use it and where", () => {
      createFact(fact("elencato"), editor);
      const { article } = makeArticle(
        {
          slug: "elencato-ovunque",
          content: {
            body: "{{fact.elencato}}",
            answers: [
              { channel: "sms", subject: null, body: "{{fact.elencato}}" },
              { channel: "email", subject: "Oggetto {{fact.elencato}}", body: "Testo." },
            ],
          },
        },
        editor,
      );
      const listed = listFactsWithUsage().find((f) => f.key === "elencato");
      expect(listed?.usedIn).toEqual([
        {
          articleId: article.id,
          slug: "elencato-ovunque",
          title: expect.any(String),
          visibility: "public",
          status: "published",
          where: ["body", "email", "sms"],
        },
      ]);
      expect(listFactsWithUsage().find((f) => f.key === "da_buttare")).toBeUndefined();
    });
  });

  describe("validation", () => {
    const parse = (patch: Record<string, unknown>) =>
      FactInput.safeParse({
        key: "chiave",
        type: "text",
        visibility: "public",
        values: { it: "x" },
        ...patch,
      });
    const errorsOf = (result: ReturnType<typeof parse>) =>
      result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));

    it("checks the key, the description and the values' length", () => {
      expect(errorsOf(parse({ key: "Con Spazi" }))).toHaveProperty("key");
      expect(errorsOf(parse({ key: "a".repeat(61) }))).toHaveProperty("key");
      expect(errorsOf(parse({ description: "d".repeat(301) }))).toHaveProperty("description");
      expect(errorsOf(parse({ values: { it: "" } }))).toHaveProperty(["values.it"]);
      expect(errorsOf(parse({ values: { it: "v".repeat(501) } }))).toHaveProperty(["values.it"]);
      expect(errorsOf(parse({ type: "colore" }))).toHaveProperty("type");
      expect(parse({ key: "ok_123", values: { it: "x", en: "" } }).data?.values).toEqual({ it: "x" });
    });

    it("checks values against the type: http(s) URLs, e-mail addresses, phone numbers with digits", () => {
      expect(errorsOf(parse({ type: "url", values: { it: "www.example.com" } }))).toHaveProperty([
        "values.it",
      ]);
      expect(errorsOf(parse({ type: "url", values: { it: "javascript:alert(1)" } }))).toHaveProperty([
        "values.it",
      ]);
      expect(errorsOf(parse({ type: "url", values: { it: "https://a.example", en: "ftp://a" } }))).toEqual({
        "values.en": expect.any(String),
      });
      expect(parse({ type: "url", values: { it: "https://www.example.com/x" } }).success).toBe(true);
      expect(errorsOf(parse({ type: "email", values: { it: "non-una-mail" } }))).toHaveProperty([
        "values.it",
      ]);
      expect(parse({ type: "email", values: { it: "aiuto@levante.example" } }).success).toBe(true);
      expect(errorsOf(parse({ type: "phone", values: { it: "chiamaci" } }))).toHaveProperty(["values.it"]);
      expect(parse({ type: "phone", values: { it: "+39 800 123 456" } }).success).toBe(true);
    });
  });
});
