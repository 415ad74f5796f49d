import { describe, expect, it } from "vitest";
import {
  BRANDING_LIMITS,
  DEFAULT_COLORS,
  FooterLinkInput,
  FooterLinksInput,
  footerLinkUrlProblem,
  HexColorInput,
  PortalNameInput,
  PrimaryColorInput,
  weakestContrast,
} from "./rules";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("colours", () => {
  it("takes #rrggbb in any case and stores it lower-case", () => {
    expect(HexColorInput.parse(" #AA00CC ")).toBe("#aa00cc");
    expect(messages(HexColorInput.safeParse("#abc"))).toEqual([
      "Scrivi il colore come #rrggbb, per esempio #0b5fff.",
    ]);
    expect(HexColorInput.safeParse("blue").success).toBe(false);
  });

  it("accepts today's colours as the defaults", () => {
    expect(PrimaryColorInput.parse(DEFAULT_COLORS.primary)).toBe(DEFAULT_COLORS.primary);
    expect(HexColorInput.parse(DEFAULT_COLORS.accent)).toBe(DEFAULT_COLORS.accent);
  });

  it("refuses a primary colour under 4.5:1, saying the measured ratio in Italian", () => {
    const [message] = messages(PrimaryColorInput.safeParse("#ffff00"));
    expect(message).toContain(
      "Contrasto insufficiente: 1,00:1 con lo sfondo della pagina (#f7f7f5) e 1,07:1 con il bianco.",
    );
    expect(message).toContain("4,50:1");
    expect(message).toContain("WCAG 2.2 AA");
    // Light grey on white fails on white already.
    expect(messages(PrimaryColorInput.safeParse("#777777"))[0]).toMatch(/4,4\d:1 con il bianco/);
  });

  it("measures against the page background too, where links sit", () => {
    // #767676 passes on white (4.54:1) but not on the portal's #f7f7f5.
    expect(weakestContrast("#767676").against).toContain("sfondo della pagina");
    expect(messages(PrimaryColorInput.safeParse("#767676"))[0]).toMatch(
      /insufficiente: 4,2\d:1 con lo sfondo della pagina \(#f7f7f5\)\. /,
    );
    expect(PrimaryColorInput.safeParse("#595959").success).toBe(true);
    expect(PrimaryColorInput.safeParse("#000000").success).toBe(true);
  });

  it("does not add a contrast message to a malformed colour", () => {
    expect(messages(PrimaryColorInput.safeParse("#ff"))).toHaveLength(1);
  });
});

describe("footer link addresses", () => {
  it("allows https, http, mailto, tel and paths of the site", () => {
    for (const url of [
      "https://www.esempio.it/contatti",
      "http://intranet.example/aiuto?x=1#y",
      "HTTPS://EXAMPLE.COM",
      "mailto:assistenza@esempio.it",
      "tel:+390212345678",
      "/",
      "/c/fatture",
      "/a/cambio-iban?ref=footer#passi",
    ]) {
      expect(footerLinkUrlProblem(url), url).toBeNull();
    }
  });

  it("refuses javascript: in every disguise, with a clear message", () => {
    expect(footerLinkUrlProblem("javascript:alert(1)")).toContain("javascript: non sono ammessi");
    expect(footerLinkUrlProblem("JavaScript:alert(1)")).toContain("javascript: non sono ammessi");
    expect(footerLinkUrlProblem("java\tscript:alert(1)")).toContain("spazi o caratteri di controllo");
    expect(footerLinkUrlProblem(" javascript:alert(1)")).not.toBeNull();
  });

  it("refuses other schemes, other sites disguised as paths, and relative addresses", () => {
    expect(footerLinkUrlProblem("data:text/html,<script>alert(1)</script>")).toContain(
      "data: non sono ammessi",
    );
    expect(footerLinkUrlProblem("ftp://files.example/")).toContain("ftp: non sono ammessi");
    expect(footerLinkUrlProblem("vbscript:msgbox")).not.toBeNull();
    expect(footerLinkUrlProblem("//evil.example/")).toContain("una sola /");
    expect(footerLinkUrlProblem("/\\evil.example/")).toContain("una sola /");
    expect(footerLinkUrlProblem("contatti")).toContain("Indirizzo non valido");
    expect(footerLinkUrlProblem("www.esempio.it")).toContain("Indirizzo non valido");
    expect(footerLinkUrlProblem("mailto:")).toBe("Manca l'indirizzo e-mail.");
    expect(footerLinkUrlProblem("tel:")).toBe("Manca il numero di telefono.");
    expect(footerLinkUrlProblem("")).toBe("Scrivi l'indirizzo del link.");
  });

  it("checks a whole link: trimmed, Italian label required, English optional", () => {
    expect(FooterLinkInput.parse({ labelIt: " Contatti ", labelEn: " ", url: " /c/x " })).toEqual({
      labelIt: "Contatti",
      labelEn: undefined,
      url: "/c/x",
    });
    const bad = FooterLinkInput.safeParse({ labelIt: "", labelEn: "x".repeat(41), url: "javascript:0" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["labelIt", "labelEn", "url"]);
  });

  it("takes 0 to 8 links", () => {
    const link = { labelIt: "Contatti", url: "/" };
    expect(FooterLinksInput.safeParse([]).success).toBe(true);
    expect(FooterLinksInput.safeParse(Array(BRANDING_LIMITS.footerLinksMax).fill(link)).success).toBe(true);
    expect(messages(FooterLinksInput.safeParse(Array(9).fill(link)))).toEqual(["Al massimo 8 link."]);
  });
});

describe("portal name", () => {
  it("needs the Italian name; a blank English name means none", () => {
    expect(PortalNameInput.parse({ it: " Assistenza Acme ", en: "" })).toEqual({
      it: "Assistenza Acme",
      en: undefined,
    });
    expect(PortalNameInput.parse({ it: "Assistenza", en: "Acme help" })).toEqual({
      it: "Assistenza",
      en: "Acme help",
    });
    expect(messages(PortalNameInput.safeParse({ it: "  " }))).toEqual([
      "Scrivi il nome del portale in italiano.",
    ]);
    expect(PortalNameInput.safeParse({ it: "x".repeat(61) }).success).toBe(false);
  });
});
