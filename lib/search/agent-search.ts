import "server-only";
import { recordUsageEvent } from "@/lib/analytics";
import type { SessionUser } from "@/lib/auth";
import { SearchInput, type SearchResult, searchArticles } from "./query";

/**
 * The agent console's search (GET /api/search, served by lib/http/direct-routes.ts): the internal index, and a
 * usage event for every non-empty query. The caller has already checked the agent's session.
 */
export async function agentSearch(
  agent: SessionUser,
  params: URLSearchParams,
  started: number = performance.now(),
): Promise<SearchResult> {
  const input = SearchInput.parse(Object.fromEntries(params));
  const result = await searchArticles(input, "internal");
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
  return result;
}
