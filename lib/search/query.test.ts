import { describe, expect, it } from "vitest";
import { highlightToHtml } from "./query";
import { backoffMs } from "./sync";

const PRE = "\u0002";
const POST = "\u0003";

describe("highlightToHtml", () => {
  it("turns the match markers into <mark> and leaves plain text alone", () => {
    expect(highlightToHtml(`Il ${PRE}modem${POST} ha le ${PRE}spie${POST} rosse`)).toBe(
      "Il <mark>modem</mark> ha le <mark>spie</mark> rosse",
    );
    expect(highlightToHtml("Nessuna corrispondenza")).toBe("Nessuna corrispondenza");
    expect(highlightToHtml("")).toBe("");
  });

  it("escapes & < > \" and ' as numeric entities", () => {
    expect(highlightToHtml(`a & b < c > d " e ' f`)).toBe("a &#38; b &#60; c &#62; d &#34; e &#39; f");
  });

  it("cannot be tricked into markup by indexed text", () => {
    const html = highlightToHtml(
      `<img src=x onerror="alert(1)"> ${PRE}<b>fattura</b>${POST} </mark><script>`,
    );
    expect(html).toBe(
      "&#60;img src=x onerror=&#34;alert(1)&#34;&#62; <mark>&#60;b&#62;fattura&#60;/b&#62;</mark> &#60;/mark&#62;&#60;script&#62;",
    );
    // The only tags left are the ones made from the markers.
    expect(html.match(/<[^>]*>/g)).toEqual(["<mark>", "</mark>"]);
  });

  it("does not double-escape entities already in the text", () => {
    expect(highlightToHtml("&amp; &#60;")).toBe("&#38;amp; &#38;#60;");
  });

  it("converts only the \\u0002/\\u0003 markers, not other control characters", () => {
    expect(highlightToHtml("a\u0001b\u0004c")).toBe("a\u0001b\u0004c");
  });
});

describe("backoffMs", () => {
  it("starts at half a second and doubles with each attempt", () => {
    expect(backoffMs(1)).toBe(500);
    expect(backoffMs(2)).toBe(1000);
    expect(backoffMs(3)).toBe(2000);
    expect(backoffMs(4)).toBe(4000);
  });

  it("treats zero or negative attempts like the first", () => {
    expect(backoffMs(0)).toBe(backoffMs(1));
    expect(backoffMs(-3)).toBe(backoffMs(1));
  });

  it("never shrinks and caps at 60 seconds", () => {
    const delays = Array.from({ length: 40 }, (_, i) => backoffMs(i + 1));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(Math.max(...delays)).toBe(60_000);
    expect(backoffMs(8)).toBe(60_000); // 500 · 2^7 = 64 s, over the cap
    expect(backoffMs(7)).toBe(32_000);
    expect(backoffMs(1000)).toBe(60_000);
  });
});
