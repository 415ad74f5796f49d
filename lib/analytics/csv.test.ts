import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('modem "rosso", fibra')).toBe('"modem ""rosso"", fibra"');
    expect(csvCell("riga\nnuova")).toBe('"riga\nnuova"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.5)).toBe("0.5");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const text of ["=1+1", "+39 333", "-2", "@SUM(A1)", "\tx"]) expect(csvCell(text)).toBe(`'${text}`);
    expect(csvCell("=A1,B1")).toBe(`"'=A1,B1"`);
    expect(csvCell(-2)).toBe("-2");
  });

  it("ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("a,b\r\n1,x\r\n");
  });
});
