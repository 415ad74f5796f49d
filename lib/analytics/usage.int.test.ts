import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import {
  flushUsageEvents,
  listPopularArticles,
  listPopularityScores,
  listRecentArticles,
  pendingUsageEvents,
  recordUsageEvent,
} from "./index";

const countEvents = () =>
  (getDb().$client.prepare("select count(*) as n from usage_events").get() as { n: number }).n;

describe("usage events", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let agent: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("usage");
    seedTaxonomy();
    agent = insertTestUser("agent");
  });
  afterAll(() => {
    flushUsageEvents();
    env.cleanup();
  });
  beforeEach(() => {
    flushUsageEvents();
    getDb().$client.exec("delete from usage_events");
  });

  it("recording writes nothing; a flush writes the whole batch in one transaction", () => {
    const transaction = vi.spyOn(getDb(), "transaction");
    // Seconds apart, so they are separate searches rather than keystrokes of one.
    const base = Date.now();
    for (let i = 0; i < 150; i++) {
      recordUsageEvent(
        { kind: "search", userId: agent.id, query: `query ${i}`, filters: {}, resultCount: i, latencyMs: 3 },
        new Date(base + i * 5000),
      );
    }
    expect(transaction).not.toHaveBeenCalled();
    expect(countEvents()).toBe(0);
    expect(pendingUsageEvents()).toBe(150);
    expect(flushUsageEvents()).toBe(150);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(countEvents()).toBe(150);
    transaction.mockRestore();
  });

  it("flushes by itself about a second later, off the caller's path", async () => {
    recordUsageEvent({
      kind: "search",
      userId: agent.id,
      query: "bolletta",
      filters: {},
      resultCount: 2,
      latencyMs: 4,
    });
    expect(countEvents()).toBe(0);
    await new Promise((r) => setTimeout(r, 1300));
    expect(countEvents()).toBe(1);
  });

  it("flushes at 200 waiting events without waiting for the timer", async () => {
    const base = Date.now();
    for (let i = 0; i < 200; i++) {
      recordUsageEvent(
        { kind: "search", userId: agent.id, query: `q${i} x`, filters: {}, resultCount: 0, latencyMs: 1 },
        new Date(base + i * 5000),
      );
    }
    expect(countEvents()).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(countEvents()).toBe(200);
  });

  it("never records anonymous users, and caps the query", () => {
    recordUsageEvent({ kind: "search", userId: 0, query: "anon", filters: {}, resultCount: 0, latencyMs: 1 });
    recordUsageEvent({
      kind: "search",
      userId: agent.id,
      query: "x".repeat(500),
      filters: {},
      resultCount: 0,
      latencyMs: 1,
    });
    flushUsageEvents();
    const rows = getDb().$client.prepare("select user_id, query from usage_events").all() as {
      user_id: number;
      query: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.user_id).toBe(agent.id);
    expect(rows[0]?.query).toHaveLength(200);
  });

  it("collapses the keystrokes of one search-as-you-type into the last query", () => {
    const at = Date.now();
    for (const [i, q] of ["b", "bo", "bol", "bolleta", "bolletta"].entries()) {
      recordUsageEvent(
        { kind: "search", userId: agent.id, query: q, filters: {}, resultCount: 1, latencyMs: 2 },
        new Date(at + i * 200),
      );
    }
    recordUsageEvent(
      { kind: "search", userId: agent.id, query: "modem", filters: {}, resultCount: 1, latencyMs: 2 },
      new Date(at + 1200),
    );
    flushUsageEvents();
    const queries = (
      getDb().$client.prepare("select query from usage_events order by id").all() as { query: string }[]
    ).map((r) => r.query);
    expect(queries).toEqual(["bolletta", "modem"]);
  });

  it("drops events naming unknown articles instead of failing the batch", () => {
    const { article } = makeArticle({ slug: "evento-articolo-noto" });
    recordUsageEvent({ kind: "open", userId: agent.id, articleId: 999_999, position: 1, query: "x" });
    recordUsageEvent({ kind: "open", userId: agent.id, articleId: article.id, position: 2, query: "x" });
    recordUsageEvent({ kind: "copy", userId: agent.id, articleId: article.id, channel: "sms" });
    expect(flushUsageEvents()).toBe(3);
    expect(countEvents()).toBe(2);
    expect(listPopularityScores().get(article.id)).toBe(3);
  });

  it("lists popular (30 days, opens + 2 × copies) and recent published articles", () => {
    const a = makeArticle({ slug: "popolare-uno", content: { title: "Popolare uno" } }).article;
    const b = makeArticle({
      slug: "popolare-due",
      visibility: "internal",
      content: { title: "Popolare due" },
    }).article;
    const draft = makeArticle({ slug: "popolare-bozza", status: "draft" }).article;
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (let i = 0; i < 5; i++) recordUsageEvent({ kind: "open", userId: agent.id, articleId: a.id }, old);
    recordUsageEvent({ kind: "open", userId: agent.id, articleId: a.id });
    recordUsageEvent({ kind: "copy", userId: agent.id, articleId: b.id, channel: "email" });
    recordUsageEvent({ kind: "open", userId: agent.id, articleId: draft.id });
    flushUsageEvents();
    const popular = listPopularArticles(10);
    expect(popular.map((p) => [p.slug, p.score])).toEqual([
      ["popolare-due", 2],
      ["popolare-uno", 1],
    ]);
    expect(popular[0]?.product).toEqual({ slug: "fibra", name: expect.any(String) });
    // 90 days for ranking: the old opens count there.
    expect(listPopularityScores().get(a.id)).toBe(6);
    const recent = listRecentArticles(3).map((r) => r.slug);
    expect(recent).toEqual(["popolare-due", "popolare-uno", "evento-articolo-noto"]);
  });
});
