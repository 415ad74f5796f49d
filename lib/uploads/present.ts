import type { Upload } from "@/lib/db";
import { markdownFor, uploadUrl } from "./markdown";

export type PresentedUpload = { url: string; markdown: string; name: string; size: number; mimeType: string };

/** What POST /api/uploads answers: where the file lives and the snippet the editor inserts. No ids, no hash. */
export function presentUpload(upload: Upload): PresentedUpload {
  return {
    url: uploadUrl(upload.storedName),
    markdown: markdownFor(upload),
    name: upload.originalName,
    size: upload.size,
    mimeType: upload.mimeType,
  };
}
