import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import {
  CategoryInput,
  createCategory,
  createProduct,
  deleteCategory,
  deleteProduct,
  deleteTag,
  listArticleIdsWithTag,
  listCategories,
  listProducts,
  listTags,
  ProductInput,
  RenameTagInput,
  renameTag,
  updateCategory,
  updateProduct,
} from "@/lib/taxonomy";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

function outboxIds(): Set<number> {
  return new Set(
    getDb()
      .select()
      .from(schema.searchOutbox)
      .all()
      .map((r) => r.id),
  );
}

function outboxSince(before: Set<number>) {
  return getDb()
    .select()
    .from(schema.searchOutbox)
    .all()
    .filter((r) => !before.has(r.id));
}

function lastAudit() {
  return getDb().select().from(schema.auditLog).all().at(-1);
}

function tagsOf(id: number): string[] {
  return getDb().select().from(schema.articles).where(eq(schema.articles.id, id)).get()?.tags ?? [];
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe("taxonomy management", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };

  beforeAll(() => {
    env = useTestEnvironment("taxonomy");
    seedTaxonomy();
    editor = insertTestUser("editor");
  });
  afterAll(() => env.cleanup());

  describe("products", () => {
    it("creates, lists with article counts, and refuses a taken slug", () => {
      const product = createProduct(
        ProductInput.parse({ slug: "mobile", name: { it: "Mobile", en: "" }, channels: ["sms", "phone"] }),
        editor,
      );
      // Channels are kept in catalogue order whatever order the form sent.
      expect(product.channels).toEqual(["phone", "sms"]);
      expect(product.name).toEqual({ it: "Mobile" });
      expect(lastAudit()).toMatchObject({ action: "taxonomy.product.create", entityType: "product" });
      makeArticle({ slug: "articolo-mobile", productSlug: "mobile" }, editor);
      expect(listProducts().find((p) => p.slug === "mobile")?.articleCount).toBe(1);
      expect(() =>
        createProduct(ProductInput.parse({ slug: "mobile", name: { it: "Altro" } }), editor),
      ).toThrow(
        expect.objectContaining({ code: "product_slug_taken", fieldErrors: { slug: expect.any(Array) } }),
      );
    });

    it("refuses to delete a product while articles use it, saying how many and which", () => {
      const product = createProduct(ProductInput.parse({ slug: "energia", name: { it: "Energia" } }), editor);
      const a = makeArticle(
        { slug: "bolletta-luce", productSlug: "energia", content: { title: "Bolletta della luce" } },
        editor,
      );
      makeArticle({ slug: "bolletta-gas", productSlug: "energia", status: "draft" }, editor);
      let thrown: unknown;
      try {
        deleteProduct(product.id, editor);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConflictError);
      const conflict = thrown as ConflictError;
      expect(conflict.code).toBe("product_in_use");
      expect(conflict.message).toContain("2 articoli");
      expect(conflict.message).toContain("«Bolletta della luce»");
      expect(conflict.details).toMatchObject({
        articles: [{ articleId: a.article.id, slug: "bolletta-luce", title: "Bolletta della luce" }, {}],
      });
      expect(listProducts().some((p) => p.id === product.id)).toBe(true);
    });

    it("deletes an unused product and audits it", () => {
      const product = createProduct(ProductInput.parse({ slug: "vuoto", name: { it: "Vuoto" } }), editor);
      deleteProduct(product.id, editor);
      expect(listProducts().some((p) => p.slug === "vuoto")).toBe(false);
      expect(lastAudit()).toMatchObject({ action: "taxonomy.product.delete", entityId: String(product.id) });
      expect(() => deleteProduct(product.id, editor)).toThrow(NotFoundError);
    });

    it("re-syncs the published articles of a renamed product, and only when the name or slug changed", () => {
      const product = createProduct(
        ProductInput.parse({ slug: "tv", name: { it: "TV" }, channels: ["phone"] }),
        editor,
      );
      const published = makeArticle({ slug: "canali-tv", productSlug: "tv" }, editor);
      makeArticle({ slug: "bozza-tv", productSlug: "tv", status: "draft" }, editor);

      let before = outboxIds();
      const channelsOnly = updateProduct(
        product.id,
        ProductInput.parse({ slug: "tv", name: { it: "TV" }, channels: ["phone", "email"] }),
        editor,
      );
      expect(channelsOnly.reindexed).toBe(0);
      expect(outboxSince(before)).toEqual([]);

      before = outboxIds();
      const renamed = updateProduct(
        product.id,
        ProductInput.parse({ slug: "televisione", name: { it: "Televisione" }, channels: ["phone"] }),
        editor,
      );
      expect(renamed.item.slug).toBe("televisione");
      expect(renamed.reindexed).toBe(1);
      expect(outboxSince(before).map((r) => r.articleId)).toEqual([published.article.id]);
      expect(lastAudit()).toMatchObject({
        action: "taxonomy.product.update",
        details: { before: { slug: "tv" }, after: { slug: "televisione" } },
      });
      const other = createProduct(ProductInput.parse({ slug: "altro", name: { it: "Altro" } }), editor);
      expect(() =>
        updateProduct(other.id, ProductInput.parse({ slug: "televisione", name: { it: "X" } }), editor),
      ).toThrow(InvalidError);
    });
  });

  describe("categories", () => {
    it("creates, orders by position, and refuses to delete while used", () => {
      const second = createCategory(
        CategoryInput.parse({ slug: "contratti", name: { it: "Contratti" }, position: "5" }),
        editor,
      );
      const first = createCategory(
        CategoryInput.parse({
          slug: "pagamenti",
          name: { it: "Pagamenti", en: "Payments" },
          description: { it: "Come pagare", en: "" },
          position: 0,
        }),
        editor,
      );
      expect(first.description).toEqual({ it: "Come pagare" });
      expect(second.description).toBeNull();
      const order = listCategories().map((c) => c.slug);
      expect(order.indexOf("pagamenti")).toBeLessThan(order.indexOf("contratti"));

      const used = makeArticle(
        { slug: "pagare-bolletta", categorySlug: "pagamenti", content: { title: "Pagare la bolletta" } },
        editor,
      );
      expect(listCategories().find((c) => c.slug === "pagamenti")?.articleCount).toBe(1);
      expect(() => deleteCategory(first.id, editor)).toThrow(
        expect.objectContaining({
          code: "category_in_use",
          message: expect.stringContaining("un articolo: «Pagare la bolletta»"),
          details: { articles: [expect.objectContaining({ articleId: used.article.id })] },
        }),
      );
      deleteCategory(second.id, editor);
      expect(listCategories().some((c) => c.slug === "contratti")).toBe(false);
      expect(lastAudit()).toMatchObject({ action: "taxonomy.category.delete" });
    });

    it("re-syncs published articles when a category is renamed, not when only its position moves", () => {
      const category = createCategory(CategoryInput.parse({ slug: "rete", name: { it: "Rete" } }), editor);
      const article = makeArticle({ slug: "rete-lenta", categorySlug: "rete" }, editor);
      let before = outboxIds();
      updateCategory(
        category.id,
        CategoryInput.parse({ slug: "rete", name: { it: "Rete" }, position: 9 }),
        editor,
      );
      expect(outboxSince(before)).toEqual([]);
      before = outboxIds();
      const result = updateCategory(
        category.id,
        CategoryInput.parse({ slug: "rete", name: { it: "Rete e copertura" } }),
        editor,
      );
      expect(result.reindexed).toBe(1);
      expect(outboxSince(before).map((r) => r.articleId)).toEqual([article.article.id]);
      expect(lastAudit()).toMatchObject({ action: "taxonomy.category.update" });
    });

    it("validates the form input", () => {
      expect(CategoryInput.safeParse({ slug: "Con Spazi", name: { it: "x" } }).success).toBe(false);
      expect(CategoryInput.safeParse({ slug: "ok", name: { it: "" } }).success).toBe(false);
      expect(CategoryInput.safeParse({ slug: "ok", name: { it: "x" }, position: "-1" }).success).toBe(false);
      expect(
        CategoryInput.safeParse({
          slug: "ok",
          name: { it: "x" },
          description: { it: "", en: "Only English" },
        }).success,
      ).toBe(false);
      expect(ProductInput.safeParse({ slug: "ok", name: { it: "x" }, channels: ["portal"] }).success).toBe(
        false,
      );
    });
  });

  describe("tags", () => {
    let published1: number;
    let published2: number;
    let draft: number;
    let archived: number;

    beforeAll(() => {
      published1 = makeArticle({ slug: "tag-uno", tags: ["fattura", "iban"] }, editor).article.id;
      published2 = makeArticle({ slug: "tag-due", tags: ["bolletta", "fattura"] }, editor).article.id;
      draft = makeArticle({ slug: "tag-bozza", status: "draft", tags: ["fattura"] }, editor).article.id;
      archived = makeArticle({ slug: "tag-archiviato", tags: ["fattura", "vecchio"] }, editor).article.id;
      getDb()
        .update(schema.articles)
        .set({ status: "archived" })
        .where(eq(schema.articles.id, archived))
        .run();
    });

    it("lists tags with how many articles carry them, most used first", () => {
      const tags = listTags();
      expect(tags[0]).toEqual({ tag: "fattura", count: 4 });
      expect(tags).toContainEqual({ tag: "bolletta", count: 1 });
      expect(tags).toContainEqual({ tag: "iban", count: 1 });
    });

    it("renames a tag on every article and re-syncs the published ones", () => {
      const before = outboxIds();
      const input = RenameTagInput.parse({ from: " IBAN ", to: "conto-corrente" });
      const change = renameTag(input.from, input.to, editor);
      expect(change).toEqual({ articles: 1, reindexed: 1 });
      expect(tagsOf(published1)).toEqual(["fattura", "conto-corrente"]);
      expect(outboxSince(before).map((r) => [r.articleId, r.reason])).toEqual([[published1, "tag_renamed"]]);
      expect(lastAudit()).toMatchObject({
        action: "taxonomy.tag.rename",
        entityType: "tag",
        details: { from: "iban", to: "conto-corrente" },
      });
    });

    it("merges into an existing tag without duplicates, across drafts and archived articles too", () => {
      const before = outboxIds();
      const change = renameTag("fattura", "bolletta", editor);
      expect(change).toEqual({ articles: 4, reindexed: 2 });
      expect(tagsOf(published1)).toEqual(["bolletta", "conto-corrente"]);
      expect(tagsOf(published2)).toEqual(["bolletta"]);
      expect(tagsOf(draft)).toEqual(["bolletta"]);
      expect(tagsOf(archived)).toEqual(["bolletta", "vecchio"]);
      expect(sorted(outboxSince(before).map((r) => r.articleId))).toEqual(sorted([published1, published2]));
      expect(listTags().find((t) => t.tag === "fattura")).toBeUndefined();
      expect(listTags().find((t) => t.tag === "bolletta")?.count).toBe(4);
      expect(lastAudit()).toMatchObject({ action: "taxonomy.tag.merge" });
    });

    it("deletes a tag from every article", () => {
      const before = outboxIds();
      const change = deleteTag("bolletta", editor);
      expect(change).toEqual({ articles: 4, reindexed: 2 });
      expect(tagsOf(published1)).toEqual(["conto-corrente"]);
      expect(tagsOf(published2)).toEqual([]);
      expect(tagsOf(archived)).toEqual(["vecchio"]);
      expect(listArticleIdsWithTag("bolletta")).toEqual([]);
      expect(outboxSince(before)).toHaveLength(2);
      expect(lastAudit()).toMatchObject({ action: "taxonomy.tag.delete", entityId: "bolletta" });
    });

    it("refuses unknown tags and a rename to the same name, writing nothing", () => {
      const before = outboxIds();
      const auditBefore = lastAudit()?.id;
      expect(() => renameTag("non-esiste", "altro", editor)).toThrow(NotFoundError);
      expect(() => deleteTag("non-esiste", editor)).toThrow(NotFoundError);
      expect(() => renameTag("vecchio", "vecchio", editor)).toThrow(InvalidError);
      expect(outboxSince(before)).toEqual([]);
      expect(lastAudit()?.id).toBe(auditBefore);
    });
  });
});
