import { createHash } from "node:crypto";
import { z } from "zod";
import { sniffType } from "@/lib/uploads/sniff";
import { BRANDING_LIMITS } from "./rules";

// The portal logo (issue 6 point 9): a small raster image kept in the settings row itself, so every app server
// behind a load balancer serves the same bytes without shared disk. Its type comes from its first bytes
// (lib/uploads/sniff.ts); SVG is refused because it can carry script. docs/decisions/015-portal-branding.md

export const LOGO_MIME_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];

/**
 * As stored in the `portalLogo` setting. Read back, the bytes are checked again (base64 that round-trips, the
 * hash, the size and the magic bytes: under a millisecond for 200 KB), so a row written by hand or by another
 * version can never make the logo route serve something that was not checked.
 */
export const StoredLogo = z
  .object({
    mimeType: z.enum(LOGO_MIME_TYPES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    base64: z.string().max(Math.ceil(BRANDING_LIMITS.logoMaxBytes / 3) * 4),
  })
  .superRefine((logo, ctx) => {
    const bytes = Buffer.from(logo.base64, "base64");
    const checked = checkLogo(bytes);
    const same =
      checked.ok &&
      checked.logo.base64 === logo.base64 &&
      checked.logo.sha256 === logo.sha256 &&
      checked.logo.mimeType === logo.mimeType;
    if (!same) ctx.addIssue({ code: "custom", message: checked.ok ? "Logo alterato." : checked.message });
  });
export type StoredLogo = z.infer<typeof StoredLogo>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function formatKilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString("it-IT")} KB`;
}

/**
 * The stored form of an uploaded logo, or the reason (Italian, for the field) it is refused: PNG, JPEG or WebP by
 * their magic bytes, whatever the file's name or declared type, and at most 200 KB.
 */
export function checkLogo(
  bytes: Uint8Array,
): { ok: true; logo: StoredLogo } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "Il file è vuoto." };
  if (bytes.length > BRANDING_LIMITS.logoMaxBytes) {
    return {
      ok: false,
      message: `Il logo è troppo grande (${formatKilobytes(bytes.length)}): il massimo è ${formatKilobytes(BRANDING_LIMITS.logoMaxBytes)}.`,
    };
  }
  const sniffed = sniffType(bytes);
  const mimeType = sniffed.ok ? LOGO_MIME_TYPES.find((m) => m === sniffed.type.mimeType) : undefined;
  if (!mimeType) {
    const found = sniffed.ok
      ? `un file ${sniffed.type.label}`
      : sniffed.looksLike === "svg"
        ? "un'immagine SVG, che può contenere script"
        : sniffed.looksLike === "html"
          ? "una pagina HTML"
          : "un formato sconosciuto";
    return { ok: false, message: `Il logo deve essere un'immagine PNG, JPEG o WebP; questo è ${found}.` };
  }
  return {
    ok: true,
    logo: { mimeType, sha256: sha256Hex(bytes), base64: Buffer.from(bytes).toString("base64") },
  };
}

/** The public address of the logo: the hash in the query makes it a new URL, so it can be cached for a year. */
export function logoUrl(logo: Pick<StoredLogo, "sha256">): string {
  return `/branding/logo?v=${logo.sha256.slice(0, 12)}`;
}
