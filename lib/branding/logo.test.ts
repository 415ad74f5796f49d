import { describe, expect, it } from "vitest";
import { HTML_PAGE, SVG_WITH_SCRIPT, tinyPdf, tinyPng } from "@/lib/uploads/test-files";
import { checkLogo, logoUrl, StoredLogo, sha256Hex } from "./logo";
import { BRANDING_LIMITS } from "./rules";

const ascii = (s: string) => Buffer.from(s, "latin1");
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
const webp = Buffer.concat([ascii("RIFF"), Buffer.alloc(4), ascii("WEBPVP8 "), Buffer.alloc(32)]);

/** A PNG signature padded to `size` bytes: the check reads the magic bytes and the length, not the pixels. */
const pngOfSize = (size: number) => Buffer.concat([tinyPng(), Buffer.alloc(size - tinyPng().length)]);

describe("checkLogo", () => {
  it("accepts PNG, JPEG and WebP by their bytes, with the hash of those bytes", () => {
    const png = tinyPng();
    const checked = checkLogo(png);
    expect(checked).toEqual({
      ok: true,
      logo: { mimeType: "image/png", sha256: sha256Hex(png), base64: png.toString("base64") },
    });
    expect(checkLogo(jpeg)).toMatchObject({ ok: true, logo: { mimeType: "image/jpeg" } });
    expect(checkLogo(webp)).toMatchObject({ ok: true, logo: { mimeType: "image/webp" } });
  });

  it("refuses SVG, HTML, GIF, PDF and unknown bytes, naming what it found", () => {
    expect(checkLogo(SVG_WITH_SCRIPT)).toEqual({
      ok: false,
      message:
        "Il logo deve essere un'immagine PNG, JPEG o WebP; questo è un'immagine SVG, che può contenere script.",
    });
    expect(checkLogo(HTML_PAGE)).toMatchObject({
      ok: false,
      message: expect.stringContaining("pagina HTML"),
    });
    expect(checkLogo(ascii("GIF89a......"))).toMatchObject({
      message: expect.stringContaining("un file GIF"),
    });
    expect(checkLogo(tinyPdf())).toMatchObject({ message: expect.stringContaining("un file PDF") });
    expect(checkLogo(ascii("just text"))).toMatchObject({
      message: expect.stringContaining("formato sconosciuto"),
    });
    expect(checkLogo(new Uint8Array(0))).toEqual({ ok: false, message: "Il file è vuoto." });
  });

  it("takes up to 200 KB and refuses one byte more, before looking at the bytes", () => {
    expect(checkLogo(pngOfSize(BRANDING_LIMITS.logoMaxBytes)).ok).toBe(true);
    expect(checkLogo(pngOfSize(BRANDING_LIMITS.logoMaxBytes + 1))).toEqual({
      ok: false,
      message: "Il logo è troppo grande (201 KB): il massimo è 200 KB.",
    });
  });

  it("puts the first 12 hex digits of the hash in the address", () => {
    expect(logoUrl({ sha256: "0123456789abcdef".repeat(4) })).toBe("/branding/logo?v=0123456789ab");
  });
});

describe("StoredLogo", () => {
  it("reads back a checked logo, and nothing that was changed or never checked", () => {
    const checked = checkLogo(tinyPng());
    if (!checked.ok) throw new Error("tiny PNG refused");
    const { logo } = checked;
    expect(StoredLogo.parse(logo)).toEqual(logo);
    const svg = SVG_WITH_SCRIPT.toString("base64");
    for (const bad of [
      { ...logo, sha256: "0".repeat(64) },
      { ...logo, mimeType: "image/jpeg" },
      { ...logo, base64: `${logo.base64}!!` },
      { mimeType: "image/png", sha256: sha256Hex(SVG_WITH_SCRIPT), base64: svg },
      { ...logo, mimeType: "image/svg+xml" },
    ]) {
      expect(StoredLogo.safeParse(bad).success).toBe(false);
    }
  });
});
