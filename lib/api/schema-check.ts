// Checks a response against the OpenAPI document of /api/v1 in the contract tests (lib/api/api.int.test.ts,
// e2e/api-v1.spec.ts), with Ajv: OpenAPI 3.1 schemas are JSON Schema 2020-12. `schema` may contain
// `#/components/schemas/…` references; they are resolved against the whole document.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";

type Schema = Record<string, unknown>;

const DOCUMENT_ID = "https://sportello.local/openapi.json";

// Strict mode would refuse OpenAPI's own keywords around the schemas; formats are annotations in 2020-12.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
let registered: Schema | null = null;
const compiled = new WeakMap<Schema, ValidateFunction>();

/** A copy of `schema` whose local references ("#/…") point into the registered document. */
function anchored(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(anchored);
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, child]) =>
      key === "$ref" && typeof child === "string" && child.startsWith("#")
        ? [key, `${DOCUMENT_ID}${child}`]
        : [key, anchored(child)],
    ),
  );
}

/** Errors as "path: problem"; empty when `value` matches `schema`. */
export function checkAgainstSchema(value: unknown, schema: Schema, document: Schema): string[] {
  if (registered !== document) {
    ajv.removeSchema(DOCUMENT_ID);
    ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    registered = document;
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(anchored(schema) as Schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const detail = e.params.additionalProperty ?? e.params.missingProperty;
    return `$${e.instancePath}: ${e.message ?? e.keyword}${detail ? ` (${detail})` : ""}`;
  });
}

/** Problems with a schema itself as JSON Schema 2020-12 (the document's component schemas), or []. */
export function schemaProblems(schema: Schema): string[] {
  if (ajv.validateSchema(schema)) return [];
  return (ajv.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? e.keyword}`);
}
