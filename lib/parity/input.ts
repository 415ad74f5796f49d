import { z } from "zod";
import { PARITY_KINDS, type ParityKind } from "./shape";

// The parity page's filters come from its URL: unknown or malformed values mean "not filtered", never an error.
const ParityFilterInput = z.object({
  product: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(120)
    .optional()
    .catch(undefined),
  kind: z.enum(PARITY_KINDS).optional().catch(undefined),
  article: z.coerce.number().int().positive().optional().catch(undefined),
});

export type ParityPageFilter = { productSlug?: string; kind?: ParityKind; articleId?: number };

export function parseParityFilter(params: Record<string, string | string[] | undefined>): ParityPageFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = ParityFilterInput.parse({
    product: first(params.product),
    kind: first(params.kind),
    article: first(params.article),
  });
  return { productSlug: parsed.product, kind: parsed.kind, articleId: parsed.article };
}
