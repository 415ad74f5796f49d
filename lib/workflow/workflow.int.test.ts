import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getPublishedArticle, saveArticleVersion } from "@/lib/articles";
import type { SaveArticleInput } from "@/lib/articles/input";
import { getDb, type Role, schema } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { updateSettings } from "@/lib/settings";
import { makeArticle, nextSave, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { articleRow, auditFor, countRowsIn, outboxFor, rawArticle } from "@/lib/test/queries";
import {
  approve,
  archiveArticle,
  assertMayPublishDirectly,
  getWorkflowState,
  listReviewQueue,
  sendBack,
  submitForReview,
  unarchiveArticle,
  type WorkflowActor,
} from "@/lib/workflow";

const TABLES = ["articles", "article_versions", "workflow_events", "search_outbox", "audit_log"] as const;

const counts = () => countRowsIn(TABLES);

const eventsFor = (articleId: number) =>
  getDb().select().from(schema.workflowEvents).where(eq(schema.workflowEvents.articleId, articleId)).all();

function user(role: Role): WorkflowActor {
  return { id: insertTestUser(role).id, role };
}

/** A draft save on top of the current version: its content with a line added to the body, unless overridden. */
function saveDraft(articleId: number, actor: WorkflowActor, overrides: Partial<SaveArticleInput> = {}) {
  const base = nextSave(articleId);
  return saveArticleVersion({ ...base, body: `${base.body}\n\nAggiornato.`, ...overrides }, actor).version;
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("editorial workflow", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let author: WorkflowActor;
  let reviewer: WorkflowActor;
  let admin: WorkflowActor;
  let agent: WorkflowActor;
  beforeAll(() => {
    env = useTestEnvironment("workflow");
    seedTaxonomy();
    author = user("editor");
    reviewer = user("editor");
    admin = user("admin");
    agent = user("agent");
  });
  afterEach(() => {
    updateSettings({ requireDistinctApprover: false }, admin);
  });
  afterAll(() => env.cleanup());

  it("takes a new version from draft through review to published, and readers see it only then", () => {
    const { article, version: v1 } = makeArticle({ slug: "ciclo-completo" }, author);
    const v2 = saveDraft(article.id, author, { body: "Testo rivisto." });
    expect(articleRow(article.id)).toMatchObject({ status: "draft", publishedVersionId: v1.id });
    const outboxBefore = outboxFor(article.id).length;

    const submitted = submitForReview(article.id, v2.id, author);
    expect(submitted.status).toBe("in_review");
    expect(articleRow(article.id).publishedVersionId).toBe(v1.id);
    expect(getPublishedArticle(article.slug, "public")?.version.id).toBe(v1.id);
    // Nothing readers see changed on submit.
    expect(outboxFor(article.id)).toHaveLength(outboxBefore);
    expect(eventsFor(article.id).at(-1)).toMatchObject({
      action: "submit",
      versionId: v2.id,
      actorId: author.id,
    });
    expect(auditFor(article.id).at(-1)).toMatchObject({ action: "article.submit", actorId: author.id });

    const queued = listReviewQueue().find((q) => q.articleId === article.id);
    expect(queued).toMatchObject({
      versionId: v2.id,
      versionNumber: 2,
      authorId: author.id,
      authorName: "Test editor",
      product: "Fibra",
      locale: "it",
      isUpdate: true,
    });
    expect(queued?.submittedAt).toBeInstanceOf(Date);

    const before = counts();
    const approved = approve(article.id, v2.id, reviewer);
    expect(approved).toMatchObject({
      status: "published",
      publishedVersionId: v2.id,
      currentVersionId: v2.id,
    });
    expect(getPublishedArticle(article.slug, "public")?.version.body).toBe("Testo rivisto.");

    const after = counts();
    expect(after.search_outbox - before.search_outbox).toBe(1);
    expect(outboxFor(article.id).at(-1)?.reason).toBe("publish");
    expect(after.workflow_events - before.workflow_events).toBe(2);
    expect(
      eventsFor(article.id)
        .slice(-2)
        .map((e) => [e.action, e.versionId, e.actorId]),
    ).toEqual([
      ["approve", v2.id, reviewer.id],
      ["publish", v2.id, reviewer.id],
    ]);
    expect(after.audit_log - before.audit_log).toBe(1);
    expect(auditFor(article.id).at(-1)).toMatchObject({
      action: "article.publish",
      actorId: reviewer.id,
      details: { version: 2, via: "review", previousVersionId: v1.id },
    });
    expect(listReviewQueue().some((q) => q.articleId === article.id)).toBe(false);
    expect(getWorkflowState(article.id, reviewer)).toMatchObject({
      status: "published",
      currentVersionNumber: 2,
      publishedVersionNumber: 2,
      hasUnpublishedChanges: false,
      lastSendBack: null,
    });
  });

  it("sends back with a comment and keeps the live version live", () => {
    const { article, version: v1 } = makeArticle({ slug: "rimandato-indietro" }, author);
    const v2 = saveDraft(article.id, author);
    submitForReview(article.id, v2.id, author);
    const outboxBefore = outboxFor(article.id).length;

    const back = sendBack(article.id, v2.id, "  Manca il numero verde nella risposta SMS.  ", reviewer);
    expect(back).toMatchObject({ status: "draft", publishedVersionId: v1.id, currentVersionId: v2.id });
    expect(getPublishedArticle(article.slug, "internal")?.version.id).toBe(v1.id);
    expect(outboxFor(article.id)).toHaveLength(outboxBefore);
    expect(eventsFor(article.id).at(-1)).toMatchObject({
      action: "send_back",
      versionId: v2.id,
      actorId: reviewer.id,
      comment: "Manca il numero verde nella risposta SMS.",
    });
    expect(auditFor(article.id).at(-1)).toMatchObject({
      action: "article.send_back",
      actorId: reviewer.id,
      details: { version: 2, comment: "Manca il numero verde nella risposta SMS." },
    });

    const state = getWorkflowState(article.id, author);
    expect(state).toMatchObject({
      status: "draft",
      currentVersionNumber: 2,
      publishedVersionNumber: 1,
      hasUnpublishedChanges: true,
      lastSendBack: {
        comment: "Manca il numero verde nella risposta SMS.",
        byName: "Test editor",
        versionNumber: 2,
      },
    });
    expect(state?.actions.submit).toEqual({ allowed: true });
    expect(state?.actions.approve.allowed).toBe(false);

    // The author fixes it and resubmits: the comment stays visible to the reviewer until something is published.
    const v3 = saveDraft(article.id, author, { body: "Con il numero verde." });
    submitForReview(article.id, v3.id, author);
    expect(getWorkflowState(article.id, reviewer)?.lastSendBack?.comment).toContain("numero verde");
    expect(getWorkflowState(article.id, reviewer)?.submittedAt).toEqual(expect.any(String));
    approve(article.id, v3.id, reviewer);
    expect(getWorkflowState(article.id, reviewer)?.lastSendBack).toBeNull();
  });

  it("refuses a send-back without a comment, or with one over 2000 characters, and writes nothing", () => {
    const { article, version } = makeArticle({ slug: "commento-obbligatorio", status: "draft" }, author);
    submitForReview(article.id, version.id, author);
    const before = counts();
    for (const comment of ["", "   ", "x".repeat(2001)]) {
      const error = thrownBy(() => sendBack(article.id, version.id, comment, reviewer));
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors?.comment?.length).toBeGreaterThan(0);
    }
    expect(counts()).toEqual(before);
    expect(articleRow(article.id).status).toBe("in_review");
    expect(sendBack(article.id, version.id, "x".repeat(2000), reviewer).status).toBe("draft");
  });

  describe("distinct approver (the rule binds admins too)", () => {
    it("is off by default: the author may approve their own version", () => {
      const { article, version } = makeArticle({ slug: "autore-approva", status: "draft" }, author);
      submitForReview(article.id, version.id, author);
      expect(getWorkflowState(article.id, author)?.actions.approve).toEqual({ allowed: true });
      expect(approve(article.id, version.id, author).status).toBe("published");
    });

    it("refuses the author, editor or admin, and writes nothing; another editor or an admin may approve", () => {
      updateSettings({ requireDistinctApprover: true }, admin);
      const byEditor = makeArticle({ slug: "quattro-occhi", status: "draft" }, author);
      submitForReview(byEditor.article.id, byEditor.version.id, author);

      const before = counts();
      const articleBefore = rawArticle(byEditor.article.id);
      const error = thrownBy(() => approve(byEditor.article.id, byEditor.version.id, author));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).message).toBe("Sei l'autore: serve un altro revisore.");
      expect(counts()).toEqual(before);
      expect(rawArticle(byEditor.article.id)).toEqual(articleBefore);

      expect(listReviewQueue(author).find((q) => q.articleId === byEditor.article.id)?.approve).toEqual({
        allowed: false,
        reason: "Sei l'autore: serve un altro revisore.",
      });
      expect(listReviewQueue(reviewer).find((q) => q.articleId === byEditor.article.id)?.approve).toEqual({
        allowed: true,
      });
      const state = getWorkflowState(byEditor.article.id, author);
      expect(state?.requireDistinctApprover).toBe(true);
      expect(state?.actions.approve).toEqual({
        allowed: false,
        reason: "Sei l'autore: serve un altro revisore.",
      });
      // The author may still withdraw the submission.
      expect(state?.actions.sendBack).toEqual({ allowed: true });
      expect(getWorkflowState(byEditor.article.id, reviewer)?.actions.approve).toEqual({ allowed: true });
      expect(approve(byEditor.article.id, byEditor.version.id, reviewer).publishedVersionId).toBe(
        byEditor.version.id,
      );

      const byAdmin = makeArticle({ slug: "quattro-occhi-admin", status: "draft" }, admin);
      submitForReview(byAdmin.article.id, byAdmin.version.id, admin);
      expect(() => approve(byAdmin.article.id, byAdmin.version.id, admin)).toThrow(ForbiddenError);
      expect(approve(byAdmin.article.id, byAdmin.version.id, reviewer).status).toBe("published");

      const forAdmin = makeArticle({ slug: "quattro-occhi-revisore-admin", status: "draft" }, author);
      submitForReview(forAdmin.article.id, forAdmin.version.id, author);
      expect(approve(forAdmin.article.id, forAdmin.version.id, admin).status).toBe("published");
    });

    it("direct publishing is refused to editors while the rule is on, never to admins", () => {
      expect(() => assertMayPublishDirectly(author, author.id)).not.toThrow();
      updateSettings({ requireDistinctApprover: true }, admin);
      const error = thrownBy(() => assertMayPublishDirectly(author, author.id));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).message).toContain("Invia in revisione");
      expect(() => assertMayPublishDirectly(reviewer, author.id)).toThrow(ForbiddenError);
      expect(() => assertMayPublishDirectly(admin, admin.id)).not.toThrow();
      expect(() => assertMayPublishDirectly(agent, null)).toThrow(ForbiddenError);
    });
  });

  describe("archive and unarchive", () => {
    it("takes a published article away from readers and brings it back", () => {
      const { article, version } = makeArticle({ slug: "archivio-pubblicato" }, author);
      const outboxBefore = outboxFor(article.id).length;

      expect(archiveArticle(article.id, reviewer)).toMatchObject({
        status: "archived",
        publishedVersionId: version.id,
      });
      expect(getPublishedArticle(article.slug, "public")).toBeNull();
      expect(getPublishedArticle(article.slug, "internal")).toBeNull();
      expect(outboxFor(article.id)).toHaveLength(outboxBefore + 1);
      expect(outboxFor(article.id).at(-1)?.reason).toBe("archive");
      expect(eventsFor(article.id).at(-1)).toMatchObject({ action: "archive", actorId: reviewer.id });
      expect(auditFor(article.id).at(-1)).toMatchObject({
        action: "article.archive",
        details: { previousStatus: "published" },
      });
      expect(getWorkflowState(article.id, reviewer)?.actions).toMatchObject({
        archive: { allowed: false },
        unarchive: { allowed: true },
        submit: { allowed: false },
      });
      expect(thrownBy(() => archiveArticle(article.id, reviewer))).toBeInstanceOf(ConflictError);

      expect(unarchiveArticle(article.id, reviewer).status).toBe("published");
      expect(getPublishedArticle(article.slug, "public")?.version.id).toBe(version.id);
      expect(outboxFor(article.id)).toHaveLength(outboxBefore + 2);
      expect(outboxFor(article.id).at(-1)?.reason).toBe("unarchive");
      expect(eventsFor(article.id).at(-1)).toMatchObject({ action: "unarchive" });
      expect(auditFor(article.id).at(-1)).toMatchObject({
        action: "article.unarchive",
        details: { status: "published" },
      });
    });

    it("a newer working copy comes back as a draft, with the published version live again", () => {
      const { article, version: v1 } = makeArticle({ slug: "archivio-con-bozza" }, author);
      const v2 = saveDraft(article.id, author);
      submitForReview(article.id, v2.id, author);
      archiveArticle(article.id, author);
      expect(listReviewQueue().some((q) => q.articleId === article.id)).toBe(false);
      expect(unarchiveArticle(article.id, author)).toMatchObject({
        status: "draft",
        publishedVersionId: v1.id,
      });
      expect(getPublishedArticle(article.slug, "public")?.version.id).toBe(v1.id);
    });

    it("a never-published article touches no index and comes back as a draft", () => {
      const { article } = makeArticle({ slug: "archivio-bozza", status: "draft" }, author);
      archiveArticle(article.id, author);
      expect(articleRow(article.id).status).toBe("archived");
      expect(unarchiveArticle(article.id, author).status).toBe("draft");
      expect(outboxFor(article.id)).toHaveLength(0);
      expect(thrownBy(() => unarchiveArticle(article.id, author))).toBeInstanceOf(ConflictError);
    });
  });

  it("refuses a stale base with a conflict and writes nothing", () => {
    const { article, version: v1 } = makeArticle({ slug: "base-superata", status: "draft" }, author);
    const v2 = saveDraft(article.id, reviewer);
    const before = counts();
    const articleBefore = rawArticle(article.id);
    const error = thrownBy(() => submitForReview(article.id, v1.id, author));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe("version_conflict");
    expect((error as ConflictError).details).toEqual({ currentVersionId: v2.id, currentVersionNumber: 2 });
    expect(counts()).toEqual(before);
    expect(rawArticle(article.id)).toEqual(articleBefore);
  });

  it("refuses to approve a version that someone replaced after the submission", () => {
    const { article, version: v1 } = makeArticle({ slug: "approva-superata", status: "draft" }, author);
    submitForReview(article.id, v1.id, author);
    const v2 = saveDraft(article.id, author);
    const before = counts();
    const error = thrownBy(() => approve(article.id, v1.id, reviewer));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe("version_conflict");
    // The new save took it out of review; approving its version is a state conflict, not a permission problem.
    const stateError = thrownBy(() => approve(article.id, v2.id, reviewer));
    expect(stateError).toBeInstanceOf(ConflictError);
    expect((stateError as ConflictError).code).toBe("workflow_conflict");
    expect(counts()).toEqual(before);
    expect(articleRow(article.id).publishedVersionId).toBeNull();
  });

  it("refuses to submit content that fails the channel checks, with field errors, and writes nothing", () => {
    const { article } = makeArticle({ slug: "social-troppo-lungo", status: "draft" }, author);
    // A draft may hold channel errors; review may not.
    const v2 = saveDraft(article.id, author, {
      answers: [
        { channel: "sms", subject: null, body: "Chiama il {{fact.support_phone}}." },
        { channel: "social", subject: null, body: `Ciao! ${"Ti aiutiamo subito. ".repeat(20)}` },
      ],
    });
    const before = counts();
    const error = thrownBy(() => submitForReview(article.id, v2.id, author));
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).code).toBe("article_not_publishable");
    expect((error as InvalidError).fieldErrors?.["answers.social"]?.length).toBeGreaterThan(0);
    expect(counts()).toEqual(before);
    expect(articleRow(article.id).status).toBe("draft");
  });

  it("refuses agents, and explains it", () => {
    const { article, version } = makeArticle({ slug: "solo-editor", status: "draft" }, author);
    expect(thrownBy(() => submitForReview(article.id, version.id, agent))).toBeInstanceOf(ForbiddenError);
    // Whatever the article's state, a stranger to the studio hears "forbidden", not "conflict".
    expect(thrownBy(() => approve(article.id, version.id, agent))).toBeInstanceOf(ForbiddenError);
    expect(thrownBy(() => unarchiveArticle(article.id, agent))).toBeInstanceOf(ForbiddenError);
    expect(getWorkflowState(article.id, agent)?.actions.submit).toEqual({
      allowed: false,
      reason: "Serve il ruolo di editor.",
    });
  });

  it("lists the review queue oldest submission first", () => {
    const first = makeArticle({ slug: "coda-prima", status: "draft" }, author);
    const second = makeArticle({ slug: "coda-seconda", status: "draft" }, reviewer);
    // Created first, submitted second: the queue follows the submission.
    submitForReview(second.article.id, second.version.id, reviewer);
    submitForReview(first.article.id, first.version.id, author);
    const ids = listReviewQueue().map((q) => q.articleId);
    expect(ids.indexOf(second.article.id)).toBeLessThan(ids.indexOf(first.article.id));
    expect(listReviewQueue().find((q) => q.articleId === first.article.id)?.isUpdate).toBe(false);
    expect(getWorkflowState(999_999, author)).toBeNull();
  });
});
