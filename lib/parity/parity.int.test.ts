import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArticleVersion, updateArticleMeta } from "@/lib/articles";
import { type Article, getDb } from "@/lib/db";
import { flagArticle, resolveFlag } from "@/lib/flags";
import { computeParity, countParityByArticle, listReviewDue, type ParityArticle } from "@/lib/parity";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

const TODAY = "2026-11-24";

// The factory's product "fibra" requires phone, email and sms.
const ALL_ANSWERS = [
  { channel: "phone" as const, subject: null, body: "Le spiego come fare." },
  { channel: "email" as const, subject: "La sua richiesta", body: "Gentile cliente, ecco come fare." },
  { channel: "sms" as const, subject: null, body: "Ecco come fare." },
];

function problemsOf(articleId: number, today = TODAY): string[] {
  const report = computeParity({ articleId, today });
  return (report[0]?.problems ?? []).map((p) => `${p.kind}:${p.channel ?? "-"}`);
}

function setOwnerAndReview(article: Article, ownerId: number | null, reviewBy: string | null): void {
  getDb()
    .$client.prepare("update articles set owner_id = ?, review_by = ? where id = ?")
    .run(ownerId, reviewBy, article.id);
}

describe("parity report", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  let agent: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("parity");
    seedTaxonomy();
    editor = insertTestUser("editor");
    agent = insertTestUser("agent");
  });
  afterAll(() => env.cleanup());

  it("reports exactly the required channels that have no answer", () => {
    const { article } = makeArticle({ slug: "parita-mancanti" }, editor);
    expect(problemsOf(article.id)).toEqual(["missing:phone", "missing:email"]);
    const report = computeParity({ articleId: article.id, today: TODAY });
    expect(report[0]?.problems[0]?.href).toBe(`/studio/articles/${article.id}#answer-phone`);
  });

  it("reports no problem for an article with every answer written for its body", () => {
    const { article } = makeArticle({ slug: "parita-completa", content: { answers: ALL_ANSWERS } }, editor);
    expect(computeParity({ articleId: article.id, today: TODAY })).toEqual([]);
  });

  it("reports answers older than the published body as stale, until they are rewritten", () => {
    const { article } = makeArticle({ slug: "parita-vecchie", content: { answers: ALL_ANSWERS } }, editor);

    // A draft that changes the body does not touch what readers see: parity is judged on the published version.
    saveArticleVersion(nextSave(article.id, { body: "Testo nuovo in bozza." }), editor);
    expect(problemsOf(article.id)).toEqual([]);

    saveArticleVersion(nextSave(article.id, { publish: true }), editor);
    expect(problemsOf(article.id)).toEqual(["stale:phone", "stale:email", "stale:sms"]);
    const stale = computeParity({ articleId: article.id, today: TODAY })[0]?.problems[0];
    expect(stale).toMatchObject({ answerVersion: 1, bodyVersion: 2 });

    // Rewriting the SMS answer (a change to the answer only) brings that channel back in parity.
    saveArticleVersion(
      nextSave(article.id, {
        answers: [...ALL_ANSWERS.slice(0, 2), { channel: "sms", subject: null, body: "Fatto, ecco come." }],
        publish: true,
      }),
      editor,
    );
    expect(problemsOf(article.id)).toEqual(["stale:phone", "stale:email"]);
  });

  it("judges a never-published article on its working copy", () => {
    const { article } = makeArticle(
      { slug: "parita-bozza", status: "draft", content: { answers: ALL_ANSWERS } },
      editor,
    );
    saveArticleVersion(nextSave(article.id, { title: "Titolo cambiato in bozza" }), editor);
    const report = computeParity({ articleId: article.id, today: TODAY });
    expect(report[0]).toMatchObject({
      versionNumber: 2,
      versionPublished: false,
      title: "Titolo cambiato in bozza",
    });
    expect(problemsOf(article.id)).toEqual(["stale:phone", "stale:email", "stale:sms"]);
  });

  it("reports a review date before today as overdue, and not today's", () => {
    const { article } = makeArticle(
      { slug: "parita-revisione", reviewBy: "2026-11-23", content: { answers: ALL_ANSWERS } },
      editor,
    );
    expect(problemsOf(article.id)).toEqual(["review_overdue:-"]);
    expect(computeParity({ articleId: article.id, today: TODAY })[0]?.problems[0]?.href).toBe(
      `/studio/articles/${article.id}#meta`,
    );
    expect(problemsOf(article.id, "2026-11-23")).toEqual([]);
  });

  it("reports open agent flags per channel and article-wide, and drops resolved ones", () => {
    const { article, version } = makeArticle(
      { slug: "parita-segnalata", content: { answers: ALL_ANSWERS } },
      editor,
    );
    const sms = flagArticle(
      { articleId: article.id, versionId: version.id, channel: "sms", reason: "Il prezzo è cambiato" },
      agent,
    );
    flagArticle({ articleId: article.id, versionId: version.id, reason: "Procedura superata" }, agent);
    expect(problemsOf(article.id)).toEqual(["flagged:-", "flagged:sms"]);
    const flagged = computeParity({ articleId: article.id, today: TODAY })[0]?.problems[1];
    expect(flagged?.flag).toMatchObject({
      id: sms.id,
      reason: "Il prezzo è cambiato",
      createdByName: "Test agent",
    });
    expect(countParityByArticle(TODAY).get(article.id)).toEqual({ problems: 0, flags: 2 });

    resolveFlag(sms.id, editor);
    expect(problemsOf(article.id)).toEqual(["flagged:-"]);
  });

  it("leaves archived articles out, and filters by product and kind", () => {
    const archived = makeArticle({ slug: "parita-archiviata" }, editor).article;
    updateArticleMeta(
      archived.id,
      {
        slug: archived.slug,
        locale: "it",
        translationGroup: archived.translationGroup,
        productSlug: "fibra",
        categorySlug: "guasti",
        visibility: "public",
        status: "archived",
        tags: [],
      },
      editor,
    );
    expect(computeParity({ articleId: archived.id, today: TODAY })).toEqual([]);

    const all = computeParity({ today: TODAY });
    const slugs = (report: ParityArticle[]) => report.map((a) => a.slug);
    expect(slugs(all)).not.toContain("parita-archiviata");
    expect(slugs(all)).toContain("parita-mancanti");
    expect(slugs(computeParity({ today: TODAY, productSlug: "fibra" }))).toEqual(slugs(all));
    expect(computeParity({ today: TODAY, productSlug: "non-esiste" })).toEqual([]);
    const overdue = computeParity({ today: TODAY, kind: "review_overdue" });
    expect(slugs(overdue)).toEqual(["parita-revisione"]);
    expect(overdue.flatMap((a) => a.problems.map((p) => p.kind))).toEqual(["review_overdue"]);
  });
});

