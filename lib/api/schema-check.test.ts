import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { checkAgainstSchema } from "./schema-check";

// The contract tests trust this checker: it must reject what the document does not allow, not only accept.
describe("checkAgainstSchema on the API document", () => {
  const doc = buildOpenApiDocument("http://localhost");
  const answer = { $ref: "#/components/schemas/Answer" };
  const ok = { channel: "sms", text: "Ciao", missing: [], sms: { encoding: "GSM-7", parts: 1 } };

  it("accepts a valid answer", () => {
    expect(checkAgainstSchema(ok, answer, doc)).toEqual([]);
  });

  it("rejects wrong types, unknown enums, missing and undocumented fields, nested ones too", () => {
    expect(checkAgainstSchema({ ...ok, text: 3 }, answer, doc)).toEqual([
      "$.text: expected string, got integer",
    ]);
    expect(checkAgainstSchema({ ...ok, channel: "fax" }, answer, doc)[0]).toMatch(
      /^\$\.channel: "fax" not in/,
    );
    expect(checkAgainstSchema({ channel: "sms", text: "x" }, answer, doc)).toEqual(["$.missing: required"]);
    expect(checkAgainstSchema({ ...ok, secret: 1 }, answer, doc)).toEqual(["$.secret: not in the schema"]);
    expect(checkAgainstSchema({ ...ok, sms: { encoding: "GSM-7", parts: 1.5 } }, answer, doc)).toEqual([
      "$.sms.parts: expected integer, got number",
    ]);
    const article = { $ref: "#/components/schemas/SearchResponse" };
    const errors = checkAgainstSchema(
      { query: "q", audience: "public", channel: null, total: 1, hits: [{ id: 1 }] },
      article,
      doc,
    );
    expect(errors).toContain("$.hits[0].slug: required");
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
    expect(checkAgainstSchema({ ...base, updatedAt: "ieri" }, hit, doc)[0]).toMatch(
      /^\$\.updatedAt: does not match/,
    );
    expect(checkAgainstSchema({ ...base, url: 1 }, hit, doc)).toEqual([
      "$.url: expected string|null, got integer",
    ]);
  });
});
