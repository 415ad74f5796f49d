import "server-only";
import { cache } from "react";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import { getMessages, type PortalLocale } from "@/lib/i18n";
import { getSettingValues, resetSettings, type SettingKey, updateSettings } from "@/lib/settings";
import { checkLogo, logoUrl, type StoredLogo } from "./logo";
import { FooterLinksInput, HexColorInput, PortalNameInput, PrimaryColorInput } from "./rules";

// The portal's branding (issue 6 point 9): read by every portal page, written by /admin/branding. Stored in the
// `settings` table through lib/settings, which owns the defaults and the audit log.
// docs/decisions/015-portal-branding.md

const BRANDING_KEYS = [
  "portalName",
  "portalLogo",
  "portalPrimaryColor",
  "portalAccentColor",
  "portalFooterLinks",
] as const satisfies readonly SettingKey[];

export type PortalBranding = {
  /** In the page's language: the English name falls back to the English messages' site name. */
  name: string;
  /** `/branding/logo?v=…`, or null when there is no logo. Its alt text is `name`. */
  logoUrl: string | null;
  colors: { primary: string; accent: string };
  footerLinks: { label: string; url: string }[];
};

function presentBranding(locale: PortalLocale, db: Db): PortalBranding {
  const s = getSettingValues(BRANDING_KEYS, db);
  return {
    name: locale === "en" ? (s.portalName.en ?? getMessages("en").meta.siteName) : s.portalName.it,
    logoUrl: s.portalLogo ? logoUrl(s.portalLogo) : null,
    colors: { primary: s.portalPrimaryColor, accent: s.portalAccentColor },
    footerLinks: s.portalFooterLinks.map((l) => ({
      label: locale === "en" ? (l.labelEn ?? l.labelIt) : l.labelIt,
      url: l.url,
    })),
  };
}

/**
 * What a portal page shows of the branding, in its language. Reads no request data (cookies, headers), so pages
 * that use it can be cached whole; /admin/branding revalidates them on save. `cache` makes the layout, its
 * metadata and the page share one read per render.
 */
export const getPortalBranding = cache(
  (locale: PortalLocale): PortalBranding => presentBranding(locale, getDb()),
);

/** The logo's bytes and type for the route that serves it, or null when there is none. */
export function getPortalLogo(db: Db = getDb()): { mimeType: string; sha256: string; bytes: Buffer } | null {
  const { portalLogo } = getSettingValues(["portalLogo"], db);
  if (!portalLogo) return null;
  return {
    mimeType: portalLogo.mimeType,
    sha256: portalLogo.sha256,
    bytes: Buffer.from(portalLogo.base64, "base64"),
  };
}

/** The branding as the admin form edits it: both names, raw link labels, and the logo by address only. */
export type BrandingFormValues = {
  name: { it: string; en: string };
  logo: { url: string; mimeType: StoredLogo["mimeType"]; bytes: number } | null;
  primaryColor: string;
  accentColor: string;
  footerLinks: { labelIt: string; labelEn: string; url: string }[];
};

export function getBrandingFormValues(db: Db = getDb()): BrandingFormValues {
  const s = getSettingValues(BRANDING_KEYS, db);
  return {
    name: { it: s.portalName.it, en: s.portalName.en ?? "" },
    logo: s.portalLogo
      ? {
          url: logoUrl(s.portalLogo),
          mimeType: s.portalLogo.mimeType,
          bytes: Buffer.byteLength(s.portalLogo.base64, "base64"),
        }
      : null,
    primaryColor: s.portalPrimaryColor,
    accentColor: s.portalAccentColor,
    footerLinks: s.portalFooterLinks.map((l) => ({
      labelIt: l.labelIt,
      labelEn: l.labelEn ?? "",
      url: l.url,
    })),
  };
}

/** What the admin saves. The logo is kept, replaced by new bytes (checked here) or removed. */
export const BrandingInput = z.object({
  name: PortalNameInput,
  primaryColor: PrimaryColorInput,
  accentColor: HexColorInput,
  footerLinks: FooterLinksInput,
  logo: z.discriminatedUnion("action", [
    z.object({ action: z.literal("keep") }),
    z.object({ action: z.literal("remove") }),
    z.object({ action: z.literal("replace"), bytes: z.instanceof(Uint8Array) }),
  ]),
});
export type BrandingInput = z.input<typeof BrandingInput>;

/**
 * Checks every field at once and throws InvalidError with field errors keyed by path (`name.it`,
 * `footerLinks.2.url`, `logo`), so the admin sees all problems in one go; saves nothing unless all are fine.
 * Returns whether anything changed (one `settings.update` audit entry when it did).
 */
export function saveBranding(raw: BrandingInput, actor: { id: number } | null, db: Db = getDb()): boolean {
  const parsed = BrandingInput.safeParse(raw);
  const fieldErrors: Record<string, string[]> = {};
  const add = (key: string, message: string) => {
    fieldErrors[key] = [...new Set([...(fieldErrors[key] ?? []), message])];
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.join(".") || "form", issue.message);
  }
  let logo: StoredLogo | null | undefined;
  if (raw.logo.action === "replace" && raw.logo.bytes instanceof Uint8Array) {
    const checked = checkLogo(raw.logo.bytes);
    if (checked.ok) logo = checked.logo;
    else add("logo", checked.message);
  } else if (raw.logo.action === "remove") {
    logo = null;
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    throw new InvalidError(
      "branding_invalid",
      "Alcuni campi non sono validi: nulla è stato salvato.",
      fieldErrors,
    );
  }
  const { data } = parsed;
  const { changed } = updateSettings(
    {
      portalName: data.name,
      portalPrimaryColor: data.primaryColor,
      portalAccentColor: data.accentColor,
      portalFooterLinks: data.footerLinks,
      ...(logo === undefined ? {} : { portalLogo: logo }),
    },
    actor,
    db,
  );
  return Object.keys(changed).length > 0;
}

/** Back to the portal's look before branding: default name and colours, no logo, no footer links. */
export function resetBranding(actor: { id: number } | null, db: Db = getDb()): boolean {
  return Object.keys(resetSettings(BRANDING_KEYS, actor, db).changed).length > 0;
}
