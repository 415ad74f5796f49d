import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { useTestEnvironment } from "@/lib/test/harness";
import { listZeroResultPortalSearches } from "./index";

const DAY_MS = 86_400_000;

// The portal records its own search events (another change); this test writes the rows it would write.
function search(
  query: string | null,
  resultCount: number,
  daysAgo: number,
  surface = "portal",
  kind = "search",
) {
  getDb()
    .$client.prepare(
      "insert into usage_events (created_at, kind, surface, query, result_count, latency_ms) values (?, ?, ?, ?, ?, 3)",
    )
    .run(Date.now() - daysAgo * DAY_MS, kind, surface, query, resultCount);
}

describe("zero-result portal searches", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  beforeAll(() => {
    env = useTestEnvironment("portal-searches");
  });
  afterAll(() => env.cleanup());
  beforeEach(() => {
    getDb().$client.exec("delete from usage_events");
  });

  it("groups the last 30 days by query, case and spaces aside, most frequent first", () => {
    search("Rimborso canone", 0, 1);
    search("  rimborso canone ", 0, 2);
    search("RIMBORSO   CANONE", 0, 20);
    search("Città non coperta", 0, 5);
    search("CITTÀ NON COPERTA", 0, 0.5);
    search("eSIM", 0, 3.5);
    // Not counted: found something, too old, the agent console, not a search, no query.
    search("rimborso canone", 4, 1);
    search("rimborso canone", 0, 31);
    search("rimborso canone", 0, 1, "agent");
    search("rimborso canone", 0, 1, "portal", "open");
    search(null, 0, 1);
    search("   ", 0, 1);

    const rows = listZeroResultPortalSearches();
    expect(rows.map((r) => [r.query, r.count])).toEqual([
      ["rimborso canone", 3],
      // Same count: the most recently seen first.
      ["città non coperta", 2],
      ["esim", 1],
    ]);
    const lastSeen = rows[0]?.lastSeen.getTime() ?? 0;
    expect(Math.abs(lastSeen - (Date.now() - DAY_MS))).toBeLessThan(60_000);
    expect(listZeroResultPortalSearches({ limit: 1 })).toHaveLength(1);
    expect(listZeroResultPortalSearches({ days: 3 }).map((r) => [r.query, r.count])).toEqual([
      ["rimborso canone", 2],
      ["città non coperta", 1],
    ]);
  });

  it("is empty when every search found something", () => {
    search("bolletta", 12, 1);
    expect(listZeroResultPortalSearches()).toEqual([]);
  });
});
