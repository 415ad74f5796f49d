import { describe, expect, it } from "vitest";
import { popularityScore } from "./popularity";

describe("popularity score", () => {
  it("counts an open once and a copy twice", () => {
    expect(popularityScore(0, 0)).toBe(0);
    expect(popularityScore(3, 0)).toBe(3);
    expect(popularityScore(0, 3)).toBe(6);
    expect(popularityScore(5, 2)).toBe(9);
  });
});
