import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Database, Meilisearch and outbox backlog: 200 when all are healthy, 503 when not. No secrets, no content. */
export async function GET(): Promise<Response> {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
