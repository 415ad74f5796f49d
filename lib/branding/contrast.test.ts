import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio, parseHexColor, relativeLuminance } from "./contrast";

describe("contrast", () => {
  it("reads #rrggbb only", () => {
    expect(parseHexColor("#0B5FFF")).toEqual([11, 95, 255]);
    expect(parseHexColor(" #000000 ")).toEqual([0, 0, 0]);
    for (const bad of ["#fff", "0b5fff", "#0b5fffaa", "#gggggg", "red", "rgb(0,0,0)", ""]) {
      expect(parseHexColor(bad), bad).toBeNull();
    }
  });

  it("has the luminance of the WCAG definition", () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBe(1);
    // Below the 0.03928 threshold the channel is linear.
    expect(relativeLuminance([10, 10, 10])).toBeCloseTo(10 / 255 / 12.92, 10);
  });

  it("gives the known ratios, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#ffffff", "#000000")).toBe(21);
    expect(contrastRatio("#0b5fff", "#0b5fff")).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 is the first that fails.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#ffff00", "#ffffff")).toBeCloseTo(1.07, 2);
    // Today's portal blue (app/globals.css --brand).
    expect(contrastRatio("#0b5fff", "#ffffff")).toBeCloseTo(5.13, 2);
  });

  it("refuses what is not #rrggbb", () => {
    expect(() => contrastRatio("#fff", "#000000")).toThrow(RangeError);
  });

  it("formats ratios truncated, never rounded up past a threshold", () => {
    expect(formatRatio(4.499)).toBe("4,49:1");
    expect(formatRatio(4.5)).toBe("4,50:1");
    expect(formatRatio(4.51)).toBe("4,51:1");
    expect(formatRatio(21)).toBe("21,00:1");
    expect(formatRatio(1.0718, "en-GB")).toBe("1.07:1");
  });
});
