import { describe, expect, it } from "vitest";
import { analyzeSms } from "./index";
import { gsm7Cost } from "./sms";

const a = (count: number) => "a".repeat(count);

describe("analyzeSms: GSM-7", () => {
  it("counts an empty text as no message", () => {
    expect(analyzeSms("")).toEqual({
      encoding: "GSM-7",
      units: 0,
      parts: 0,
      perPart: 160,
      remainingInPart: 160,
      ucs2Chars: [],
    });
  });

  it("fits 160 characters in one part and splits at 153 per part after that", () => {
    expect(analyzeSms(a(160))).toMatchObject({ units: 160, parts: 1, perPart: 160, remainingInPart: 0 });
    expect(analyzeSms(a(161))).toMatchObject({ units: 161, parts: 2, perPart: 153, remainingInPart: 145 });
    expect(analyzeSms(a(306))).toMatchObject({ units: 306, parts: 2, remainingInPart: 0 });
    expect(analyzeSms(a(307))).toMatchObject({ units: 307, parts: 3, remainingInPart: 152 });
  });

  it("counts the extension characters ^{}\\[~]|€ twice", () => {
    const extension = "^{}\\[~]|€";
    expect(analyzeSms(extension)).toMatchObject({ encoding: "GSM-7", units: 18, parts: 1 });
    expect(analyzeSms("€".repeat(80))).toMatchObject({ units: 160, parts: 1 });
    expect(analyzeSms(`${"€".repeat(80)}a`)).toMatchObject({ units: 161, parts: 2 });
    expect(analyzeSms(`${a(159)}€`)).toMatchObject({ units: 161, parts: 2 });
  });

  it("never splits an escape sequence across two parts", () => {
    // 306 septets would fit 2 × 153, but the € cannot start at septet 153 of the first part.
    expect(analyzeSms(`${a(152)}€${a(152)}`)).toMatchObject({ units: 306, parts: 3 });
    expect(analyzeSms(`${a(151)}€${a(153)}`)).toMatchObject({ units: 306, parts: 2 });
  });

  it("keeps Italian text in GSM-7", () => {
    const italian = "Perché è già così? Là, lì, però più giù. Ecco l'IVA: 10 € al mese; @ # $ % & ¤ £ ¥";
    const result = analyzeSms(italian);
    expect(result.encoding).toBe("GSM-7");
    expect(result.ucs2Chars).toEqual([]);
    expect(result.units).toBe(Array.from(italian).length + 1);
  });

  it("uses the real 3GPP TS 23.038 basic table", () => {
    for (const char of "àèéìòùÄÖÑÜ§¿¡ΔΦΓΛΩΠΨΣΘΞ£¥ÇÉØøÅåÆæßäöñü_\n\r") expect(gsm7Cost(char)).toBe(1);
    for (const char of "ÈÀÌÒÙçáêëíîóôúûÁÂÃ`’‘“”«»…–—\t\u001b") expect(gsm7Cost(char)).toBeNull();
    expect(analyzeSms("a\r\nb")).toMatchObject({ encoding: "GSM-7", units: 4 });
  });
});

describe("analyzeSms: UCS-2", () => {
  it("switches to UCS-2 for È and points at it", () => {
    const result = analyzeSms("È arrivato");
    expect(result.encoding).toBe("UCS-2");
    expect(result.ucs2Chars).toEqual([{ char: "È", index: 0 }]);
    expect(result.units).toBe(10);
  });

  it("points at curly quotes and emoji with their UTF-16 offsets", () => {
    const text = "L’ordine “ok” 👍 ok";
    expect(analyzeSms(text).ucs2Chars).toEqual([
      { char: "’", index: 1 },
      { char: "“", index: 9 },
      { char: "”", index: 12 },
      { char: "👍", index: 14 },
    ]);
    expect(text.slice(14, 16)).toBe("👍");
  });

  it("fits 70 units in one part and 67 per part after that", () => {
    expect(analyzeSms(`È${a(69)}`)).toMatchObject({ units: 70, parts: 1, perPart: 70, remainingInPart: 0 });
    expect(analyzeSms(`È${a(70)}`)).toMatchObject({ units: 71, parts: 2, perPart: 67, remainingInPart: 63 });
    expect(analyzeSms(`È${a(133)}`)).toMatchObject({ units: 134, parts: 2 });
    expect(analyzeSms(`È${a(134)}`)).toMatchObject({ units: 135, parts: 3 });
  });

  it("counts an emoji as two units and never splits it", () => {
    expect(analyzeSms("😀")).toMatchObject({ encoding: "UCS-2", units: 2, parts: 1 });
    expect(analyzeSms(`${a(68)}😀`)).toMatchObject({ units: 70, parts: 1 });
    expect(analyzeSms(`${a(69)}😀`)).toMatchObject({ units: 71, parts: 2 });
    // 134 units would fit 2 × 67, but the emoji cannot straddle the first boundary.
    expect(analyzeSms(`${a(66)}😀${a(66)}`)).toMatchObject({ units: 134, parts: 3 });
  });

  it("reports a whole grapheme once: skin tones, flags, combining accents", () => {
    expect(analyzeSms("ok 👍🏽").ucs2Chars).toEqual([{ char: "👍🏽", index: 3 }]);
    expect(analyzeSms("🇮🇹").ucs2Chars).toEqual([{ char: "🇮🇹", index: 0 }]);
    expect(analyzeSms("e\u0300").ucs2Chars).toEqual([{ char: "e\u0300", index: 0 }]);
  });
});
