import { describe, expect, it } from "vitest";
import { findArticleLinks } from "./links";

describe("findArticleLinks", () => {
  it("finds absolute, localised, relative and anchored article links", () => {
    const body = [
      "Vedi [modem](/a/modem-rosso) e [en](/en/a/red-modem#steps).",
      "Anche [rel](../a/sim-smarrita) o [nudo](a/pin-puk?x=1) e [full](https://help.example.it/it/a/fibra).",
    ].join("\n");
    expect(findArticleLinks(body).map((l) => l.slug)).toEqual([
      "modem-rosso",
      "red-modem",
      "sim-smarrita",
      "pin-puk",
      "fibra",
    ]);
  });

  it("ignores images, categories and other pages", () => {
    expect(findArticleLinks("![x](/a/logo) [c](/it/c/guasti) [s](/search?q=a) [e](mailto:a@b.it)")).toEqual(
      [],
    );
  });
});
