import { describe, expect, it } from "vitest";
import { articleJsonLd, faqJsonLd, serializeJsonLd } from "./json-ld";

describe("serializeJsonLd", () => {
  it("cannot be closed by content, and still parses to the same data", () => {
    const data = { headline: '</script><script>alert(1)</script> & "più"\u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toContain("</script");
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("articleJsonLd", () => {
  it("describes the article and its breadcrumb trail in order", () => {
    const [article, trail] = articleJsonLd({
      url: "https://help.example/a/sim",
      title: "SIM smarrita",
      summary: "Come bloccarla",
      locale: "it",
      publishedAt: new Date("2026-11-20T10:00:00Z"),
      publisher: "Centro assistenza",
      breadcrumbs: [
        { name: "Centro assistenza", url: "https://help.example/" },
        { name: "SIM", url: "https://help.example/c/sim" },
      ],
    }) as [Record<string, unknown>, { itemListElement: { position: number; name: string }[] }];
    expect(article).toMatchObject({ "@type": "Article", headline: "SIM smarrita", inLanguage: "it" });
    expect(trail.itemListElement.map((i) => [i.position, i.name])).toEqual([
      [1, "Centro assistenza"],
      [2, "SIM"],
    ]);
  });
});

describe("faqJsonLd", () => {
  it("marks up question sections as an FAQPage, only when there are at least two", () => {
    const one = [{ question: "Quanto costa?", answer: "Nulla." }];
    expect(faqJsonLd("https://x/a/y", one)).toBeNull();
    const two = [...one, { question: "Quando arriva?", answer: "Entro 5 giorni." }];
    expect(faqJsonLd("https://x/a/y", two)).toEqual({
      "@context": "https://schema.org",
      "@type": "FAQPage",
      url: "https://x/a/y",
      mainEntity: [
        { "@type": "Question", name: "Quanto costa?", acceptedAnswer: { "@type": "Answer", text: "Nulla." } },
        {
          "@type": "Question",
          name: "Quando arriva?",
          acceptedAnswer: { "@type": "Answer", text: "Entro 5 giorni." },
        },
      ],
    });
  });
});
