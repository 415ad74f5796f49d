// What may be uploaded, and how large. Pure data with no server imports, so the upload button can offer the same
// list and limits to the browser's file picker (the server checks again: the picker is a convenience, not a gate).

export const MB = 1024 * 1024;

export type UploadKind = "image" | "attachment";

export type UploadType = {
  mimeType: string;
  /** Extension of the stored file: fixed by the checked type, never taken from the uploaded name. */
  ext: string;
  kind: UploadKind;
  /** Italian name shown in messages. */
  label: string;
  maxBytes: number;
};

export const IMAGE_MAX_BYTES = 5 * MB;
export const ATTACHMENT_MAX_BYTES = 10 * MB;

export const UPLOAD_TYPES: readonly UploadType[] = [
  { mimeType: "image/png", ext: "png", kind: "image", label: "PNG", maxBytes: IMAGE_MAX_BYTES },
  { mimeType: "image/jpeg", ext: "jpg", kind: "image", label: "JPEG", maxBytes: IMAGE_MAX_BYTES },
  { mimeType: "image/gif", ext: "gif", kind: "image", label: "GIF", maxBytes: IMAGE_MAX_BYTES },
  { mimeType: "image/webp", ext: "webp", kind: "image", label: "WebP", maxBytes: IMAGE_MAX_BYTES },
  {
    mimeType: "application/pdf",
    ext: "pdf",
    kind: "attachment",
    label: "PDF",
    maxBytes: ATTACHMENT_MAX_BYTES,
  },
];

export const MAX_UPLOAD_BYTES = Math.max(...UPLOAD_TYPES.map((t) => t.maxBytes));

/**
 * The whole multipart request may exceed the file by its boundaries, headers and the articleId field; 64 KB is
 * far more than those take, and small enough that no one can make the server buffer much beyond the largest file.
 */
export const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** For `<input type="file" accept>`: extensions and types, so every browser's picker filters the same way. */
export const UPLOAD_ACCEPT = [
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".pdf",
  ...UPLOAD_TYPES.map((t) => t.mimeType),
].join(",");

export function formatMegabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(1)).toLocaleString("it-IT")} MB`;
}
