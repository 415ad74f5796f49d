import { getPortalLogo } from "@/lib/branding";
import { NotFoundError } from "@/lib/errors";
import { withProblems } from "@/lib/http/problems";

export const dynamic = "force-dynamic";

/** How many hex digits of the hash the portal puts in `?v=` (lib/branding/logo.ts logoUrl). */
const VERSION_LENGTH = 12;

/**
 * The logo's headers. `?v=` naming the current hash is a URL that will never show other bytes, so browsers and
 * CDNs keep it for a year; any other address (no `v`, an old one) must be checked again each time, or a replaced
 * logo would stay in caches under it. The type is the sniffed one and may not be second-guessed (nosniff).
 */
function logoHeaders(request: Request, logo: { mimeType: string; sha256: string; bytes: Buffer }) {
  const version = new URL(request.url).searchParams.get("v");
  const current = version === logo.sha256.slice(0, VERSION_LENGTH);
  return {
    "Content-Type": logo.mimeType,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, no-cache",
    ETag: `"${logo.sha256}"`,
  };
}

function findLogo() {
  const logo = getPortalLogo();
  if (!logo) throw new NotFoundError("logo_not_found", "Nessun logo.");
  return logo;
}

/** `If-None-Match: "…", W/"…"` naming the current bytes: the browser's copy is still good. */
function isFresh(request: Request, etag: string): boolean {
  const tags = request.headers.get("if-none-match")?.split(",") ?? [];
  return tags.some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** GET /branding/logo?v=<hash>: the portal logo set on /admin/branding; 404 when there is none. */
export const GET = withProblems(async (request: Request) => {
  const logo = findLogo();
  const headers = logoHeaders(request, logo);
  if (isFresh(request, headers.ETag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), {
    headers: { ...headers, "Content-Length": String(logo.bytes.length) },
  });
});

export const HEAD = withProblems(async (request: Request) => {
  const logo = findLogo();
  return new Response(null, {
    headers: { ...logoHeaders(request, logo), "Content-Length": String(logo.bytes.length) },
  });
});
