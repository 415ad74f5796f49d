import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushUsageEvents, recordUsageEvent } from "@/lib/analytics";
import { getDb } from "@/lib/db";
import { getFactMap } from "@/lib/facts";
import { getSynonymGroups } from "@/lib/settings";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import {
  applyIndexSettings,
  buildArticleDocuments,
  drainSearchOutbox,
  getMeili,
  indexNames,
  refreshPopularity,
  resetSynonyms,
  saveSynonyms,
  searchArticles,
} from "./index";

const slugs = async (q: string) =>
  (await searchArticles({ q, limit: 10 }, "internal")).hits.map((h) => h.slug);

describe("admin synonyms and popularity ranking against a real Meilisearch", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let admin: { id: number };
  let agent: { id: number };
  beforeAll(async () => {
    env = useTestEnvironment("usage_ranking");
    seedTaxonomy();
    admin = insertTestUser("admin");
    agent = insertTestUser("agent");
    await applyIndexSettings();
  });
  afterAll(() => env.cleanup());

  it("saving synonyms updates both indexes, and a search with the new synonym finds the article", async () => {
    makeArticle({
      slug: "ornitorinco-contratto",
      content: { title: "Modulo ornitorinco per il contratto", body: "Compila il modulo ornitorinco." },
    });
    await drainSearchOutbox();
    expect(await slugs("echidna")).toEqual([]);

    const groups = [...getSynonymGroups().groups, ["echidna", "ornitorinco"]];
    const result = await saveSynonyms(groups, admin);
    expect(result.indexUpdated).toBe(true);
    for (const uid of Object.values(indexNames())) {
      const synonyms = await getMeili().index(uid).getSynonyms();
      expect(synonyms.echidna).toEqual(["ornitorinco"]);
      expect(synonyms.bolletta).toContain("fattura");
    }
    expect(await slugs("echidna")).toEqual(["ornitorinco-contratto"]);
    const audit = getDb()
      .$client.prepare("select details from audit_log where action = 'search.synonyms.update'")
      .all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? "{}").added).toEqual(["echidna, ornitorinco"]);
  });

  it("applies the stored synonyms at start, not the defaults", async () => {
    await getMeili().index(indexNames().internal).resetSynonyms().waitTask();
    expect(await slugs("echidna")).toEqual([]);
    await applyIndexSettings();
    expect(await slugs("echidna")).toEqual(["ornitorinco-contratto"]);
  });

  it("saves in SQLite when Meilisearch is down, and says the index was not updated", async () => {
    const down = new Meilisearch({ host: "http://127.0.0.1:9", apiKey: "x", timeout: 1000 });
    const groups = [...getSynonymGroups().groups, ["capibara", "ornitorinco"]];
    const result = await saveSynonyms(groups, admin, { meili: down });
    expect(result.indexUpdated).toBe(false);
    expect(getSynonymGroups().groups).toContainEqual(["capibara", "ornitorinco"]);
    expect(await slugs("capibara")).toEqual([]);
    await applyIndexSettings(); // what the next start does
    expect(await slugs("capibara")).toEqual(["ornitorinco-contratto"]);
  });

  it("rejects invalid groups and stores nothing", async () => {
    const before = getSynonymGroups().groups;
    await expect(saveSynonyms([["solo"]], admin)).rejects.toMatchObject({ code: "synonyms_invalid" });
    expect(getSynonymGroups().groups).toEqual(before);
  });

  it("reset goes back to the defaults", async () => {
    const result = await resetSynonyms(admin);
    expect(result.indexUpdated).toBe(true);
    expect(getSynonymGroups().isDefault).toBe(true);
    expect(await slugs("echidna")).toEqual([]);
  });

  it("popularity breaks a tie between equally relevant articles, and never beats a better match", async () => {
    const content = {
      title: "Cambio tariffa pellicano zafferano",
      body: "Come cambiare la tariffa.",
      summary: "",
    };
    const first = makeArticle({ slug: "tariffa-pellicano-a", content }).article;
    const second = makeArticle({ slug: "tariffa-pellicano-b", content }).article;
    const weaker = makeArticle({
      slug: "pellicano-altro",
      content: { title: "Altro sul pellicano", body: "Niente di utile.", summary: "" },
    }).article;
    await drainSearchOutbox();
    const q = "pellicano zafferano";
    expect(await slugs(q)).toEqual(["tariffa-pellicano-a", "tariffa-pellicano-b", "pellicano-altro"]);

    for (let i = 0; i < 3; i++)
      recordUsageEvent({ kind: "open", userId: agent.id, articleId: second.id, position: 2, query: q });
    for (let i = 0; i < 10; i++)
      recordUsageEvent({ kind: "copy", userId: agent.id, articleId: weaker.id, channel: "sms" });
    flushUsageEvents();
    expect(await slugs(q)).toEqual(["tariffa-pellicano-a", "tariffa-pellicano-b", "pellicano-altro"]);

    const refreshed = await refreshPopularity();
    expect(refreshed.updated).toBe(2);
    expect(await slugs(q)).toEqual(["tariffa-pellicano-b", "tariffa-pellicano-a", "pellicano-altro"]);
    const doc = await getMeili().index(indexNames().internal).getDocument(String(second.id));
    expect(doc.popularity).toBe(3);
    expect(doc.slug).toBe("tariffa-pellicano-b"); // a partial update keeps the rest of the document

    // Nothing changed: nothing sent.
    expect((await refreshPopularity()).updated).toBe(0);
    // A full document (publish, reindex) carries the current count instead of resetting it.
    expect(buildArticleDocuments(second.id, getFactMap()).internal?.popularity).toBe(3);
    expect(buildArticleDocuments(first.id, getFactMap()).internal?.popularity).toBe(0);

    // 100 days later the events have aged out of the 90-day window: back to 0, and to the original order.
    const later = await refreshPopularity({ now: Date.now() + 100 * 86_400_000 });
    expect(later.updated).toBe(2);
    expect(await slugs(q)).toEqual(["tariffa-pellicano-a", "tariffa-pellicano-b", "pellicano-altro"]);
  });
});