describe("review-due list", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  beforeAll(() => {
    env = useTestEnvironment("review-due");
    seedTaxonomy();
  });
  afterAll(() => env.cleanup());

  it("lists overdue articles first, then those due within 60 days, with their owners", () => {
    const owner = insertTestUser("editor");
    const make = (slug: string, reviewBy: string | null, ownerId: number | null = owner.id) => {
      const { article } = makeArticle({ slug, content: { title: `Titolo ${slug}` } });
      setOwnerAndReview(article, ownerId, reviewBy);
      return article;
    };
    make("tra-sessanta", "2027-01-23");
    make("oltre-sessanta", "2027-01-24");
    make("scaduto-da-poco", "2026-11-23", null);
    make("scaduto-da-tanto", "2026-06-01");
    make("oggi", TODAY);
    make("senza-data", null);

    const rows = listReviewDue({ today: TODAY });
    expect(rows.map((r) => [r.slug, r.overdue, r.daysLeft, r.owner])).toEqual([
      ["scaduto-da-tanto", true, -176, "Test editor"],
      ["scaduto-da-poco", true, -1, null],
      ["oggi", false, 0, "Test editor"],
      ["tra-sessanta", false, 60, "Test editor"],
    ]);
    expect(rows[0]).toMatchObject({
      title: "Titolo scaduto-da-tanto",
      product: "Fibra",
      status: "published",
    });
  });
});
