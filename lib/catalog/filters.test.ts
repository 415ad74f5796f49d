import { describe, expect, it } from "vitest";
import { containsPattern, hasActiveFilters, parseStudioListFilters } from "./filters";

describe("parseStudioListFilters", () => {
  it("reads every filter from the URL", () => {
    const filters = parseStudioListFilters(
      new URLSearchParams(
        "q=+modem+&status=draft&product=fibra&category=guasti&locale=en&visibility=internal&owner=4&reviewDue=overdue&parity=yes&flagged=yes&sort=title",
      ),
    );
    expect(filters).toEqual({
      q: "modem",
      status: "draft",
      product: "fibra",
      category: "guasti",
      locale: "en",
      visibility: "internal",
      owner: 4,
      reviewDue: "overdue",
      parity: "yes",
      flagged: "yes",
      sort: "title",
    });
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it("ignores unknown, malformed and empty values instead of failing", () => {
    const filters = parseStudioListFilters({
      q: "   ",
      status: "deleted",
      product: "Fibra; drop table",
      category: "",
      locale: "fr",
      visibility: ["public", "internal"],
      owner: "-3",
      reviewDue: "tomorrow",
      parity: "1",
      flagged: undefined,
      sort: "random",
      page: "2",
    });
    expect(filters).toEqual({ sort: "updated", visibility: "public" });
    expect(hasActiveFilters(parseStudioListFilters({ sort: "title" }))).toBe(false);
  });
});

describe("containsPattern", () => {
  it("escapes LIKE wildcards and the escape character, and lower-cases", () => {
    expect(containsPattern("Sconto 10%_A")).toBe("%sconto 10\\%\\_a%");
    expect(containsPattern("c:\\tmp")).toBe("%c:\\\\tmp%");
  });
});
