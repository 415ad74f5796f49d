import { describe, expect, it } from "vitest";
import { synonymsFromGroups } from "@/lib/search/settings";
import { DEFAULT_SYNONYM_GROUPS, SynonymGroupsInput, SynonymGroupTextInput } from "./synonyms";

describe("synonym groups", () => {
  it("normalises what the admin types: trimmed, lower-case, spaces collapsed, duplicates removed", () => {
    expect(SynonymGroupTextInput.parse("  Bolletta ,FATTURA, fattura,  conto   corrente ")).toEqual([
      "bolletta",
      "fattura",
      "conto corrente",
    ]);
  });

  it("needs 2 to 20 distinct terms of 1 to 50 characters", () => {
    expect(SynonymGroupTextInput.safeParse("modem").success).toBe(false);
    expect(SynonymGroupTextInput.safeParse("modem, Modem").success).toBe(false);
    expect(SynonymGroupTextInput.safeParse("modem, , router").success).toBe(false);
    expect(SynonymGroupTextInput.safeParse(`modem, ${"x".repeat(51)}`).success).toBe(false);
    expect(SynonymGroupTextInput.safeParse(`modem, ${"x".repeat(50)}`).success).toBe(true);
    const terms = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`).join(",");
    expect(SynonymGroupTextInput.safeParse(terms(20)).success).toBe(true);
    expect(SynonymGroupTextInput.safeParse(terms(21)).success).toBe(false);
  });

  it("the defaults are valid groups", () => {
    expect(SynonymGroupsInput.safeParse(DEFAULT_SYNONYM_GROUPS.map((g) => [...g])).success).toBe(true);
  });

  it("turns groups into symmetric Meilisearch synonyms, merging groups that share a term", () => {
    const synonyms = synonymsFromGroups([
      ["bolletta", "fattura"],
      ["rimborso", "restituzione"],
      ["reso", "restituzione"],
    ]);
    expect(synonyms.bolletta).toEqual(["fattura"]);
    expect(synonyms.fattura).toEqual(["bolletta"]);
    expect(synonyms.restituzione).toEqual(["rimborso", "reso"]);
  });
});
