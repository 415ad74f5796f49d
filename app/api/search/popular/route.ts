import { z } from "zod";
import { listPopularArticles, listRecentArticles } from "@/lib/analytics";
import { requireRole } from "@/lib/auth";
import { withProblems } from "@/lib/http/problems";

export const dynamic = "force-dynamic";

const PopularInput = z.object({ limit: z.coerce.number().int().min(1).max(50).default(8) });

/**
 * The console's empty search: GET /api/search/popular?limit= → {popular: [...], recent: [...]}. Popular = most
 * opened and copied in the last 30 days; recent = latest published. Agents see internal articles too.
 */
export const GET = withProblems(async (request: Request) => {
  await requireRole("agent");
  const { limit } = PopularInput.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(
    {
      popular: listPopularArticles(limit),
      recent: listRecentArticles(limit),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
