import { z } from "zod";
import { ARTICLE_STATUSES, LOCALES, VISIBILITIES } from "@/lib/db";

// The studio list's filters come from the URL (a GET form), so anything can arrive: every field falls back to
// "not filtered" instead of failing, and a hand-edited or stale link still shows a list.

export const CATALOG_SORTS = ["updated", "title", "reviewBy", "status"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const REVIEW_DUE_FILTERS = ["overdue", "soon"] as const;
/** "soon": from today through the next 30 days. */
export const REVIEW_SOON_DAYS = 30;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

export const StudioListFiltersInput = z.object({
  q: optional(
    z
      .string()
      .trim()
      .max(200)
      .transform((s) => s || undefined),
  ),
  status: optional(z.enum(ARTICLE_STATUSES)),
  product: optional(slug),
  category: optional(slug),
  locale: optional(z.enum(LOCALES)),
  visibility: optional(z.enum(VISIBILITIES)),
  owner: optional(z.coerce.number().int().positive()),
  reviewDue: optional(z.enum(REVIEW_DUE_FILTERS)),
  parity: optional(z.literal("yes")),
  flagged: optional(z.literal("yes")),
  sort: z.enum(CATALOG_SORTS).catch("updated").default("updated"),
});
export type StudioListFilters = z.infer<typeof StudioListFiltersInput>;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Filters from Next's `searchParams` (or a URLSearchParams); repeated keys use the first value. */
export function parseStudioListFilters(params: SearchParams): StudioListFilters {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && !(key in flat)) flat[key] = first;
  }
  // Empty strings are what an untouched <select> sends: not a filter.
  for (const key of Object.keys(flat)) if (flat[key] === "") delete flat[key];
  return StudioListFiltersInput.parse(flat);
}

/** True when anything narrows the list (the sort alone does not). */
export function hasActiveFilters(filters: StudioListFilters): boolean {
  const { sort: _sort, ...rest } = filters;
  return Object.values(rest).some((v) => v !== undefined);
}

/** A LIKE pattern that matches `q` literally anywhere: `%`, `_` and the escape character itself are escaped. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
