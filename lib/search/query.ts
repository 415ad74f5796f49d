import "server-only";
import type { Meilisearch } from "meilisearch";
import { z } from "zod";
import { ChannelKeySchema } from "@/lib/channels";
import { LOCALES } from "@/lib/db";
import { UnavailableError } from "@/lib/errors";
import { getSearchMeili, indexNames } from "./client";
import type { SearchDocument } from "./documents";

const Slug = z.string().regex(/^[a-z0-9-]{1,120}$/);

export const SearchInput = z.object({
  q: z.string().trim().max(200, "La ricerca può avere al massimo 200 caratteri").default(""),
  locale: z.enum(LOCALES).optional(),
  channel: ChannelKeySchema.optional(),
  product: Slug.optional(),
  category: Slug.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchInput = z.infer<typeof SearchInput>;

export type SearchHit = {
  articleId: number;
  slug: string;
  locale: "it" | "en";
  visibility: "public" | "internal";
  title: string;
  /** Escaped text with <mark> around matches: safe to insert as HTML. */
  titleHtml: string;
  snippetHtml: string;
  product: { slug: string; name: string };
  category: { slug: string; name: string };
  /** Internal index only. */
  channels: string[];
};

export type SearchResult = {
  query: string;
  hits: SearchHit[];
  estimatedTotalHits: number;
  processingTimeMs: number;
};

// Control characters cannot occur in indexed text, so they mark matches unambiguously; we escape everything else
// and only then turn them into <mark>, so content can never inject markup through a highlight.
const PRE = "\u0002";
const POST = "\u0003";

export function highlightToHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replaceAll(PRE, "<mark>")
    .replaceAll(POST, "</mark>");
}

const SNIPPET_FIELDS = ["title", "summary"] as const;

/**
 * Searches one audience's index. Public callers can only ever name the public index: the audience is fixed by
 * the route, never by the request (docs/decisions/005-search-key.md).
 */
export async function searchArticles(
  input: SearchInput,
  audience: "internal" | "public",
  meili: Meilisearch = getSearchMeili(),
): Promise<SearchResult> {
  const locales = input.locale ? [input.locale] : LOCALES;
  const filter: string[] = [];
  if (input.locale) filter.push(`locale = "${input.locale}"`);
  if (input.product) filter.push(`product = "${input.product}"`);
  if (input.category) filter.push(`category = "${input.category}"`);
  if (input.channel && audience === "internal") filter.push(`channels = "${input.channel}"`);
  const fields = (names: readonly string[]) => locales.flatMap((l) => names.map((n) => `${n}_${l}`));
  try {
    const res = await meili.index<SearchDocument>(indexNames()[audience]).search(input.q, {
      limit: input.limit,
      filter,
      locales: input.locale ? [input.locale === "it" ? "ita" : "eng"] : undefined,
      // Title and summary only: cropping whole bodies made each search ~4x slower (0.9 → 3.1 ms at 54 articles,
      // growing with body length); docs/decisions/006-search-relevance.md.
      attributesToRetrieve: [
        "articleId",
        "slug",
        "locale",
        "visibility",
        "product",
        "productName",
        "category",
        "categoryName",
        "channels",
        ...fields(SNIPPET_FIELDS),
      ],
      attributesToHighlight: fields(SNIPPET_FIELDS),
      attributesToCrop: fields(["summary"]),
      cropLength: 30,
      cropMarker: "…",
      highlightPreTag: PRE,
      highlightPostTag: POST,
    });
    return {
      query: input.q,
      estimatedTotalHits: res.estimatedTotalHits ?? res.hits.length,
      processingTimeMs: res.processingTimeMs,
      hits: res.hits.map((hit) => {
        const loc = hit.locale;
        const f = (hit._formatted ?? {}) as Record<string, string | undefined>;
        const snippet = f[`summary_${loc}`] ?? hit[`summary_${loc}`] ?? "";
        return {
          articleId: hit.articleId,
          slug: hit.slug,
          locale: loc,
          visibility: hit.visibility,
          title: hit[`title_${loc}`] ?? "",
          titleHtml: highlightToHtml(f[`title_${loc}`] ?? hit[`title_${loc}`] ?? ""),
          snippetHtml: highlightToHtml(snippet),
          product: { slug: hit.product, name: hit.productName },
          category: { slug: hit.category, name: hit.categoryName },
          channels: audience === "internal" ? hit.channels : [],
        };
      }),
    };
  } catch (error) {
    throw new UnavailableError(
      "search_unavailable",
      "La ricerca non è disponibile in questo momento.",
      error,
    );
  }
}
