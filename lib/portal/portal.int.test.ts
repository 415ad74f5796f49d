import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushUsageEvents } from "@/lib/analytics";
import { getDb, schema } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { applyIndexSettings, drainSearchOutbox } from "@/lib/search";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { useTestEnvironment } from "@/lib/test/harness";
import { PUBLIC_SEARCH_LIMIT, portalSearch } from "./search";
import { listMostReadArticleIds, writePortalViews } from "./views";

describe("portal search, views and most read, on real SQLite and Meilisearch", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let publicId: number;
  let internalId: number;
  let otherId: number;
  beforeAll(async () => {
    env = useTestEnvironment("portal");
    seedTaxonomy();
    await applyIndexSettings();
    publicId = makeArticle({
      slug: "modem-lampeggia",
      content: {
        title: "Il modem lampeggia di rosso",
        body: "Riavvia il modem.\n\n:::internal\nCodice tecnico Zeta9\n:::",
      },
    }).article.id;
    otherId = makeArticle({ slug: "fattura-non-arrivata", content: { title: "Fattura non arrivata" } })
      .article.id;
    internalId = makeArticle({
      slug: "procedura-modem-riservata",
      visibility: "internal",
      content: { title: "Procedura modem riservata", body: "Solo per agenti." },
    }).article.id;
    await drainSearchOutbox();
  });
  afterAll(() => env.cleanup());

  it("finds public articles only, typo tolerant, with portal URLs and no internal text", async () => {
    const result = await portalSearch({ q: "modme", limit: 8 }, "it", "198.51.100.1");
    expect(result.hits.map((h) => h.slug)).toEqual(["modem-lampeggia"]);
    expect(result.hits[0]?.url).toBe("/a/modem-lampeggia");
    expect(JSON.stringify(result)).not.toMatch(/Zeta9|riservata|internal/i);
  });

  it("records every search for editors, zero-result ones included, as anonymous portal events", async () => {
    await portalSearch({ q: "ornitorinco volante", limit: 8 }, "it", "198.51.100.2");
    flushUsageEvents();
    const rows = getDb()
      .select()
      .from(schema.usageEvents)
      .where(
        and(eq(schema.usageEvents.surface, "portal"), eq(schema.usageEvents.query, "ornitorinco volante")),
      )
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "search",
      resultCount: 0,
      userId: null,
      filters: { locale: "it" },
    });
  });

  it("limits each client: the burst passes, the next search is refused with a wait in the visitor's language", async () => {
    const ip = "198.51.100.3";
    for (let i = 0; i < PUBLIC_SEARCH_LIMIT.burst; i++) {
      await portalSearch({ q: `modem ${i}`, limit: 1 }, "en", ip);
    }
    const refused = await portalSearch({ q: "modem", limit: 1 }, "en", ip).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toMatch(/^You have searched a lot/);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another client is not affected, and an empty query is never limited.
    await expect(portalSearch({ q: "modem", limit: 1 }, "it", "198.51.100.4")).resolves.toBeDefined();
    await expect(portalSearch({ q: "", limit: 1 }, "it", ip)).resolves.toEqual({
      query: "",
      total: 0,
      hits: [],
    });
  });

  it("counts views of public articles only and ranks the most read", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const written = writePortalViews(
      [
        "fattura-non-arrivata",
        "modem-lampeggia",
        "fattura-non-arrivata",
        "procedura-modem-riservata",
        "non-esiste",
      ],
      now,
    );
    expect(written).toBe(3);
    writePortalViews(["fattura-non-arrivata"], now);
    const rows = getDb().select().from(schema.portalViews).all();
    expect(rows.find((r) => r.articleId === otherId)).toMatchObject({ day: "2026-11-20", views: 3 });
    expect(rows.some((r) => r.articleId === internalId)).toBe(false);
    expect(listMostReadArticleIds("it", 5, getDb(), now)).toEqual([otherId, publicId]);
    expect(listMostReadArticleIds("en", 5, getDb(), now)).toEqual([]);
    // Views older than the window no longer count.
    expect(listMostReadArticleIds("it", 5, getDb(), new Date("2027-01-30T10:00:00Z"))).toEqual([]);
  });
});
