import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { checkAgainstSchema } from "./schema-check";

// The contract tests trust this check: it must reject what the document does not allow, not only accept.
describe("checkAgainstSchema on the API document", () => {
  const doc = buildOpenApiDocument("http://localhost");
  const answer = { $ref: "#/components/schemas/Answer" };
  const ok = { channel: "sms", text: "Ciao", missing: [], sms: { encoding: "GSM-7", parts: 1 } };

  it("accepts a valid answer", () => {
    expect(checkAgainstSchema(ok, answer, doc)).toEqual([]);
  });

  it("rejects wrong types, unknown enums, missing and undocumented fields, nested ones too", () => {
    expect(checkAgainstSchema({ ...ok, text: 3 }, answer, doc)).toContain("$/text: must be string");
    expect(checkAgainstSchema({ ...ok, channel: "fax" }, answer, doc).join()).toMatch(
      /\$\/channel: must be equal to one of the allowed values/,
    );
    expect(checkAgainstSchema({ channel: "sms", text: "x" }, answer, doc)).toContain(
      "$: must have required property 'missing' (missing)",
    );
    expect(checkAgainstSchema({ ...ok, secret: 1 }, answer, doc)).toContain(
      "$: must NOT have additional properties (secret)",
    );
    expect(checkAgainstSchema({ ...ok, sms: { encoding: "GSM-7", parts: 1.5 } }, answer, doc)).toContain(
      "$/sms/parts: must be integer",
    );
    const errors = checkAgainstSchema(
      { query: "q", audience: "public", channel: null, total: 1, hits: [{ id: 1 }] },
      { $ref: "#/components/schemas/SearchResponse" },
      doc,
    );
    expect(errors).toContain("$/hits/0: must have required property 'slug' (slug)");
  });

  it("checks date-time strings and nullable fields", () => {
    const hit = { $ref: "#/components/schemas/SearchHit" };
    const base = {
      id: 1,
      slug: "a",
      locale: "it",
      visibility: "public",
      title: "t",
      summary: "s",
      url: null,
      updatedAt: "2026-11-25T01:00:00.000Z",
      product: { slug: "p", name: "P" },
      category: { slug: "c", name: "C" },
      answers: [],
    };
    expect(checkAgainstSchema(base, hit, doc)).toEqual([]);
    expect(checkAgainstSchema({ ...base, updatedAt: "ieri" }, hit, doc).join()).toMatch(
      /^\$\/updatedAt: must match pattern/,
    );
    expect(checkAgainstSchema({ ...base, url: 1 }, hit, doc).join()).toMatch(/\$\/url: must be string/);
  });
});
