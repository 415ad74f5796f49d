import { describe, expect, it } from "vitest";
import type { ParsedArticleFile } from "@/lib/content";
import { generateCorpus, splitSections, varyAmounts } from "./corpus";
import { createRng } from "./stats";

const para = (word: string, n: number) => Array.from({ length: n }, () => word).join(" ");

function source(slug: string, visibility: "public" | "internal", product = "fibra"): ParsedArticleFile {
  return {
    meta: {
      slug,
      locale: "it",
      translationGroup: slug,
      productSlug: product,
      categorySlug: "guasti-e-assistenza",
      tags: ["modem"],
      visibility,
      status: "published",
      ownerEmail: null,
      reviewBy: null,
    } as unknown as ParsedArticleFile["meta"],
    content: {
      title: `Titolo ${slug}`,
      summary: "Sommario.",
      body: `Introduzione ${slug}.\n\n## Uno\n\n${para(`${slug}uno`, 120)}\n\n## Due\n\n${para(`${slug}due`, 120)} 29,90 €\n\n## Tre\n\n${para(`${slug}tre`, 120)}`,
      changeNote: "",
      answers: [
        { channel: "phone", subject: null, body: "Costa 10 euro." },
        { channel: "chatbot", subject: null, body: "Leggi l'articolo." },
      ],
    },
  };
}

describe("splitSections", () => {
  it("splits at level-2 headings and keeps the intro apart", () => {
    expect(splitSections("Intro\n\n## A\n\nuno\n\n## B\n\ndue")).toEqual({
      intro: "Intro",
      sections: ["## A\n\nuno", "## B\n\ndue"],
    });
    expect(splitSections("## A\n\nuno").intro).toBe("");
  });
});

describe("varyAmounts", () => {
  it("changes prices and keeps their format, but leaves other numbers alone", () => {
    const out = varyAmounts("Costa 29,90 € o € 5, entro 10 giorni, 12 euro.", createRng(2));
    expect(out).toMatch(/^Costa \d+,\d{2} € o € \d+, entro 10 giorni, \d+ euro\.$/);
  });
});

describe("generateCorpus", () => {
  const sources = [
    source("alfa", "public"),
    source("beta", "public"),
    source("gamma", "internal"),
    source("delta", "public", "mobile"),
  ];
  const corpus = [...generateCorpus(sources, 200, { seed: 3 })];

  it("is deterministic, with unique slugs, every article published", () => {
    expect([...generateCorpus(sources, 200, { seed: 3 })]).toEqual(corpus);
    expect(new Set(corpus.map((a) => a.meta.slug)).size).toBe(200);
    expect(corpus.every((a) => a.meta.status === "published")).toBe(true);
  });

  it("writes bodies of roughly 300 to 500 words", () => {
    for (const a of corpus) {
      const words = a.content.body.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(250);
      expect(words).toBeLessThanOrEqual(620);
    }
  });

  it("never copies an internal article's sections into a public one, nor another product's", () => {
    for (const a of corpus.filter((x) => x.meta.visibility === "public")) {
      expect(a.content.body).not.toContain("gammauno");
      expect(a.content.body).not.toContain("gammadue");
      if (a.meta.productSlug === "fibra") expect(a.content.body).not.toContain("deltauno");
    }
  });

  it("has some internal articles, without chatbot answers, and some internal blocks", () => {
    const internal = corpus.filter((a) => a.meta.visibility === "internal");
    expect(internal.length).toBeGreaterThan(40);
    for (const a of internal) expect(a.content.answers.map((x) => x.channel)).not.toContain("chatbot");
    expect(corpus.filter((a) => a.content.body.includes(":::internal")).length).toBeGreaterThan(20);
  });

  it("varies titles and recombines sections across articles", () => {
    expect(new Set(corpus.map((a) => a.content.title)).size).toBeGreaterThan(190);
    expect(corpus.some((a) => a.content.body.includes("alfauno") && a.content.body.includes("betadue"))).toBe(
      true,
    );
  });
});
