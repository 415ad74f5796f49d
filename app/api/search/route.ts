import { recordUsageEvent } from "@/lib/analytics";
import { requireRole } from "@/lib/auth";
import { withProblems } from "@/lib/http/problems";
import { SearchInput, searchArticles } from "@/lib/search";

export const dynamic = "force-dynamic";

/** Agent search over the internal index: GET /api/search?q=&channel=&locale=&product=&category=&limit= */
export const GET = withProblems(async (request: Request) => {
  const started = performance.now();
  const agent = await requireRole("agent");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const input = SearchInput.parse(params);
  const result = await searchArticles(input, "internal");
  const response = Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
  // Buffered, no I/O here: written in batches off the request path (lib/analytics, issue 5 point 6). An empty
  // query is the console's start screen, not a search.
  if (input.q !== "") {
    const filters: Record<string, string> = {};
    for (const key of ["locale", "product", "category"] as const) {
      const value = input[key];
      if (value) filters[key] = value;
    }
    recordUsageEvent({
      kind: "search",
      userId: agent.id,
      query: input.q,
      filters,
      channel: input.channel ?? null,
      resultCount: result.estimatedTotalHits,
      latencyMs: performance.now() - started,
    });
  }
  return response;
});
