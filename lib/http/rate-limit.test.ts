import { describe, expect, it } from "vitest";
import { createTokenBuckets, sharedTokenBuckets } from "./rate-limit";

describe("createTokenBuckets", () => {
  it("allows a burst, then refuses with the seconds until the next token", () => {
    const buckets = createTokenBuckets({ burst: 3, perSecond: 0.5 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take("a", t0).allowed)).toEqual([true, true, true]);
    expect(buckets.take("a", t0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // One token back after 2 s at 0.5/s.
    expect(buckets.take("a", t0 + 2000)).toEqual({ allowed: true });
    expect(buckets.take("a", t0 + 2000).allowed).toBe(false);
  });

  it("keeps clients apart", () => {
    const buckets = createTokenBuckets({ burst: 1, perSecond: 1 });
    expect(buckets.take("a", 0).allowed).toBe(true);
    expect(buckets.take("a", 0).allowed).toBe(false);
    expect(buckets.take("b", 0).allowed).toBe(true);
  });

  it("never refills above the burst", () => {
    const buckets = createTokenBuckets({ burst: 2, perSecond: 10 });
    buckets.take("a", 0);
    const after = [1, 2, 3].map(() => buckets.take("a", 3_600_000).allowed);
    expect(after).toEqual([true, true, false]);
  });

  it("forgets the longest-idle client beyond maxKeys", () => {
    const buckets = createTokenBuckets({ burst: 1, perSecond: 0.001 }, 2);
    buckets.take("a", 0);
    buckets.take("b", 1);
    buckets.take("c", 2);
    expect(buckets.size()).toBe(2);
    // "a" was forgotten, so it starts with a full bucket; "c" is still spent.
    expect(buckets.take("a", 3).allowed).toBe(true);
    expect(buckets.take("c", 3).allowed).toBe(false);
  });
});

describe("sharedTokenBuckets", () => {
  it("returns the same buckets for the same name", () => {
    const first = sharedTokenBuckets("test-shared", { burst: 1, perSecond: 1 });
    expect(sharedTokenBuckets("test-shared", { burst: 1, perSecond: 1 })).toBe(first);
  });
});
