import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ConflictError, InvalidError } from "@/lib/errors";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { countRows } from "@/lib/test/queries";
import { type EditArticleInput, getArticleForEdit, saveArticleEdit } from "./index";

describe("saving from the studio editor (metadata + content in one transaction)", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("edit");
    seedTaxonomy();
    editor = insertTestUser("editor");
    getDb()
      .$client.prepare(
        "insert into categories (slug, name, position) values ('bollette', '{\"it\":\"Bollette\"}', 2)",
      )
      .run();
  });
  afterAll(() => env.cleanup());

  function editOf(articleId: number, patch: Partial<EditArticleInput> = {}): EditArticleInput {
    const current = getArticleForEdit(articleId);
    if (!current) throw new Error("missing article");
    return {
      ...nextSave(articleId),
      meta: {
        locale: current.article.locale,
        productSlug: current.product.slug,
        categorySlug: current.category.slug,
        visibility: current.article.visibility,
        tags: current.article.tags,
        ownerId: current.article.ownerId,
        reviewBy: current.article.reviewBy,
      },
      ...patch,
    };
  }

  it("changes metadata without a new version when the content is the same", () => {
    const { article } = makeArticle({ slug: "solo-metadati" }, editor);
    const versions = countRows("article_versions");
    const base = editOf(article.id);
    const saved = saveArticleEdit(
      {
        ...base,
        meta: { ...base.meta, categorySlug: "bollette", tags: ["iban", "sepa"], reviewBy: "2027-01-31" },
      },
      editor,
    );
    expect(saved).toMatchObject({ version: null, metaChanged: true, published: false });
    expect(countRows("article_versions")).toBe(versions);
    const after = getArticleForEdit(article.id);
    expect(after?.category.slug).toBe("bollette");
    expect(after?.article.tags).toEqual(["iban", "sepa"]);
    expect(after?.article.reviewBy).toBe("2027-01-31");
  });

  it("writes one new version when the content changed, and keeps the published one live for a draft", () => {
    const { article, version } = makeArticle({ slug: "contenuto-cambiato" }, editor);
    const saved = saveArticleEdit(editOf(article.id, { body: "Testo nuovo." }), editor);
    expect(saved.version?.number).toBe(2);
    const after = getArticleForEdit(article.id);
    expect(after?.article.publishedVersionId).toBe(version.id);
    expect(after?.article.status).toBe("draft");
  });

  it("refuses a stale base with the other person's version and changes nothing, metadata included", () => {
    const { article } = makeArticle({ slug: "modifica-concorrente" }, editor);
    const stale = editOf(article.id);
    saveArticleEdit(editOf(article.id, { body: "Salvato prima da Anna." }), editor);
    const before = getArticleForEdit(article.id);
    let thrown: unknown;
    try {
      saveArticleEdit(
        { ...stale, body: "Il testo di Bruno.", meta: { ...stale.meta, tags: ["bruno"] } },
        editor,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConflictError);
    expect((thrown as ConflictError).details).toMatchObject({
      body: "Salvato prima da Anna.",
      currentVersionNumber: 2,
    });
    expect(getArticleForEdit(article.id)).toEqual(before);
  });

  it("checks content against the new visibility and refuses an agent as owner", () => {
    const { article } = makeArticle(
      {
        slug: "diventa-pubblico",
        visibility: "internal",
        content: { body: "Coda {{fact.escalation_queue}}." },
      },
      editor,
    );
    const base = editOf(article.id);
    expect(() => saveArticleEdit({ ...base, meta: { ...base.meta, visibility: "public" } }, editor)).toThrow(
      InvalidError,
    );
    const agent = insertTestUser("agent");
    expect(() => saveArticleEdit({ ...base, meta: { ...base.meta, ownerId: agent.id } }, editor)).toThrow(
      /responsabile/,
    );
    expect(getArticleForEdit(article.id)?.article.visibility).toBe("internal");
  });
});
