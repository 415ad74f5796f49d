import type { Upload } from "@/lib/db";
import { UPLOAD_TYPES } from "./rules";

export function uploadUrl(storedName: string): string {
  return `/uploads/${storedName}`;
}

/** Backslash-escapes what Markdown would read as syntax inside link text, so a file name stays plain text. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_[\]<>!]/g, (c) => `\\${c}`);
}

/**
 * The snippet the editor inserts into the body: an image for pictures (alt text from the file name, which the
 * editor should improve), a link for PDFs. The URL is relative, which the Markdown sanitizer allows
 * (lib/markdown/sanitize-schema.ts).
 */
export function markdownFor(upload: Pick<Upload, "storedName" | "originalName" | "mimeType">): string {
  const url = uploadUrl(upload.storedName);
  const isImage = UPLOAD_TYPES.find((t) => t.mimeType === upload.mimeType)?.kind === "image";
  if (isImage) {
    const alt = upload.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, "");
    return `![${escapeLinkText(alt)}](${url})`;
  }
  return `[${escapeLinkText(upload.originalName)}](${url})`;
}
