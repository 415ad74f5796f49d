import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { saveArticleVersion } from "@/lib/articles";
import { getDb } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import {
  addHelpfulComment,
  FEEDBACK_COMMENT_MAX,
  listFeedbackComments,
  listMostUnhelpful,
  listVersionFeedback,
  newVisitorId,
  recordHelpfulVote,
} from "@/lib/feedback";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { countRows } from "@/lib/test/queries";

const DAY_MS = 86_400_000;

function backdate(voteId: number, days: number): void {
  getDb()
    .$client.prepare("update helpful_votes set created_at = ? where id = ?")
    .run(Date.now() - days * DAY_MS, voteId);
}

describe("helpful votes", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let editor: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("feedback");
    seedTaxonomy();
    editor = insertTestUser("editor");
  });
  afterAll(() => env.cleanup());
  beforeEach(() => {
    getDb().$client.exec("delete from helpful_votes");
  });

  it("stores a vote on the published version, with its trimmed comment", () => {
    const { article } = makeArticle({ slug: "voto-salvato" }, editor);
    const visitorId = newVisitorId();
    const vote = recordHelpfulVote({
      slug: "voto-salvato",
      versionNumber: 1,
      visitorId,
      helpful: false,
      comment: "  Non dice come bloccare la SIM\r\n",
    });
    expect(vote).toMatchObject({
      articleId: article.id,
      slug: "voto-salvato",
      versionNumber: 1,
      helpful: false,
      comment: "Non dice come bloccare la SIM",
    });
    const row = getDb().$client.prepare("select * from helpful_votes").get();
    expect(row).toMatchObject({
      article_id: article.id,
      version_number: 1,
      visitor_id: visitorId,
      helpful: 0,
    });
    // By id as well as by slug; a blank comment is no comment.
    const other = recordHelpfulVote({
      articleId: article.id,
      versionNumber: 1,
      visitorId: newVisitorId(),
      helpful: true,
      comment: "   ",
    });
    expect(other.comment).toBeNull();
  });

  it("refuses a second vote of the same visitor on the same version, even a different one", () => {
    makeArticle({ slug: "voto-doppio" }, editor);
    const visitorId = newVisitorId();
    recordHelpfulVote({ slug: "voto-doppio", versionNumber: 1, visitorId, helpful: true });
    const again = () =>
      recordHelpfulVote({ slug: "voto-doppio", versionNumber: 1, visitorId, helpful: false });
    expect(again).toThrow(ConflictError);
    expect(again).toThrow(expect.objectContaining({ code: "already_voted", status: 409 }));
    expect(countRows("helpful_votes")).toBe(1);
    expect(getDb().$client.prepare("select helpful from helpful_votes").get()).toEqual({ helpful: 1 });
  });

  it("asks again after a new version is published, and refuses votes on the old one", () => {
    const { article } = makeArticle({ slug: "voto-versione-vecchia" }, editor);
    const visitorId = newVisitorId();
    recordHelpfulVote({ slug: article.slug, versionNumber: 1, visitorId, helpful: false });
    saveArticleVersion(nextSave(article.id, { body: "Testo nuovo.", publish: true }), editor);

    const stale = () =>
      recordHelpfulVote({ slug: article.slug, versionNumber: 1, visitorId: newVisitorId(), helpful: true });
    expect(stale).toThrow(expect.objectContaining({ code: "article_changed", status: 409 }));
    // A version that does not exist yet is just as wrong.
    expect(() =>
      recordHelpfulVote({ slug: article.slug, versionNumber: 3, visitorId: newVisitorId(), helpful: true }),
    ).toThrow(expect.objectContaining({ code: "article_changed" }));

    // The same visitor rates the new text.
    recordHelpfulVote({ slug: article.slug, versionNumber: 2, visitorId, helpful: true });
    expect(listVersionFeedback(article.id)).toEqual([
      { versionNumber: 2, yes: 1, no: 0, helpfulShare: 1 },
      { versionNumber: 1, yes: 0, no: 1, helpfulShare: 0 },
    ]);
  });

  it("treats an unsaved draft after the published version as no change", () => {
    const { article } = makeArticle({ slug: "voto-bozza-in-corso" }, editor);
    saveArticleVersion(nextSave(article.id, { body: "Bozza non pubblicata." }), editor);
    expect(
      recordHelpfulVote({ slug: article.slug, versionNumber: 1, visitorId: newVisitorId(), helpful: true }),
    ).toMatchObject({ versionNumber: 1 });
  });

  it("answers internal, draft, archived and unknown articles as not found", () => {
    const internal = makeArticle({ slug: "voto-interno", visibility: "internal" }, editor).article;
    const draft = makeArticle({ slug: "voto-mai-pubblicato", status: "draft" }, editor).article;
    const archived = makeArticle({ slug: "voto-archiviato" }, editor).article;
    getDb().$client.prepare("update articles set status = 'archived' where id = ?").run(archived.id);
    for (const target of [
      { slug: internal.slug },
      { articleId: internal.id },
      { slug: draft.slug },
      { slug: archived.slug },
      { slug: "non-esiste" },
      { articleId: 999_999 },
    ]) {
      const vote = () =>
        recordHelpfulVote({ ...target, versionNumber: 1, visitorId: newVisitorId(), helpful: true });
      expect(vote, JSON.stringify(target)).toThrow(NotFoundError);
      expect(vote).toThrow(expect.objectContaining({ code: "article_not_found", status: 404 }));
    }
    expect(countRows("helpful_votes")).toBe(0);
  });

  it("limits the comment to 1000 characters after trimming", () => {
    makeArticle({ slug: "voto-commento-lungo" }, editor);
    const base = { slug: "voto-commento-lungo", versionNumber: 1, helpful: false };
    const tooLong = () =>
      recordHelpfulVote({
        ...base,
        visitorId: newVisitorId(),
        comment: "x".repeat(FEEDBACK_COMMENT_MAX + 1),
      });
    expect(tooLong).toThrow(z.ZodError);
    expect(countRows("helpful_votes")).toBe(0);
    const atLimit = recordHelpfulVote({
      ...base,
      visitorId: newVisitorId(),
      comment: `  ${"x".repeat(FEEDBACK_COMMENT_MAX)}\n\n`,
    });
    expect(atLimit.comment).toHaveLength(FEEDBACK_COMMENT_MAX);
  });

  it("refuses malformed input before touching the database", () => {
    makeArticle({ slug: "voto-input-strano" }, editor);
    const ok = { slug: "voto-input-strano", versionNumber: 1, visitorId: newVisitorId(), helpful: true };
    for (const bad of [
      { ...ok, visitorId: "corto" },
      { ...ok, versionNumber: 0 },
      { ...ok, slug: "Non Uno Slug" },
      { ...ok, slug: undefined },
      { ...ok, articleId: 1 },
    ]) {
      expect(() => recordHelpfulVote(bad), JSON.stringify(bad)).toThrow(z.ZodError);
    }
    expect(countRows("helpful_votes")).toBe(0);
  });

  it("adds a comment to the visitor's vote once, even after the article moved on", () => {
    const { article } = makeArticle({ slug: "voto-poi-commento" }, editor);
    const visitorId = newVisitorId();
    recordHelpfulVote({ slug: article.slug, versionNumber: 1, visitorId, helpful: false });
    saveArticleVersion(nextSave(article.id, { body: "Testo corretto.", publish: true }), editor);

    const commented = addHelpfulComment({
      slug: article.slug,
      versionNumber: 1,
      visitorId,
      comment: "Cercavo il costo del duplicato",
    });
    expect(commented).toMatchObject({
      versionNumber: 1,
      helpful: false,
      comment: "Cercavo il costo del duplicato",
    });
    expect(() =>
      addHelpfulComment({ slug: article.slug, versionNumber: 1, visitorId, comment: "Un altro" }),
    ).toThrow(expect.objectContaining({ code: "comment_already_added", status: 409 }));
    // No vote, nothing to comment on; an empty comment is not a comment.
    expect(() =>
      addHelpfulComment({ slug: article.slug, versionNumber: 2, visitorId, comment: "Senza voto" }),
    ).toThrow(expect.objectContaining({ code: "vote_not_found", status: 404 }));
    expect(() =>
      addHelpfulComment({ slug: article.slug, versionNumber: 1, visitorId: newVisitorId(), comment: "  " }),
    ).toThrow(z.ZodError);
  });

  it("reports per version, comments newest first with a filter, and the most unhelpful of the last 30 days", () => {
    const a = makeArticle({ slug: "report-a", content: { title: "Report A" } }, editor).article;
    const b = makeArticle({ slug: "report-b", content: { title: "Report B" } }, editor).article;
    const c = makeArticle({ slug: "report-c", content: { title: "Report C" } }, editor).article;
    const vote = (slug: string, helpful: boolean, comment?: string) =>
      recordHelpfulVote({ slug, versionNumber: 1, visitorId: newVisitorId(), helpful, comment });
    vote(a.slug, false, "Manca il prezzo");
    vote(a.slug, true);
    vote(b.slug, false);
    vote(b.slug, false);
    vote(b.slug, true, "Chiaro, grazie");
    const old = vote(c.slug, false, "Vecchio commento");
    vote(c.slug, false);
    backdate(old.id, 40);

    expect(listVersionFeedback(b.id)).toEqual([{ versionNumber: 1, yes: 1, no: 2, helpfulShare: 1 / 3 }]);
    // Published but never rated: listed with no votes.
    const fresh = makeArticle({ slug: "report-senza-voti" }, editor).article;
    expect(listVersionFeedback(fresh.id)).toEqual([{ versionNumber: 1, yes: 0, no: 0, helpfulShare: null }]);

    const comments = listFeedbackComments();
    expect(comments.map((x) => x.comment)).toEqual(["Chiaro, grazie", "Manca il prezzo", "Vecchio commento"]);
    expect(comments[0]).toMatchObject({
      articleId: b.id,
      articleSlug: "report-b",
      articleTitle: "Report B",
      locale: "it",
      versionNumber: 1,
      helpful: true,
    });
    expect(comments[0]?.at).toBeInstanceOf(Date);
    expect(listFeedbackComments({ helpful: false }).map((x) => x.comment)).toEqual([
      "Manca il prezzo",
      "Vecchio commento",
    ]);
    expect(listFeedbackComments({ helpful: true }).map((x) => x.comment)).toEqual(["Chiaro, grazie"]);
    expect(listFeedbackComments({ articleId: a.id }).map((x) => x.comment)).toEqual(["Manca il prezzo"]);

    // C's 40-day-old "no" is outside the window: one "no" each for A and C, and A has a "yes".
    expect(listMostUnhelpful().map((r) => [r.slug, r.no, r.yes])).toEqual([
      ["report-b", 2, 1],
      ["report-c", 1, 0],
      ["report-a", 1, 1],
    ]);
    expect(listMostUnhelpful()[0]).toMatchObject({ title: "Report B", helpfulShare: 1 / 3 });
  });
});
