import { UPLOAD_TYPES, type UploadType } from "./rules";

// The type of an upload comes from its first bytes, never from its name or the browser's claim: a renamed SVG or
// HTML page must not become an "image" that runs script when opened (STYLE.md, security).

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: { mimeType: string; test: (b: Uint8Array) => boolean }[] = [
  { mimeType: "image/png", test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: "image/jpeg", test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mimeType: "image/gif", test: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")) },
  { mimeType: "image/webp", test: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) },
  { mimeType: "application/pdf", test: (b) => startsWith(b, ascii("%PDF-")) },
];

export type Sniffed =
  | { ok: true; type: UploadType }
  /** `svg` and `html` are named so the editor learns why; `unknown` is everything else. */
  | { ok: false; looksLike: "svg" | "html" | "unknown" };

/** Markup refused by name: SVG and HTML can carry script, which no upload may ever deliver. */
function markupKind(bytes: Uint8Array): "svg" | "html" | null {
  // Markup starts with `<` after an optional BOM and whitespace; 1 KB is enough to see a doctype or root tag.
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (!head.startsWith("<")) return null;
  if (head.includes("<svg")) return "svg";
  return "html";
}

export function sniffType(bytes: Uint8Array): Sniffed {
  const match = SIGNATURES.find((s) => s.test(bytes));
  const type = match && UPLOAD_TYPES.find((t) => t.mimeType === match.mimeType);
  if (type) return { ok: true, type };
  return { ok: false, looksLike: markupKind(bytes) ?? "unknown" };
}

const MIME_ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "application/x-pdf": "application/pdf",
};

/** `Image/JPG; charset=x` → `image/jpeg`: what browsers and old tools send for the same type. */
export function normalizeMimeType(declared: string): string {
  const bare = (declared.split(";")[0] ?? "").trim().toLowerCase();
  return MIME_ALIASES[bare] ?? bare;
}
