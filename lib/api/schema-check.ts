// A small JSON Schema (2020-12) checker for the contract tests of /api/v1 (lib/api/api.int.test.ts,
// e2e/api-v1.spec.ts): it covers the keywords our OpenAPI document uses, which is enough to check a response against
// the document without a validator dependency. A keyword it does not know would be ignored silently, so
// lib/api/openapi.test.ts fails when the document uses one outside KNOWN_KEYWORDS. No imports: e2e loads it too.

type Schema = Record<string, unknown>;

export const KNOWN_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "anyOf",
  "oneOf",
  "pattern",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "$ref",
  // Annotations, or checked by another keyword: date-time strings also carry a pattern; record keys are strings.
  "format",
  "description",
  "default",
  "propertyNames",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

/** Errors as "path: problem"; empty when `value` matches. `root` resolves `#/components/schemas/…` refs. */
export function checkAgainstSchema(value: unknown, schema: Schema, root: Schema, path = "$"): string[] {
  const errors: string[] = [];
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, part) => (node as Schema | undefined)?.[part], root);
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return checkAgainstSchema(value, target as Schema, root, path);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t))) {
      return [`${path}: expected ${types.join("|")}, got ${typeOf(value)}`];
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  }
  if ("const" in schema && schema.const !== value)
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) {
      errors.push(`${path}: does not match ${schema.pattern}`);
    }
    if (typeof schema.minLength === "number" && value.length < schema.minLength)
      errors.push(`${path}: too short`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength)
      errors.push(`${path}: too long`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[];
    const passing = options.filter((o) => checkAgainstSchema(value, o, root, path).length === 0).length;
    if (passing === 0 || (schema.oneOf && passing > 1))
      errors.push(`${path}: matches ${passing} of the options`);
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in object)) errors.push(`${path}.${name}: required`);
    }
    for (const [name, child] of Object.entries(object)) {
      const childSchema = properties[name];
      if (childSchema) errors.push(...checkAgainstSchema(child, childSchema, root, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${name}: not in the schema`);
      else if (typeof schema.additionalProperties === "object") {
        errors.push(
          ...checkAgainstSchema(child, schema.additionalProperties as Schema, root, `${path}.${name}`),
        );
      }
    }
  }
  if (Array.isArray(value) && typeof schema.items === "object") {
    value.forEach((item, i) => {
      errors.push(...checkAgainstSchema(item, schema.items as Schema, root, `${path}[${i}]`));
    });
  }
  return errors;
}

/** Every keyword used anywhere in a schema tree (property names excluded), to compare with KNOWN_KEYWORDS. */
export function listKeywords(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) listKeywords(item, into);
  } else if (schema && typeof schema === "object") {
    for (const [key, child] of Object.entries(schema)) {
      into.add(key);
      if (key === "properties") {
        for (const property of Object.values(child as object)) listKeywords(property, into);
      } else if (key !== "enum" && key !== "const" && key !== "default") {
        listKeywords(child, into);
      }
    }
  }
  return into;
}
