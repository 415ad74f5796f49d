import { describe, expect, it } from "vitest";
import { createRng, percentile, shuffle, summarize } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank, so every percentile is an observed sample", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([1, 2], 0)).toBe(1);
  });

  it("is NaN without samples", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(summarize([]).mean).toBeNaN();
  });
});

describe("summarize", () => {
  it("does not depend on sample order", () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s).toEqual({ n: 5, p50: 3, p95: 5, p99: 5, mean: 3, max: 5 });
  });

  it("lets a slow tail show in p95 and p99 but not p50", () => {
    const samples = [...Array.from({ length: 90 }, () => 2), ...Array.from({ length: 10 }, () => 40)];
    const s = summarize(samples);
    expect(s.p50).toBe(2);
    expect(s.p95).toBe(40);
  });
});

describe("createRng", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("shuffles without losing items", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(createRng(1), items);
    expect([...out].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
