import { describe, expect, it } from "vitest";
import { analyzeSms } from "../sms";
import { listDistinctUcs2Chars, segmentMissingVariables, segmentUcs2 } from "./text-segments";

describe("segmentUcs2", () => {
  it("cuts the text around the characters that force UCS-2", () => {
    const text = "È l’ora, Alessandra";
    expect(segmentUcs2(text, analyzeSms(text).ucs2Chars)).toEqual([
      { text: "È", ucs2: true },
      { text: " l", ucs2: false },
      { text: "’", ucs2: true },
      { text: "ora, Alessandra", ucs2: false },
    ]);
  });

  it("keeps emoji and their modifiers whole", () => {
    const text = "Ok 👍🏽!";
    expect(segmentUcs2(text, analyzeSms(text).ucs2Chars)).toEqual([
      { text: "Ok ", ucs2: false },
      { text: "👍🏽", ucs2: true },
      { text: "!", ucs2: false },
    ]);
  });

  it("returns the text as one run when it is all GSM-7, and skips stale offsets", () => {
    expect(segmentUcs2("àèìòù", [])).toEqual([{ text: "àèìòù", ucs2: false }]);
    expect(segmentUcs2("abc", [{ char: "È", index: 1 }])).toEqual([{ text: "abc", ucs2: false }]);
    expect(segmentUcs2("", [])).toEqual([]);
  });

  it("lists each character once", () => {
    expect(listDistinctUcs2Chars(analyzeSms("È’È“”").ucs2Chars)).toEqual(["È", "’", "“", "”"]);
  });
});

describe("segmentMissingVariables", () => {
  it("marks the tokens left without a value", () => {
    expect(segmentMissingVariables("Chiama il {{fact.phone}} oggi")).toEqual([
      { text: "Chiama il ", missing: false },
      { text: "{{fact.phone}}", missing: true },
      { text: " oggi", missing: false },
    ]);
    expect(segmentMissingVariables("nessuno")).toEqual([{ text: "nessuno", missing: false }]);
  });
});
