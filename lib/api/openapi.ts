import { z } from "zod";
import { ApiArticleInput, ApiSearchInput, ApiTaxonomyInput, ApiVarsInput, apiSchemas } from "./schemas";

// GET /api/v1/openapi.json: OpenAPI 3.1, whose schemas are JSON Schema 2020-12, which is what z.toJSONSchema
// writes. Responses and parameters are generated from the zod schemas the handlers use (lib/api/schemas.ts);
// lib/api/api.int.test.ts and e2e/api-v1.spec.ts call every path and check the answers against this document.

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The document's schemas carry no $schema (OpenAPI 3.1 sets the dialect) and no $id (their place names them). */
function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function queryParameters(input: z.ZodObject): JsonSchema[] {
  return Object.entries(input.shape).map(([name, field]) => {
    const schema = strip(z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }));
    const { description, ...rest } = schema;
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function varsParameter(): JsonSchema {
  const { description, ...schema } = strip(z.toJSONSchema(ApiVarsInput, { io: "input" }));
  return { name: "vars", in: "query", style: "deepObject", explode: true, description, schema };
}

function problems(...statuses: number[]): Record<string, JsonSchema> {
  const titles: Record<number, string> = {
    400: "Invalid parameters",
    401: "No key, an unknown key or a revoked key",
    403: "A public key asked for internal content",
    404: "No such article for this key (internal and unpublished articles included)",
    429: "Over this key's rate limit; see Retry-After",
  };
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: titles[status] ?? "Error",
        ...(status === 429
          ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } }
          : {}),
        content: { "application/problem+json": { schema: ref("Problem") } },
      },
    ]),
  );
}

const ok = (id: string, description: string) => ({
  "200": { description, content: { "application/json": { schema: ref(id) } } },
});

export function buildOpenApiDocument(serverUrl: string): JsonSchema {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const components = Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, strip(s)]));
  return {
    openapi: "3.1.0",
    info: {
      title: "Sportello API",
      version: "1.0.0",
      description:
        "Read-only access to published articles and their ready-made channel answers, for chatbots, IVRs and other integrations. Server to server: no CORS. Every response is `Cache-Control: no-store`; errors are RFC 9457 problem details.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    paths: {
      "/api/v1/search": {
        get: {
          operationId: "search",
          summary: "Search articles; each hit carries its answers shaped for the channel",
          parameters: [...queryParameters(ApiSearchInput), varsParameter()],
          responses: { ...ok("SearchResponse", "Ranked hits"), ...problems(400, 401, 403, 429) },
        },
      },
      "/api/v1/articles/{idOrSlug}": {
        get: {
          operationId: "getArticle",
          summary: "One published article with its body and channel answers",
          parameters: [
            {
              name: "idOrSlug",
              in: "path",
              required: true,
              description: "The article's numeric id or its slug.",
              schema: { type: "string", pattern: "^([0-9]{1,12}|[a-z0-9-]{1,120})$" },
            },
            ...queryParameters(ApiArticleInput),
            varsParameter(),
          ],
          responses: { ...ok("Article", "The article"), ...problems(400, 401, 403, 404, 429) },
        },
      },
      "/api/v1/products": {
        get: {
          operationId: "listProducts",
          summary: "Products with the number of articles this key may read",
          parameters: queryParameters(ApiTaxonomyInput),
          responses: { ...ok("ProductsResponse", "Products"), ...problems(400, 401, 429) },
        },
      },
      "/api/v1/categories": {
        get: {
          operationId: "listCategories",
          summary: "Categories with the number of articles this key may read",
          parameters: queryParameters(ApiTaxonomyInput),
          responses: { ...ok("CategoriesResponse", "Categories"), ...problems(400, 401, 429) },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document (no key needed)",
          security: [],
          responses: {
            "200": {
              description: "OpenAPI 3.1",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An API key created by an admin (Amministrazione → Chiavi API): `spk_…`.",
        },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
      },
    },
  };
}
