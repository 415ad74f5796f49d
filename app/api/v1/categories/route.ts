import { apiRoute, listApiCategories, readApiQuery } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/categories?locale= (docs/decisions/018). */
export const GET = apiRoute((request, key) => listApiCategories(key, readApiQuery(request.url).params));
