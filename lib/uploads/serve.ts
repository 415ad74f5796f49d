import "server-only";
import { createReadStream, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { roleAtLeast, type SessionUser } from "@/lib/auth";
import { type Article, type Db, getDb, schema } from "@/lib/db";
import { contentDisposition, isValidStoredName } from "./names";
import { UPLOAD_TYPES } from "./rules";
import { uploadsDir } from "./store";

export type ServableUpload = {
  path: string;
  storedName: string;
  mimeType: string;
  size: number;
  originalName: string;
  isImage: boolean;
  /** Anyone may see it (linked to a public, published, not archived article): shared caches may keep it. */
  isPublic: boolean;
};

/** The same rule as getPublishedArticle's public audience (lib/articles/queries.ts). */
function isPubliclyVisible(
  article: Pick<Article, "visibility" | "status" | "publishedVersionId"> | undefined,
) {
  return (
    article !== undefined &&
    article.visibility === "public" &&
    article.publishedVersionId !== null &&
    article.status !== "archived"
  );
}

/**
 * The file behind `/uploads/<storedName>` if this viewer may see it, else null — which the route answers with a
 * 404, never a 403, so an internal upload's existence is not confirmed (STYLE.md "hidden content gets 404").
 * Signed-in users (agent and up) see every upload: they already read internal articles and drafts' images.
 */
export function getUploadForServing(
  storedName: string,
  viewer: SessionUser | null,
  db: Db = getDb(),
): ServableUpload | null {
  // Checked before anything touches the database or the disk: only our own random names, never a path.
  if (!isValidStoredName(storedName)) return null;
  const row = db
    .select({ upload: schema.uploads, article: schema.articles })
    .from(schema.uploads)
    .leftJoin(schema.articles, eq(schema.articles.id, schema.uploads.articleId))
    .where(eq(schema.uploads.storedName, storedName))
    .get();
  if (!row) return null;
  const isPublic = isPubliclyVisible(row.article ?? undefined);
  const signedIn = viewer !== null && roleAtLeast(viewer.role, "agent");
  if (!isPublic && !signedIn) return null;

  const path = join(uploadsDir(), row.upload.storedName);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    // A row whose file was lost (restored database, deleted by hand) is as good as missing.
    return null;
  }
  const type = UPLOAD_TYPES.find((t) => t.mimeType === row.upload.mimeType);
  return {
    path,
    storedName: row.upload.storedName,
    mimeType: row.upload.mimeType,
    size,
    originalName: row.upload.originalName,
    isImage: type?.kind === "image",
    isPublic,
  };
}

/**
 * Headers that keep an upload inert whatever its bytes: the type is ours (the browser must not guess another),
 * the CSP sandbox stops script even if a file slipped past the checks, PDFs download instead of opening in our
 * origin, and other sites cannot embed them. Public files never change under their random name, so caches may
 * keep them; anything else must not be stored anywhere.
 *
 * Next 16 sends next.config.js's header over a route's own header of the same name, so the CSP only reaches the
 * wire if next.config.js restates it for `/uploads/:name` after its global rule.
 */
export function uploadResponseHeaders(upload: ServableUpload): Record<string, string> {
  return {
    "Content-Type": upload.mimeType,
    "Content-Length": String(upload.size),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    "Content-Disposition": contentDisposition(upload.isImage ? "inline" : "attachment", upload.originalName),
    "Cache-Control": upload.isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

/** The file as a web stream, so a 10 MB PDF is never held whole in memory. */
export function openUploadStream(upload: ServableUpload): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(upload.path)) as ReadableStream<Uint8Array>;
}
