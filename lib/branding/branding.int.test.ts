import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit";
import { getDb, schema } from "@/lib/db";
import { DomainError, InvalidError } from "@/lib/errors";
import { getSettings } from "@/lib/settings";
import { insertTestUser, useTestEnvironment } from "@/lib/test/harness";
import { SVG_WITH_SCRIPT, tinyPng } from "@/lib/uploads/test-files";
import {
  type BrandingInput,
  getBrandingFormValues,
  getPortalBranding,
  getPortalLogo,
  resetBranding,
  saveBranding,
} from "./index";
import { sha256Hex } from "./logo";

const count = (table: string) =>
  (getDb().$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

const valid = (over: Partial<BrandingInput> = {}): BrandingInput => ({
  name: { it: "Assistenza Acme", en: "" },
  primaryColor: "#7A1F5C",
  accentColor: "#f0a500",
  footerLinks: [
    { labelIt: "Contatti", labelEn: "Contact us", url: "https://acme.example/contatti" },
    { labelIt: "Fatture", labelEn: "", url: "/c/fatture" },
  ],
  logo: { action: "keep" },
  ...over,
});

function fieldErrorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors ?? {};
    throw error;
  }
  throw new Error("accepted");
}

describe("portal branding", () => {
  let env: ReturnType<typeof useTestEnvironment>;
  let admin: { id: number };
  beforeAll(() => {
    env = useTestEnvironment("branding");
    admin = insertTestUser("admin");
  });
  afterAll(() => env.cleanup());

  it("is today's look on a fresh database, in both languages", () => {
    expect(getPortalBranding("it")).toEqual({
      name: "Centro assistenza",
      logoUrl: null,
      colors: { primary: "#0b5fff", accent: "#0b5fff" },
      footerLinks: [],
    });
    expect(getPortalBranding("en").name).toBe("Help centre");
    expect(getPortalLogo()).toBeNull();
    expect(count("settings")).toBe(0);
  });

  it("saves name, colours, links and logo; the portal reads them per language", () => {
    const png = tinyPng();
    expect(saveBranding(valid({ logo: { action: "replace", bytes: new Uint8Array(png) } }), admin)).toBe(
      true,
    );
    const sha = sha256Hex(png);

    const it_ = getPortalBranding("it");
    expect(it_).toEqual({
      name: "Assistenza Acme",
      logoUrl: `/branding/logo?v=${sha.slice(0, 12)}`,
      colors: { primary: "#7a1f5c", accent: "#f0a500" },
      footerLinks: [
        { label: "Contatti", url: "https://acme.example/contatti" },
        { label: "Fatture", url: "/c/fatture" },
      ],
    });
    // No English name: the English messages' name; no English label: the Italian one.
    const en = getPortalBranding("en");
    expect(en.name).toBe("Help centre");
    expect(en.footerLinks.map((l) => l.label)).toEqual(["Contact us", "Fatture"]);

    const logo = getPortalLogo();
    expect(logo?.mimeType).toBe("image/png");
    expect(logo?.sha256).toBe(sha);
    expect(logo?.bytes.equals(png)).toBe(true);

    expect(getBrandingFormValues()).toEqual({
      name: { it: "Assistenza Acme", en: "" },
      logo: { url: it_.logoUrl, mimeType: "image/png", bytes: png.length },
      primaryColor: "#7a1f5c",
      accentColor: "#f0a500",
      footerLinks: [
        { labelIt: "Contatti", labelEn: "Contact us", url: "https://acme.example/contatti" },
        { labelIt: "Fatture", labelEn: "", url: "/c/fatture" },
      ],
    });
  });

  it("audits each change once, the logo by its hash and never its bytes", () => {
    const [entry] = listAuditLog({ action: "settings.update" });
    expect(entry?.actorId).toBe(admin.id);
    const details = entry?.details as Record<string, { from: unknown; to: unknown }>;
    expect(Object.keys(details).sort()).toEqual([
      "portalAccentColor",
      "portalFooterLinks",
      "portalLogo",
      "portalName",
      "portalPrimaryColor",
    ]);
    expect(details.portalLogo).toEqual({
      from: null,
      to: { mimeType: "image/png", sha256: sha256Hex(tinyPng()) },
    });
    expect(details.portalPrimaryColor).toEqual({ from: "#0b5fff", to: "#7a1f5c" });
    expect(JSON.stringify(entry?.details)).not.toContain(tinyPng().toString("base64"));
  });

  it("keeps the logo unless told otherwise, and writes nothing when nothing changed", () => {
    const audits = count("audit_log");
    expect(saveBranding(valid(), admin)).toBe(false);
    expect(count("audit_log")).toBe(audits);
    expect(getPortalLogo()).not.toBeNull();

    expect(saveBranding(valid({ name: { it: "Assistenza Acme", en: "Acme Help" } }), admin)).toBe(true);
    expect(getPortalBranding("en").name).toBe("Acme Help");
    expect(Object.keys(listAuditLog({ action: "settings.update" })[0]?.details ?? {})).toEqual([
      "portalName",
    ]);
  });

  it("refuses bad input with every field error at once, and saves nothing", () => {
    const before = getSettings();
    const audits = count("audit_log");
    const errors = fieldErrorsOf(() =>
      saveBranding(
        {
          name: { it: " ", en: "" },
          primaryColor: "#ffff00",
          accentColor: "giallo",
          footerLinks: [
            { labelIt: "Ok", labelEn: "", url: "/ok" },
            { labelIt: "Trappola", labelEn: "", url: "javascript:alert(1)" },
          ],
          logo: { action: "replace", bytes: new Uint8Array(SVG_WITH_SCRIPT) },
        },
        admin,
      ),
    );
    expect(Object.keys(errors).sort()).toEqual([
      "accentColor",
      "footerLinks.1.url",
      "logo",
      "name.it",
      "primaryColor",
    ]);
    expect(errors.primaryColor?.[0]).toContain("1,07:1 con il bianco");
    expect(errors["footerLinks.1.url"]?.[0]).toContain("javascript: non sono ammessi");
    expect(errors.logo?.[0]).toContain("SVG");
    expect(getSettings()).toEqual(before);
    expect(count("audit_log")).toBe(audits);

    expect(() =>
      saveBranding(valid({ footerLinks: Array(9).fill({ labelIt: "x", labelEn: "", url: "/" }) }), admin),
    ).toThrow(InvalidError);
    const tooBig = new Uint8Array(Buffer.concat([tinyPng(), Buffer.alloc(200 * 1024)]));
    expect(
      fieldErrorsOf(() => saveBranding(valid({ logo: { action: "replace", bytes: tooBig } }), admin)).logo,
    ).toEqual(["Il logo è troppo grande (201 KB): il massimo è 200 KB."]);
  });

  it("serves no logo from a row that was tampered with", () => {
    const stored = getDb().$client.prepare("select value from settings where key = 'portalLogo'").get() as {
      value: string;
    };
    const tampered = { ...JSON.parse(stored.value), base64: SVG_WITH_SCRIPT.toString("base64") };
    getDb()
      .$client.prepare("update settings set value = ? where key = 'portalLogo'")
      .run(JSON.stringify(tampered));
    expect(getPortalLogo()).toBeNull();
    expect(getPortalBranding("it").logoUrl).toBeNull();
    getDb().$client.prepare("update settings set value = ? where key = 'portalLogo'").run(stored.value);
    expect(getPortalLogo()).not.toBeNull();
  });

  it("removes the logo on request", () => {
    expect(saveBranding(valid({ logo: { action: "remove" } }), admin)).toBe(true);
    expect(getPortalLogo()).toBeNull();
    expect(listAuditLog({ action: "settings.update" })[0]?.details?.portalLogo).toEqual({
      from: { mimeType: "image/png", sha256: sha256Hex(tinyPng()) },
      to: null,
    });
    expect(count("settings")).toBe(4);
  });

  it("resets to today's look, deleting the rows, with an audit entry", () => {
    expect(resetBranding(admin)).toBe(true);
    expect(getPortalBranding("it")).toEqual({
      name: "Centro assistenza",
      logoUrl: null,
      colors: { primary: "#0b5fff", accent: "#0b5fff" },
      footerLinks: [],
    });
    expect(getDb().select().from(schema.settings).all()).toEqual([]);
    expect(Object.keys(listAuditLog({ action: "settings.update" })[0]?.details ?? {}).sort()).toEqual([
      "portalAccentColor",
      "portalFooterLinks",
      "portalName",
      "portalPrimaryColor",
    ]);
    const audits = count("audit_log");
    expect(resetBranding(admin)).toBe(false);
    expect(count("audit_log")).toBe(audits);
  });
});
