import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArticleVersion, updateArticleMeta } from "@/lib/articles";
import { getDb, schema } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { getHealth } from "@/lib/health";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { freePort } from "@/lib/test/free-port";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { type EmbeddedMeili, resolveMeiliBinary, startEmbeddedMeili } from "./embedded";
import {
  applyIndexSettings,
  drainSearchOutbox,
  getOutboxBacklog,
  processSearchOutbox,
  reindexAll,
  searchArticles,
} from "./index";

describe("search sync against a real Meilisearch", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  beforeAll(async () => {
    env = useTestEnvironment("sync");
    seedTaxonomy();
    await applyIndexSettings();
  });
  afterAll(() => env.cleanup());

  it("publishing writes an outbox row in the same transaction, and the worker makes it searchable", async () => {
    const { article } = makeArticle({
      slug: "modem-spie-rosse",
      content: { title: "Il modem ha le spie rosse", body: "Se il modem lampeggia rosso, riavvialo." },
    });
    expect(getOutboxBacklog().pending).toBe(1);
    await drainSearchOutbox();
    expect(getOutboxBacklog().pending).toBe(0);
    // A typo ("modme") still finds it.
    const result = await searchArticles({ q: "modme spie", limit: 10 }, "internal");
    expect(result.hits.map((h) => h.slug)).toContain(article.slug);
    expect(result.hits[0]?.titleHtml).toContain("<mark>");
  });

  it("keeps internal articles and internal blocks out of the public index", async () => {
    makeArticle({
      slug: "procedura-interna-escalation",
      visibility: "internal",
      content: { title: "Procedura escalation guasti massivi", body: "Apri ticket sulla coda zebulon." },
    });
    makeArticle({
      slug: "guasto-pubblico",
      content: {
        title: "Guasto della linea",
        body: "Controlla i cavi.\n\n:::internal\nParola segreta quokkasegreto per gli operatori.\n:::",
      },
    });
    await drainSearchOutbox();
    const publicZebulon = await searchArticles({ q: "zebulon", limit: 10 }, "public");
    expect(publicZebulon.hits).toHaveLength(0);
    const internalZebulon = await searchArticles({ q: "zebulon", limit: 10 }, "internal");
    expect(internalZebulon.hits.map((h) => h.slug)).toEqual(["procedura-interna-escalation"]);
    expect((await searchArticles({ q: "quokkasegreto", limit: 10 }, "public")).hits).toHaveLength(0);
    expect((await searchArticles({ q: "quokkasegreto", limit: 10 }, "internal")).hits).toHaveLength(1);
    // Internal fact values never reach the public index either.
    expect(
      (await searchArticles({ q: "guasto linea", limit: 10 }, "public")).hits.map((h) => h.slug),
    ).toContain("guasto-pubblico");
  });

  it("filters by channel and locale", async () => {
    makeArticle({
      slug: "solo-sms-pinguino",
      content: {
        title: "Pinguino via SMS",
        answers: [{ channel: "sms", subject: null, body: "Testo SMS." }],
      },
    });
    makeArticle({
      slug: "penguin-by-email",
      locale: "en",
      content: {
        title: "Pinguino by e-mail",
        answers: [{ channel: "email", subject: "Penguin", body: "Dear {{customer.firstName}}," }],
      },
    });
    await drainSearchOutbox();
    const slugs = async (input: Parameters<typeof searchArticles>[0]) =>
      (await searchArticles(input, "internal")).hits.map((h) => h.slug).sort();
    expect(await slugs({ q: "pinguino", limit: 10 })).toEqual(["penguin-by-email", "solo-sms-pinguino"]);
    expect(await slugs({ q: "pinguino", channel: "email", limit: 10 })).toEqual(["penguin-by-email"]);
    expect(await slugs({ q: "pinguino", channel: "sms", limit: 10 })).toEqual(["solo-sms-pinguino"]);
    expect(await slugs({ q: "pinguino", locale: "it", limit: 10 })).toEqual(["solo-sms-pinguino"]);
  });

  it("escapes content in highlights so indexed text cannot inject markup", async () => {
    makeArticle({
      slug: "titolo-ostile",
      content: { title: "Fattura <img src=x onerror=alert(1)> zanzibar", body: "Testo." },
    });
    await drainSearchOutbox();
    const hit = (await searchArticles({ q: "zanzibar", limit: 5 }, "internal")).hits[0];
    expect(hit?.titleHtml).not.toContain("<img");
    expect(hit?.titleHtml).toContain("&#60;img");
    expect(hit?.titleHtml).toContain("<mark>zanzibar</mark>");
  });

  it("archiving removes the article from both indexes", async () => {
    const { article } = makeArticle({ slug: "da-archiviare", content: { title: "Offerta walrus scaduta" } });
    await drainSearchOutbox();
    expect((await searchArticles({ q: "walrus", limit: 5 }, "public")).hits).toHaveLength(1);
    updateArticleMeta(
      article.id,
      {
        slug: article.slug,
        locale: "it",
        translationGroup: article.translationGroup,
        productSlug: "fibra",
        categorySlug: "guasti",
        visibility: "public",
        status: "archived",
        tags: [],
      },
      null,
    );
    await drainSearchOutbox();
    expect((await searchArticles({ q: "walrus", limit: 5 }, "public")).hits).toHaveLength(0);
    expect((await searchArticles({ q: "walrus", limit: 5 }, "internal")).hits).toHaveLength(0);
  });

  it("reindex rebuilds both indexes from SQLite and swaps them in", async () => {
    const progress: number[] = [];
    const result = await reindexAll({ onProgress: (p) => progress.push(p.done) });
    const published = getDb()
      .$client.prepare(
        "select count(*) n from articles where published_version_id is not null and status != 'archived'",
      )
      .get() as { n: number };
    expect(result.articles).toBe(published.n);
    expect(result.public).toBe(published.n - 1); // one internal article
    expect(progress.at(-1)).toBe(published.n);
    expect((await searchArticles({ q: "modem spie", limit: 5 }, "internal")).hits[0]?.slug).toBe(
      "modem-spie-rosse",
    );
  });
});

