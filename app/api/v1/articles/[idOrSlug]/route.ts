import { apiRoute, getApiArticle, readApiQuery } from "@/lib/api";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ idOrSlug: string }> };

/** GET /api/v1/articles/{idOrSlug}?channel=&audience=&vars[name]= (docs/decisions/018). */
export const GET = apiRoute(async (request, key, context: Context) => {
  const { idOrSlug } = await context.params;
  const { params, vars } = readApiQuery(request.url);
  return getApiArticle(key, idOrSlug, params, vars);
});
