import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { type Db, getDb, schema, type Upload, writeTransaction } from "@/lib/db";
import { dataDir } from "@/lib/env";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { newStoredName, sanitizeOriginalName } from "./names";
import {
  ATTACHMENT_MAX_BYTES,
  formatMegabytes,
  IMAGE_MAX_BYTES,
  MAX_UPLOAD_BYTES,
  UPLOAD_TYPES,
  type UploadType,
} from "./rules";
import { normalizeMimeType, sniffType } from "./sniff";

export type StoreUploadInput = {
  bytes: Buffer;
  originalName: string;
  /** What the browser said the file is (`File.type`); must agree with what the bytes are. */
  declaredType: string;
  articleId: number;
};

export type UploadActor = { id: number };

export function uploadsDir(): string {
  return join(dataDir(), "uploads");
}

const IMAGE_LABELS = UPLOAD_TYPES.filter((t) => t.kind === "image").map((t) => t.label);
const ALLOWED = `immagini ${IMAGE_LABELS.join(", ")} fino a ${formatMegabytes(IMAGE_MAX_BYTES)}, PDF fino a ${formatMegabytes(ATTACHMENT_MAX_BYTES)}`;

function refuse(code: string, message: string): never {
  throw new InvalidError(code, message, { file: [message] });
}

/** Every reason to refuse a file, checked on its bytes; returns the type it really is. */
function checkFile(input: StoreUploadInput): UploadType {
  const { bytes } = input;
  if (bytes.length === 0) refuse("upload_empty", "Il file è vuoto.");
  // Before sniffing, so an oversized file is refused as such whatever it contains.
  if (bytes.length > MAX_UPLOAD_BYTES) {
    refuse(
      "upload_too_large",
      `Il file è troppo grande (${formatMegabytes(bytes.length)}). Ammessi: ${ALLOWED}.`,
    );
  }
  const sniffed = sniffType(bytes);
  if (!sniffed.ok) {
    if (sniffed.looksLike === "svg") {
      refuse(
        "upload_svg_refused",
        "Le immagini SVG non sono ammesse perché possono contenere script: esportala in PNG.",
      );
    }
    if (sniffed.looksLike === "html") {
      refuse("upload_html_refused", `Le pagine HTML non sono ammesse. Ammessi: ${ALLOWED}.`);
    }
    refuse("upload_type_refused", `Tipo di file non ammesso. Ammessi: ${ALLOWED}.`);
  }
  const { type } = sniffed;
  if (bytes.length > type.maxBytes) {
    const what = type.kind === "image" ? "L'immagine" : "Il PDF";
    refuse(
      "upload_too_large",
      `${what} è troppo grande (${formatMegabytes(bytes.length)}): il massimo è ${formatMegabytes(type.maxBytes)}.`,
    );
  }
  const declared = normalizeMimeType(input.declaredType);
  if (declared !== type.mimeType) {
    // A disagreement means a renamed file or a confused browser; either way the editor should look at it.
    const said = declared === "" ? "nessun tipo" : `il tipo «${declared}»`;
    refuse(
      "upload_type_mismatch",
      `Il file dichiara ${said} ma il contenuto è ${type.label}: controlla l'estensione del file.`,
    );
  }
  return type;
}

/**
 * Writes under a temporary name, flushed to disk, so the final name only ever points at a complete file: the
 * rename happens inside the transaction that inserts the row, and a failure of either undoes both. A crash after
 * the rename but before the commit leaves at most an orphan file with no row, which is never served.
 */
function writeDurably(path: string, bytes: Buffer): void {
  const fd = openSync(path, "wx", 0o640);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Checks an uploaded file, stores it in the data dir and records it; throws InvalidError with `file` errors. */
export function storeUpload(input: StoreUploadInput, actor: UploadActor, db: Db = getDb()): Upload {
  const type = checkFile(input);
  const article = db
    .select({ id: schema.articles.id })
    .from(schema.articles)
    .where(eq(schema.articles.id, input.articleId))
    .get();
  if (!article) throw new NotFoundError("article_not_found", "Articolo non trovato.");

  const dir = uploadsDir();
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const storedName = newStoredName(type.ext);
  // Starts with a dot and has no valid extension, so isValidStoredName never accepts it for serving.
  const tempPath = join(dir, `.${randomBytes(12).toString("hex")}.part`);
  const finalPath = join(dir, storedName);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const originalName = sanitizeOriginalName(input.originalName);

  writeDurably(tempPath, input.bytes);
  let renamed = false;
  try {
    return writeTransaction(db, (tx) => {
      const upload = tx
        .insert(schema.uploads)
        .values({
          storedName,
          originalName,
          mimeType: type.mimeType,
          size: input.bytes.length,
          sha256,
          articleId: article.id,
          uploadedBy: actor.id,
        })
        .returning()
        .get();
      recordAudit(tx, {
        actorId: actor.id,
        action: "upload.create",
        entityType: "upload",
        entityId: upload.id,
        details: {
          articleId: article.id,
          storedName,
          originalName,
          mimeType: type.mimeType,
          size: upload.size,
        },
      });
      renameSync(tempPath, finalPath);
      renamed = true;
      return upload;
    });
  } catch (error) {
    rmSync(renamed ? finalPath : tempPath, { force: true });
    throw error;
  }
}
