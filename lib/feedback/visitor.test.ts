import { describe, expect, it } from "vitest";
import { newVisitorId, parseVisitorId } from "./visitor";

describe("visitor ids", () => {
  it("are 128 random bits in base64url, and only such ids are accepted from a cookie", () => {
    const id = newVisitorId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, "base64url")).toHaveLength(16);
    expect(newVisitorId()).not.toBe(id);
    expect(parseVisitorId(id)).toBe(id);
    for (const bad of [undefined, null, "", "abc", `${id}x`, `${"a".repeat(21)}!`]) {
      expect(parseVisitorId(bad)).toBeNull();
    }
  });
});