describe("search sync survives a Meilisearch outage", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let meili: EmbeddedMeili;
  let meiliDir: string;
  let port: number;
  const key = "outage-test-master-key";

  beforeAll(async () => {
    env = useTestEnvironment("outage");
    meiliDir = mkdtempSync(join(tmpdir(), "sportello-int-outage-"));
    port = await freePort();
    const binary = await resolveMeiliBinary(process.env.MEILI_BIN);
    const start = () => startEmbeddedMeili({ binary: binary.path, port, dataDir: meiliDir, masterKey: key });
    meili = await start();
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = key;
    resetEnvCache();
    seedTaxonomy();
    await applyIndexSettings();
    (globalThis as { restartMeili?: () => Promise<EmbeddedMeili> }).restartMeili = start;
  });
  afterAll(async () => {
    await meili.stop();
    rmSync(meiliDir, { recursive: true, force: true });
    env.cleanup();
  });

  it("publishes while Meilisearch is down, keeps the change in the outbox, and indexes it once it is back", async () => {
    const editor = insertTestUser("editor");
    const { article, version } = makeArticle(
      { slug: "bolletta-doppia", content: { title: "Bolletta addebitata due volte" } },
      editor,
    );
    await drainSearchOutbox();

    await meili.stop();
    const down = await getHealth();
    expect(down.status).toBe("degraded");
    expect(down.search.ok).toBe(false);
    const saved = saveArticleVersion(
      {
        articleId: article.id,
        baseVersionId: version.id,
        title: "Bolletta addebitata due volte: rimborso capybara",
        summary: "",
        body: "Il rimborso arriva entro 30 giorni.",
        changeNote: "rimborso",
        answers: [],
        publish: true,
      },
      editor,
    );
    expect(saved.published).toBe(true);

    // The change is announced (the portal's page cache drops its pages) on the first attempt, before indexing fails…
    let announced = 0;
    const failed = await processSearchOutbox({ onNewRows: () => announced++ });
    expect(failed.failed).toBe(1);
    expect(announced).toBe(1);
    const row = getDb().select().from(schema.searchOutbox).get();
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toBeTruthy();
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Backing off: a pass before the retry time does nothing.
    expect((await processSearchOutbox()).processed + (await processSearchOutbox()).failed).toBe(0);

    meili = await (globalThis as unknown as { restartMeili: () => Promise<EmbeddedMeili> }).restartMeili();
    // …and not again by the retry: an outage must not keep purging the cache.
    expect(
      (await processSearchOutbox({ now: Date.now() + 60_000, onNewRows: () => announced++ })).processed,
    ).toBe(1);
    expect(announced).toBe(1);
    await drainSearchOutbox({ now: Date.now() + 60_000 });
    expect(getOutboxBacklog().pending).toBe(0);

    const hits = (await searchArticles({ q: "capybara", limit: 5 }, "internal")).hits;
    expect(hits.map((h) => h.slug)).toEqual(["bolletta-doppia"]);
    const up = await getHealth();
    expect(up).toMatchObject({ status: "ok", search: { ok: true }, outbox: { ok: true, pending: 0 } });
  });
});
