import { apiRoute, apiSearch, readApiQuery } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/search?q=&locale=&product=&category=&channel=&limit=&audience=&vars[name]= (docs/decisions/018). */
export const GET = apiRoute(async (request, key) => {
  const { params, vars } = readApiQuery(request.url);
  return apiSearch(key, params, vars);
});
