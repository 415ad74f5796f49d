import { apiRoute, listApiProducts, readApiQuery } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/products?locale= (docs/decisions/018). */
export const GET = apiRoute((request, key) => listApiProducts(key, readApiQuery(request.url).params));
