import { z } from "zod";
import { contrastRatio, formatRatio, parseHexColor } from "./contrast";

// What an admin may set as the portal's branding (issue 6 point 9), checked the same way by the settings store and
// the admin page. Plain data and zod with no server imports: the admin form (a client component) reads the limits.
// The logo's checks read bytes with Node's crypto and live in ./logo.ts. docs/decisions/015-portal-branding.md

export const BRANDING_LIMITS = {
  nameMax: 60,
  footerLinksMax: 8,
  linkLabelMax: 40,
  linkUrlMax: 500,
  logoMaxBytes: 200 * 1024,
  /** WCAG 2.2 AA, 1.4.3: normal-size text. */
  minContrast: 4.5,
} as const;

/**
 * Today's look (app/globals.css `--brand`), so a fresh install and a reset change nothing. The accent is only
 * decorative (the footer's rule, a tile's border on hover), so it gets no contrast rule; its default is the
 * primary's.
 */
export const DEFAULT_COLORS = { primary: "#0b5fff", accent: "#0b5fff" } as const;

/**
 * Where the primary colour meets text: white text on it (buttons) and it as text on the portal's surfaces, white
 * cards and the page background (`--surface` and `--bg` in app/globals.css). The weakest pair decides.
 */
export const PRIMARY_COLOR_BACKGROUNDS = [
  { hex: "#ffffff", label: "il bianco" },
  { hex: "#f7f7f5", label: "lo sfondo della pagina (#f7f7f5)" },
] as const;

export const HexColorInput = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => parseHexColor(v) !== null, "Scrivi il colore come #rrggbb, per esempio #0b5fff.");

/** The contrast of a colour against each of the portal's backgrounds for text, weakest first. */
export function contrastsAgainstBackgrounds(hex: string): { ratio: number; against: string }[] {
  return PRIMARY_COLOR_BACKGROUNDS.map((bg) => ({
    ratio: contrastRatio(hex, bg.hex),
    against: bg.label,
  })).sort((a, b) => a.ratio - b.ratio);
}

/** The weakest contrast of a colour against the portal's white and page background, with the background named. */
export function weakestContrast(hex: string): { ratio: number; against: string } {
  return contrastsAgainstBackgrounds(hex)[0] as { ratio: number; against: string };
}

/** The primary colour: a #rrggbb with at least 4.5:1 against white text and the portal's backgrounds. */
export const PrimaryColorInput = HexColorInput.superRefine((hex, ctx) => {
  if (parseHexColor(hex) === null) return;
  const failing = contrastsAgainstBackgrounds(hex).filter((c) => c.ratio < BRANDING_LIMITS.minContrast);
  if (failing.length === 0) return;
  const measured = failing.map((c) => `${formatRatio(c.ratio)} con ${c.against}`).join(" e ");
  ctx.addIssue({
    code: "custom",
    message:
      `Contrasto insufficiente: ${measured}. Per leggere testi e pulsanti serve almeno ` +
      `${formatRatio(BRANDING_LIMITS.minContrast)} (WCAG 2.2 AA): scegli un colore più scuro.`,
  });
});

const ALLOWED_SCHEMES = new Set(["https:", "http:", "mailto:", "tel:"]);

export const LINK_URL_HINT =
  "Usa un indirizzo https:, http:, mailto: o tel:, oppure un percorso che inizia con /.";

/**
 * Why a footer link's address is refused, or null when it is fine: https:, http:, mailto:, tel:, or a path of
 * this site. `javascript:` and `data:` would run in the portal's origin; `//host` and `/\host` look like paths but
 * browsers open them as another site.
 */
export function footerLinkUrlProblem(url: string): string | null {
  if (url === "") return "Scrivi l'indirizzo del link.";
  // Control characters and spaces: browsers strip some of them ("java\tscript:"), which defeats any check.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) {
    return `L'indirizzo non può contenere spazi o caratteri di controllo. ${LINK_URL_HINT}`;
  }
  if (url.startsWith("/")) {
    if (url.startsWith("//") || url.includes("\\")) {
      return `Un percorso del sito inizia con una sola / e non contiene \\. ${LINK_URL_HINT}`;
    }
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Indirizzo non valido. ${LINK_URL_HINT}`;
  }
  if (parsed.protocol === "javascript:")
    return `Gli indirizzi javascript: non sono ammessi. ${LINK_URL_HINT}`;
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) {
    return `Gli indirizzi ${parsed.protocol} non sono ammessi. ${LINK_URL_HINT}`;
  }
  if ((parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname === "") {
    return `Manca il nome del sito. ${LINK_URL_HINT}`;
  }
  if ((parsed.protocol === "mailto:" || parsed.protocol === "tel:") && parsed.pathname === "") {
    return parsed.protocol === "mailto:" ? "Manca l'indirizzo e-mail." : "Manca il numero di telefono.";
  }
  return null;
}

export const FooterLinkUrlInput = z
  .string()
  .trim()
  .max(BRANDING_LIMITS.linkUrlMax, `Al massimo ${BRANDING_LIMITS.linkUrlMax} caratteri.`)
  .superRefine((url, ctx) => {
    const problem = footerLinkUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const Label = z
  .string()
  .trim()
  .max(BRANDING_LIMITS.linkLabelMax, `Al massimo ${BRANDING_LIMITS.linkLabelMax} caratteri.`);

/** An optional text: blank means "none", so the form can send "" for an empty English field. */
const optional = (text: z.ZodString) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(text.optional());

export const FooterLinkInput = z.object({
  labelIt: Label.min(1, "Scrivi il testo del link in italiano."),
  labelEn: optional(Label),
  url: FooterLinkUrlInput,
});
export type FooterLink = z.output<typeof FooterLinkInput>;

export const FooterLinksInput = z
  .array(FooterLinkInput)
  .max(BRANDING_LIMITS.footerLinksMax, `Al massimo ${BRANDING_LIMITS.footerLinksMax} link.`);

const NameText = z
  .string()
  .trim()
  .max(BRANDING_LIMITS.nameMax, `Al massimo ${BRANDING_LIMITS.nameMax} caratteri.`);

/** The portal's name: Italian required; English optional (the English messages' name when missing). */
export const PortalNameInput = z.object({
  it: NameText.min(1, "Scrivi il nome del portale in italiano."),
  en: optional(NameText),
});
export type PortalName = z.output<typeof PortalNameInput>;
