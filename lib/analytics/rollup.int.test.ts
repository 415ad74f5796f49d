import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, type schema } from "@/lib/db";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import {
  AnalyticsFilterInput,
  analyticsCsv,
  getAnalyticsReport,
  getArticlePopularity,
  listPopularArticles,
  listPopularityScores,
  rollUpUsageEvents,
  writeUsageEvents,
} from "./index";

const count = (table: string) =>
  (getDb().$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe("usage roll-up and reports", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let agent: { id: number };
  let opened: number;
  let untouched: number;
  const now = new Date("2026-11-20T12:00:00Z");
  const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

  beforeAll(() => {
    env = useTestEnvironment("rollup");
    seedTaxonomy();
    agent = insertTestUser("agent");
    opened = makeArticle({ slug: "modem-rosso" }).article.id;
    untouched = makeArticle({ slug: "mai-aperto" }).article.id;
  });
  afterAll(() => env.cleanup());
  beforeEach(() => {
    getDb().$client.exec("delete from usage_events; delete from usage_daily;");
  });

  function seedEvents() {
    const rows: (typeof schema.usageEvents.$inferInsert)[] = [];
    for (const day of ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-18"]) {
      rows.push(
        {
          at: at(day),
          kind: "search",
          surface: "agent",
          userId: agent.id,
          query: "Modem Rosso",
          filters: {},
          channel: "phone",
          resultCount: 3,
          latencyMs: 5,
        },
        {
          at: at(day, 11),
          kind: "search",
          surface: "agent",
          userId: agent.id,
          query: " modem  rosso",
          filters: {},
          channel: "phone",
          resultCount: 2,
          latencyMs: 5,
        },
        {
          at: at(day),
          kind: "search",
          surface: "portal",
          query: '=HYPERLINK("x")',
          filters: {},
          resultCount: 0,
          latencyMs: 5,
        },
        {
          at: at(day),
          kind: "search",
          surface: "portal",
          query: "CITTÀ",
          filters: {},
          resultCount: 0,
          latencyMs: 5,
        },
        {
          at: at(day, 12),
          kind: "search",
          surface: "portal",
          query: "città",
          filters: {},
          resultCount: 0,
          latencyMs: 5,
        },
        {
          at: at(day),
          kind: "open",
          surface: "agent",
          userId: agent.id,
          articleId: opened,
          position: 2,
          query: "modem rosso",
        },
        { at: at(day), kind: "open", surface: "agent", userId: agent.id, articleId: opened, position: null },
        { at: at(day), kind: "copy", surface: "agent", userId: agent.id, articleId: opened, channel: "sms" },
      );
    }
    writeUsageEvents(rows);
  }

  const filter = AnalyticsFilterInput.parse({ from: "2026-10-25", to: "2026-11-20" });

  it("reports the same figures before and after a roll-up; raw rows go; a second run changes nothing", () => {
    seedEvents();
    const before = getAnalyticsReport(filter);
    expect(before.topSearches).toContainEqual({
      query: "modem rosso",
      surface: "agent",
      searches: 8,
      zeroResults: 0,
    });
    expect(before.zeroResultSearches).toContainEqual({
      query: "città",
      surface: "portal",
      searches: 8,
      zeroResults: 8,
    });
    const agentCtr = before.clickThrough.find((r) => r.surface === "agent");
    expect(agentCtr).toMatchObject({
      searches: 8,
      clicks: 4,
      opens: 8,
      clickThroughRate: 0.5,
      meanPosition: 2,
    });
    expect(before.copiesByChannel).toEqual([{ surface: "agent", channel: "sms", copies: 4 }]);
    expect(before.neverOpened.map((a) => a.articleId)).toEqual([untouched]);

    const first = rollUpUsageEvents({ retentionDays: 7, now });
    expect(first.days).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(first.events).toBe(24);
    expect(count("usage_events")).toBe(8); // the 18th is within retention
    const rolled = count("usage_daily");
    expect(rolled).toBeGreaterThan(0);

    expect(getAnalyticsReport(filter)).toEqual(before);
    const csvs = ["top-searches", "zero-results", "click-through", "copies", "daily"] as const;
    const csvBefore = csvs.map((n) => analyticsCsv(before, n));

    expect(rollUpUsageEvents({ retentionDays: 7, now })).toEqual({ days: [], events: 0 });
    expect(count("usage_daily")).toBe(rolled);
    const after = getAnalyticsReport(filter);
    expect(after).toEqual(before);
    expect(csvs.map((n) => analyticsCsv(after, n))).toEqual(csvBefore);

    // Everything rolled up (retention shorter than the data): still the same.
    rollUpUsageEvents({ retentionDays: 0, now: new Date("2026-11-30T00:00:00Z") });
    expect(count("usage_events")).toBe(0);
    expect(getAnalyticsReport(filter)).toEqual(before);
  });

  it("popularity counts rolled-up days too, so a short retention does not lower it", () => {
    seedEvents();
    const since = new Date("2026-10-25T00:00:00Z");
    const before = listPopularityScores(since);
    const popularBefore = listPopularArticles(10, getDb(), now);
    expect(before.get(opened)).toBe(4 * (2 + 2)); // per day: two opens, one copy
    expect(getArticlePopularity(opened, getDb(), since)).toBe(16);
    rollUpUsageEvents({ retentionDays: 7, now });
    expect(listPopularityScores(since)).toEqual(before);
    expect(getArticlePopularity(opened, getDb(), since)).toBe(16);
    expect(listPopularArticles(10, getDb(), now)).toEqual(popularBefore);
  });

  it("a late event for a rolled-up day is added to its counts, not duplicated", () => {
    seedEvents();
    rollUpUsageEvents({ retentionDays: 7, now });
    writeUsageEvents([
      {
        at: at("2026-11-02", 20),
        kind: "search",
        surface: "agent",
        userId: agent.id,
        query: "MODEM ROSSO",
        filters: {},
        channel: "phone",
        resultCount: 1,
        latencyMs: 5,
      },
    ]);
    rollUpUsageEvents({ retentionDays: 7, now });
    expect(getAnalyticsReport(filter).topSearches).toContainEqual({
      query: "modem rosso",
      surface: "agent",
      searches: 9,
      zeroResults: 0,
    });
  });

  it("filters by surface and channel over both sources", () => {
    seedEvents();
    rollUpUsageEvents({ retentionDays: 7, now });
    const portal = getAnalyticsReport(AnalyticsFilterInput.parse({ ...filter, surface: "portal" }));
    expect(portal.topSearches.every((r) => r.surface === "portal")).toBe(true);
    expect(portal.clickThrough.map((r) => r.surface)).toEqual(["portal"]);
    const phone = getAnalyticsReport(AnalyticsFilterInput.parse({ ...filter, channel: "phone" }));
    expect(phone.topSearches).toEqual([
      { query: "modem rosso", surface: "agent", searches: 8, zeroResults: 0 },
    ]);
    expect(phone.copiesByChannel).toEqual([]);
  });

  it("rejects impossible dates and reversed ranges with a message", () => {
    expect(AnalyticsFilterInput.safeParse({ from: "2026-02-30" }).success).toBe(false);
    const reversed = AnalyticsFilterInput.safeParse({ from: "2026-11-10", to: "2026-11-01" });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.message).toMatch(/dopo/);
    expect(AnalyticsFilterInput.safeParse({ surface: "fax" }).success).toBe(false);
  });

  it("escapes CSV and defuses formulas typed by customers", () => {
    seedEvents();
    const csv = analyticsCsv(getAnalyticsReport(filter), "zero-results");
    expect(csv).toContain(`"'=hyperlink(""x"")",portal,4,4\r\n`);
    expect(csv.startsWith("query,surface,searches,zero_results\r\n")).toBe(true);
  });
});
