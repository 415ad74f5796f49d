import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticleForEdit, saveArticleVersion } from "@/lib/articles";
import { listCatalogFilterOptions, listStudioArticles, parseStudioListFilters } from "@/lib/catalog";
import { getDb, schema } from "@/lib/db";
import { flagArticle } from "@/lib/flags";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";

const TODAY = "2026-11-24";
const ALL_ANSWERS = [
  { channel: "phone" as const, subject: null, body: "Le spiego come fare." },
  { channel: "email" as const, subject: "La sua richiesta", body: "Gentile cliente, ecco come fare." },
  { channel: "sms" as const, subject: null, body: "Ecco come fare." },
];

function list(query: string) {
  return listStudioArticles(parseStudioListFilters(new URLSearchParams(query)), { today: TODAY });
}
const slugs = (query: string) => list(query).rows.map((r) => r.slug);

function set(articleId: number, column: string, value: unknown): void {
  getDb().$client.prepare(`update articles set ${column} = ? where id = ?`).run(value, articleId);
}

describe("studio article list", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let anna: { id: number };
  let bruno: { id: number };
  const ids: Record<string, number> = {};

  beforeAll(() => {
    env = useTestEnvironment("catalog");
    seedTaxonomy();
    const db = getDb();
    db.insert(schema.products)
      .values({ slug: "mobile", name: { it: "Mobile" }, channels: [] })
      .run();
    db.insert(schema.categories)
      .values({ slug: "bollette", name: { it: "Bollette" }, position: 2 })
      .run();
    anna = insertTestUser("editor");
    bruno = insertTestUser("editor");
    getDb().$client.prepare("update users set name = ? where id = ?").run("Anna", anna.id);
    getDb().$client.prepare("update users set name = ? where id = ?").run("Bruno", bruno.id);

    // "modem": published, in parity, review overdue, owned by Anna.
    const modem = makeArticle(
      {
        slug: "modem",
        reviewBy: "2026-11-01",
        content: { title: "Modem lampeggia rosso", body: "Riavvia il MODEM.", answers: ALL_ANSWERS },
      },
      anna,
    ).article;
    // "sconto": public draft, never published, with LIKE wildcards in its text; missing phone and email answers.
    const sconto = makeArticle(
      {
        slug: "sconto",
        status: "draft",
        reviewBy: "2026-12-10",
        content: { title: "Sconto 10% subito", summary: "Promo_autunno", body: "Vale per tutti." },
      },
      bruno,
    ).article;
    // "roaming": mobile, English, internal, due soon, Bruno's; published, then a draft replaces its body (so its
    // status is "draft" again).
    const roaming = makeArticle(
      {
        slug: "roaming",
        productSlug: "mobile",
        categorySlug: "bollette",
        locale: "en",
        visibility: "internal",
        reviewBy: "2026-12-24",
        content: { title: "Roaming abroad", body: "Vecchio testo pubblicato.", answers: [] },
      },
      bruno,
    ).article;
    const current = getArticleForEdit(roaming.id);
    if (!current) throw new Error("no version");
    saveArticleVersion(
      {
        articleId: roaming.id,
        baseVersionId: current.version.id,
        title: "Roaming abroad",
        summary: "",
        body: "Testo in bozza con parolasegreta.",
        changeNote: "",
        answers: [],
        publish: false,
      },
      bruno,
    );
    // "sconto100": a near miss for the wildcard test; archived.
    const sconto100 = makeArticle(
      { slug: "sconto100", status: "draft", content: { title: "Sconto 100 subito", answers: ALL_ANSWERS } },
      anna,
    ).article;
    set(sconto100.id, "status", "archived");
    // A flag on "roaming".
    flagArticle(
      { articleId: roaming.id, versionId: current.version.id, channel: "sms", reason: "Tariffe cambiate" },
      insertTestUser("agent"),
    );

    // Distinct update times so the default order is certain.
    set(modem.id, "updated_at", 4_000);
    set(sconto.id, "updated_at", 3_000);
    set(roaming.id, "updated_at", 2_000);
    set(sconto100.id, "updated_at", 1_000);
    Object.assign(ids, { modem: modem.id, sconto: sconto.id, roaming: roaming.id, sconto100: sconto100.id });
  });
  afterAll(() => env.cleanup());

  it("lists every article, drafts and archived included, last updated first, with owner, review and counts", () => {
    const { rows, total } = list("");
    expect(total).toBe(4);
    expect(rows.map((r) => r.slug)).toEqual(["modem", "sconto", "roaming", "sconto100"]);
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
    expect(bySlug.modem).toMatchObject({
      title: "Modem lampeggia rosso",
      status: "published",
      product: "Fibra",
      category: "Guasti",
      owner: "Anna",
      ownerId: anna.id,
      reviewBy: "2026-11-01",
      reviewOverdue: true,
      parityProblems: 1,
      openFlags: 0,
      hasUnpublishedChanges: false,
    });
    expect(bySlug.sconto).toMatchObject({
      reviewOverdue: false,
      parityProblems: 2,
      openFlags: 0,
      owner: "Bruno",
    });
    expect(bySlug.roaming).toMatchObject({
      title: "Roaming abroad",
      versionNumber: 2,
      hasUnpublishedChanges: true,
      parityProblems: 0,
      openFlags: 1,
    });
    // Archived articles are out of the parity report, so they count no problems.
    expect(bySlug.sconto100).toMatchObject({ status: "archived", parityProblems: 0 });
  });

  it("filters by status, product, category, locale, visibility and owner", () => {
    // A published article with a newer draft is "draft": the status is the working copy's (lib/articles/save.ts).
    expect(slugs("status=draft")).toEqual(["sconto", "roaming"]);
    expect(slugs("status=archived")).toEqual(["sconto100"]);
    expect(slugs("product=mobile")).toEqual(["roaming"]);
    expect(slugs("product=fibra&status=published")).toEqual(["modem"]);
    expect(slugs("status=published")).toEqual(["modem"]);
    expect(slugs("category=bollette")).toEqual(["roaming"]);
    expect(slugs("locale=en")).toEqual(["roaming"]);
    expect(slugs("visibility=internal")).toEqual(["roaming"]);
    expect(slugs(`owner=${anna.id}`)).toEqual(["modem", "sconto100"]);
    expect(slugs(`owner=${bruno.id}&locale=it`)).toEqual(["sconto"]);
    expect(slugs("product=non-esiste")).toEqual([]);
  });

  it("filters by review date: overdue, and due within 30 days", () => {
    expect(slugs("reviewDue=overdue")).toEqual(["modem"]);
    expect(slugs("reviewDue=soon")).toEqual(["sconto", "roaming"]);
  });

  it("filters articles with parity problems and articles flagged by agents", () => {
    expect(slugs("parity=yes")).toEqual(["modem", "sconto"]);
    expect(slugs("flagged=yes")).toEqual(["roaming"]);
    expect(slugs("parity=yes&flagged=yes")).toEqual([]);
  });

  it("finds text in the title, summary and body of the working copy, drafts included, ignoring case", () => {
    expect(slugs("q=modem")).toEqual(["modem"]);
    expect(slugs("q=LAMPEGGIA")).toEqual(["modem"]);
    expect(slugs("q=promo")).toEqual(["sconto"]);
    expect(slugs("q=parolasegreta")).toEqual(["roaming"]);
    // The published body was replaced by the draft: the list finds what the editor is working on.
    expect(slugs("q=vecchio")).toEqual([]);
    expect(slugs("q=sconto&status=draft")).toEqual(["sconto"]);
  });

  it("takes % and _ literally", () => {
    expect(slugs("q=10%25")).toEqual(["sconto"]);
    expect(slugs("q=o_a")).toEqual(["sconto"]);
    expect(slugs("q=_")).toEqual(["sconto"]);
    expect(slugs("q=%25")).toEqual(["sconto"]);
  });

  it("sorts by title, review date (none last) and workflow status", () => {
    expect(slugs("sort=title")).toEqual(["modem", "roaming", "sconto", "sconto100"]);
    expect(slugs("sort=reviewBy")).toEqual(["modem", "sconto", "roaming", "sconto100"]);
    expect(slugs("sort=status")).toEqual(["sconto", "roaming", "modem", "sconto100"]);
    expect(slugs("sort=nonsense")).toEqual(slugs(""));
  });

  it("offers products, categories and possible owners for the filter bar", () => {
    const options = listCatalogFilterOptions();
    expect(options.products.map((p) => p.slug)).toEqual(["fibra", "mobile"]);
    expect(options.categories.map((c) => c.slug)).toEqual(["guasti", "bollette"]);
    const names = options.owners.map((o) => o.name);
    expect(names).toContain("Anna");
    expect(names).toContain("Bruno");
    expect(names).not.toContain("Test agent");
  });
});
