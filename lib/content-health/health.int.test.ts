import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeArticle, seedTaxonomy } from "@/lib/test/factories";
import { useTestEnvironment } from "@/lib/test/harness";
import { HEALTH_KINDS, listContentHealth } from "./index";

describe("content health", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  const ids: Record<string, number> = {};
  const now = new Date("2026-11-20T12:00:00Z");

  beforeAll(() => {
    env = useTestEnvironment("content-health");
    seedTaxonomy();
    const make = (key: string, overrides: Parameters<typeof makeArticle>[0]) => {
      ids[key] = makeArticle(overrides).article.id;
    };
    make("interno", { slug: "nota-interna", visibility: "internal" });
    make("bozza", { slug: "bozza-futura", status: "draft" });
    make("linker", {
      slug: "con-link",
      translationGroup: "gruppo-link",
      reviewBy: "2026-11-01",
      content: {
        body: [
          "[ok](/it/a/con-link-en) [sparito](/a/non-esiste) [bozza](../a/bozza-futura)",
          "[interno](/a/nota-interna) ![img](/a/nota-interna)",
        ].join("\n"),
      },
    });
    make("linkerEn", { slug: "con-link-en", locale: "en", translationGroup: "gruppo-link" });
    const db = getDb().$client;
    // The Italian text was last published 45 days after the English one: the English translation is outdated.
    db.prepare("update article_versions set created_at = ? where article_id = ?").run(
      Date.parse("2026-09-01T00:00:00Z"),
      ids.linkerEn,
    );
    db.prepare("update article_versions set created_at = ? where article_id = ?").run(
      Date.parse("2026-10-16T00:00:00Z"),
      ids.linker,
    );
    const vote = db.prepare(
      "insert into helpful_votes (created_at, article_id, version_number, visitor_id, helpful) values (?, ?, 1, ?, ?)",
    );
    const at = Date.parse("2026-11-10T00:00:00Z");
    vote.run(at, ids.interno, "v1", 0);
    vote.run(at, ids.interno, "v2", 0);
    vote.run(at, ids.interno, "v3", 1);
    vote.run(at, ids.linkerEn, "v1", 0);
    vote.run(at, ids.linkerEn, "v2", 0); // two votes only: not enough to judge
  });
  afterAll(() => env.cleanup());

  it("lists overdue reviews, parity gaps, broken links, translations and unhelpful articles with their fix page", () => {
    const items = listContentHealth({ now, today: "2026-11-20" });
    const of = (kind: string, articleId?: number) =>
      items.filter((i) => i.kind === kind && (articleId === undefined || i.articleId === articleId));

    expect(of("review_overdue", ids.linker)).toEqual([
      expect.objectContaining({ href: `/studio/articles/${ids.linker}#meta` }),
    ]);
    expect(of("parity", ids.linker).map((i) => i.href)).toContain(
      `/studio/articles/${ids.linker}#answer-phone`,
    );

    const links = of("broken_link", ids.linker).map((i) => i.detail);
    expect(links).toEqual([
      "Il link /a/non-esiste porta a un articolo che non esiste.",
      "Il link ../a/bozza-futura porta a un articolo non pubblicato.",
      "Il link /a/nota-interna porta, da un articolo pubblico, a un articolo interno.",
    ]);
    expect(of("broken_link", ids.linker)[0]?.href).toBe(`/studio/articles/${ids.linker}`);

    expect(of("missing_translation", ids.interno)).toEqual([
      expect.objectContaining({ href: `/studio/articles/new?translationOf=${ids.interno}` }),
    ]);
    expect(of("missing_translation", ids.linker)).toEqual([]);
    expect(of("missing_translation", ids.bozza)).toEqual([]); // drafts need no translation yet
    expect(of("outdated_translation")).toEqual([
      expect.objectContaining({
        articleId: ids.linkerEn,
        href: `/studio/articles/${ids.linker}/translation/${ids.linkerEn}`,
        detail: "Il testo IT pubblicato è più recente di 45 giorni.",
      }),
    ]);

    expect(of("unhelpful").map((i) => i.articleId)).toEqual([ids.interno]);
    const order = items.map((i) => HEALTH_KINDS.indexOf(i.kind));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
