import { buildOpenApiDocument } from "@/lib/api";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the API's description, public (it holds no content). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(publicBaseUrl()), { headers: { "Cache-Control": "no-store" } });
}
