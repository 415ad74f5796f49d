import { randomBytes } from "node:crypto";
import { UPLOAD_TYPES } from "./rules";

export const ORIGINAL_NAME_MAX_LENGTH = 200;

/**
 * 18 random bytes are exactly 24 base64url characters: unguessable (144 bits), and safe in a URL and a file name.
 * The extension is the checked type's, so nothing of the uploaded name reaches the file system.
 */
export function newStoredName(ext: string): string {
  return `${randomBytes(18).toString("base64url")}.${ext}`;
}

const STORED_NAME = new RegExp(`^[A-Za-z0-9_-]{24}\\.(?:${UPLOAD_TYPES.map((t) => t.ext).join("|")})$`);

/** The only names the server ever opens: no dots but the extension's, no slashes, so no way out of the folder. */
export function isValidStoredName(name: string): boolean {
  return STORED_NAME.test(name);
}

/**
 * The uploaded name as shown to readers: last path segment only (browsers on Windows have sent `C:\…\x.png`),
 * without control and invisible formatting characters (a right-to-left override can disguise `gpj.exe` as
 * `exe.jpg`), spaces collapsed, at most 200 characters.
 */
export function sanitizeOriginalName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim();
  const chars = [...clean];
  const short = chars.length > ORIGINAL_NAME_MAX_LENGTH ? chars.slice(0, ORIGINAL_NAME_MAX_LENGTH) : chars;
  const result = short.join("").trim();
  return result === "" || result === "." || result === ".." ? "file" : result;
}

/**
 * `attachment` with both an ASCII `filename` for old clients and the exact UTF-8 name in `filename*`
 * (RFC 6266 / RFC 8187). encodeURIComponent leaves `'()*` alone, which RFC 8187 does not allow raw.
 */
export function contentDisposition(type: "inline" | "attachment", originalName: string): string {
  if (type === "inline") return "inline";
  const fallback = originalName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(originalName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
