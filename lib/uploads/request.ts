import "server-only";
import { z } from "zod";
import { DomainError, ForbiddenError, InvalidError } from "@/lib/errors";
import { formatMegabytes, MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES } from "./rules";

export class PayloadTooLargeError extends DomainError {
  constructor() {
    super(
      "upload_too_large",
      `Richiesta troppo grande: il file non può superare ${formatMegabytes(MAX_UPLOAD_BYTES)}.`,
      413,
      { fieldErrors: { file: [`Il file non può superare ${formatMegabytes(MAX_UPLOAD_BYTES)}.`] } },
    );
  }
}

export const UploadFormInput = z.object({
  articleId: z.coerce.number().int().positive("Articolo non valido"),
});

export type UploadForm = { file: File; articleId: number };

/**
 * Reads at most MAX_REQUEST_BYTES of the body. Content-Length is checked first so an honest large request is
 * refused before a byte is read; the running count catches chunked bodies and lying lengths, because
 * `request.formData()` alone would buffer whatever arrives.
 */
async function readBodyCapped(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) throw new PayloadTooLargeError();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_REQUEST_BYTES) {
      await reader.cancel();
      throw new PayloadTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * multipart/form-data is a "simple" CORS type, so any site can make a signed-in editor's browser post one. The
 * session cookie is SameSite=Lax, which already keeps it off cross-site POSTs; checking Origin too (as Next does
 * for server actions) does not rely on every browser getting that right.
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError("Origine della richiesta non valida.");
  }
  if (!host || originHost !== host.split(",")[0]?.trim()) {
    throw new ForbiddenError("Origine della richiesta non valida.");
  }
}

/** The `file` and `articleId` fields of POST /api/uploads, with the size cap enforced while reading. */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  assertSameOrigin(request);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new InvalidError("invalid_request", "Invia il file come multipart/form-data.", {
      file: ["Nessun file ricevuto."],
    });
  }
  const body = await readBodyCapped(request);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw new InvalidError("invalid_request", "Il modulo inviato non è leggibile.", {
      file: ["Nessun file ricevuto."],
    });
  }
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new InvalidError("upload_missing", "Scegli un file da caricare.", { file: ["Scegli un file."] });
  }
  const { articleId } = UploadFormInput.parse({ articleId: form.get("articleId") ?? undefined });
  return { file, articleId };
}
