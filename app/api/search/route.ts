import { requireRole } from "@/lib/auth";
import { withProblems } from "@/lib/http/problems";
import { SearchInput, searchArticles } from "@/lib/search";

export const dynamic = "force-dynamic";

/** Agent search over the internal index: GET /api/search?q=&channel=&locale=&product=&category=&limit= */
export const GET = withProblems(async (request: Request) => {
  await requireRole("agent");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const input = SearchInput.parse(params);
  const result = await searchArticles(input, "internal");
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
