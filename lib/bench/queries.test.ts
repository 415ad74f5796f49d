import { describe, expect, it } from "vitest";
import { AGENT_QUERIES, buildQueryStream, halfTyped, misspellQuery, misspellWord } from "./queries";
import { createRng } from "./stats";

const distance = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
};

describe("misspellWord", () => {
  it("makes one edit a typo-tolerant engine forgives, keeping the first letter", () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const typo = misspellWord("bolletta", rng);
      expect(typo[0]).toBe("b");
      // A swap counts as two single-letter edits; Meilisearch allows two typos from 8 letters.
      expect(distance("bolletta", typo)).toBeLessThanOrEqual(2);
    }
  });

  it("drops accents first, and leaves short words alone", () => {
    expect(misspellWord("portabilità", createRng(1))).toBe("portabilita");
    expect(misspellWord("sim", createRng(1))).toBe("sim");
  });
});

describe("query stream", () => {
  it("misspells one word of a query and nothing else", () => {
    const typo = misspellQuery("rimborso doppio addebito", createRng(9));
    const changed = typo.split(" ").filter((w, i) => w !== "rimborso doppio addebito".split(" ")[i]);
    expect(changed.length).toBeLessThanOrEqual(1);
  });

  it("cuts the last word to at least three letters when half-typed", () => {
    for (let s = 0; s < 50; s++) {
      const half = halfTyped("garanzia smartphone", createRng(s));
      expect(half.startsWith("garanzia sma")).toBe(true);
    }
  });

  it("is reproducible and mixes exact, misspelled and half-typed queries", () => {
    const a = buildQueryStream(500, 11);
    expect(buildQueryStream(500, 11)).toEqual(a);
    const exact = a.filter((q) => AGENT_QUERIES.includes(q)).length;
    expect(exact).toBeGreaterThan(100);
    expect(exact).toBeLessThan(400);
    for (const q of a) expect(q.length).toBeGreaterThanOrEqual(3);
  });
});
