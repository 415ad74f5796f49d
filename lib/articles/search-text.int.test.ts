import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedBundles, getSearchTexts, PLAIN_TEXT_FORMAT, saveArticleVersion } from "@/lib/articles";
import { getDb } from "@/lib/db";
import { markdownToPlainText } from "@/lib/markdown";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

const BODY = [
  "## Come fare",
  "",
  "Chiedi il **codice cliente** e verifica l'IBAN.",
  "",
  ":::internal",
  "Escalation alla coda L2, interno 4410.",
  ":::",
  "",
  "- primo passo",
  "- secondo passo",
].join("\n");

function storedRow(versionId: number) {
  return getDb().$client.prepare("select * from version_search_text where version_id = ?").get(versionId) as
    | { format: number; internal: string; public: string }
    | undefined;
}

describe("plain text stored per version for search indexing", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("search-text");
    seedTaxonomy();
    editor = insertTestUser("editor");
  });
  afterAll(() => env.cleanup());

  it("is written with each version, the same text markdownToPlainText gives per audience", () => {
    const { article, version: v1 } = makeArticle({ content: { body: BODY } }, editor);
    const row = storedRow(v1.id);
    expect(row).toEqual({
      version_id: v1.id,
      format: PLAIN_TEXT_FORMAT,
      internal: markdownToPlainText(BODY, { audience: "internal" }),
      public: markdownToPlainText(BODY, { audience: "public" }),
    });
    expect(row?.internal).toContain("interno 4410");
    expect(row?.public).not.toContain("4410");
    expect(row?.public).toContain("codice cliente");

    const { version: v2 } = saveArticleVersion(nextSave(article.id, { body: "Testo nuovo." }), editor);
    expect(storedRow(v2.id)?.internal).toBe("Testo nuovo.");
    // Version 1's text stays: versions are immutable, and so is what was derived from them.
    expect(storedRow(v1.id)?.internal).toBe(row?.internal);
  });

  it("rebuilds missing rows (a database from before the table) and rows of an older format", () => {
    const a = makeArticle({ content: { body: BODY } }, editor);
    const b = makeArticle({ content: { body: "Solo **testo**." } }, editor);
    const sqlite = getDb().$client;
    sqlite.prepare("delete from version_search_text where version_id = ?").run(a.version.id);
    sqlite
      .prepare(
        "update version_search_text set format = ?, internal = 'vecchio', public = 'vecchio' where version_id = ?",
      )
      .run(PLAIN_TEXT_FORMAT - 1, b.version.id);

    const texts = getSearchTexts([a.version, b.version]);
    expect(texts.get(a.version.id)?.public).toBe(markdownToPlainText(BODY, { audience: "public" }));
    expect(texts.get(b.version.id)).toEqual({ internal: "Solo testo.", public: "Solo testo." });
    // …and stored, so the next reindex reads them instead of parsing again.
    expect(storedRow(a.version.id)?.format).toBe(PLAIN_TEXT_FORMAT);
    expect(storedRow(b.version.id)).toMatchObject({ format: PLAIN_TEXT_FORMAT, internal: "Solo testo." });
  });

  it("loads published bundles in bulk, leaving out drafts and unknown ids, in article order", () => {
    const published = makeArticle({}, editor);
    const draft = makeArticle({ status: "draft" }, editor);
    const bundles = getPublishedBundles([draft.article.id, published.article.id, 999_999]);
    expect(bundles.map((b) => b.article.id)).toEqual([published.article.id]);
    expect(bundles[0]?.version.id).toBe(published.version.id);
    expect(bundles[0]?.answers.map((a) => a.channel)).toEqual(["sms"]);
  });
});
