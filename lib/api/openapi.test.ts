import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { schemaProblems } from "./schema-check";

const V1 = join(process.cwd(), "app", "api", "v1");

function routePaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routePaths(path);
    if (entry.name !== "route.ts") return [];
    const segments = relative(V1, dir).split(sep).filter(Boolean);
    return [`/api/v1/${segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`];
  });
}

describe("the OpenAPI document of /api/v1", () => {
  const doc = buildOpenApiDocument("http://localhost:3000") as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };

  it("names every route handler under app/api/v1, and nothing else", () => {
    const routes = routePaths(V1).sort();
    expect(routes.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(doc.paths).sort()).toEqual(routes);
  });

  it("is OpenAPI 3.1 with the response schemas generated from zod, strict objects included", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      "Answer",
      "Article",
      "CategoriesResponse",
      "Problem",
      "ProductsResponse",
      "SearchHit",
      "SearchResponse",
    ]);
    expect(doc.components.schemas.Article).toMatchObject({ additionalProperties: false });
  });

  it("has component schemas that are valid JSON Schema 2020-12", () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(schemaProblems(schema as Record<string, unknown>), name).toEqual([]);
    }
  });
});
