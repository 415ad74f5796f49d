import "server-only";
import { recordUsageEvent } from "@/lib/analytics";
import { RateLimitedError } from "@/lib/errors";
import { type RateLimit, sharedTokenBuckets } from "@/lib/http/rate-limit";
import { format, getMessages, localePath, type PortalLocale } from "@/lib/i18n";
import { SearchInput, type SearchResult, searchArticles } from "@/lib/search";

// The portal's search (issue 6 point 2), shared by the GET page /search and the instant box's
// GET /api/portal/search: the public index only, a per-client limit, and every non-empty query recorded for
// editors (zero results included: what customers look for and do not find).

/**
 * Per client address: a burst of 40 (about five searches typed as-you-go) then one a second. A person never
 * notices; a script scraping the index or hammering Meilisearch does.
 */
export const PUBLIC_SEARCH_LIMIT: RateLimit = { burst: 40, perSecond: 1 };

export type PortalSearchParams = { q: string; product?: string; category?: string; limit?: number };

export type PortalSearchHit = {
  slug: string;
  url: string;
  title: string;
  titleHtml: string;
  snippetHtml: string;
  product: { slug: string; name: string };
  category: { slug: string; name: string };
};

export type PortalSearchResult = { query: string; total: number; hits: PortalSearchHit[] };

/** Reads loose input (query string or form): an unknown or malformed filter is dropped, not an error. */
export function parsePortalSearch(
  raw: Record<string, string | undefined>,
  limit: number,
): PortalSearchParams {
  const q = (raw.q ?? "").trim().slice(0, 200);
  const parsed = SearchInput.safeParse({
    q,
    product: raw.product || undefined,
    category: raw.category || undefined,
  });
  return parsed.success
    ? { q: parsed.data.q, product: parsed.data.product, category: parsed.data.category, limit }
    : { q, limit };
}

function toPortalHit(hit: SearchResult["hits"][number], locale: PortalLocale): PortalSearchHit {
  return {
    slug: hit.slug,
    url: localePath(locale, `/a/${hit.slug}`),
    title: hit.title,
    titleHtml: hit.titleHtml,
    snippetHtml: hit.snippetHtml,
    product: hit.product,
    category: hit.category,
  };
}

/**
 * Searches the public index for one client. Throws RateLimitedError (message in the visitor's language) when the
 * client is over its limit, UnavailableError when Meilisearch is down. An empty query returns no hits and is
 * neither limited nor recorded.
 */
export async function portalSearch(
  params: PortalSearchParams,
  locale: PortalLocale,
  clientIp: string | null,
): Promise<PortalSearchResult> {
  if (params.q === "") return { query: "", total: 0, hits: [] };
  const clientKey = clientIp ?? "unknown";
  const decision = sharedTokenBuckets("portal-search", PUBLIC_SEARCH_LIMIT).take(clientKey);
  if (!decision.allowed) {
    throw new RateLimitedError(
      format(getMessages(locale).search.rateLimited, { seconds: decision.retryAfterSeconds }),
      decision.retryAfterSeconds,
    );
  }
  const started = performance.now();
  const input = SearchInput.parse({ ...params, locale });
  const result = await searchArticles(input, "public");
  const filters: Record<string, string> = { locale };
  if (input.product) filters.product = input.product;
  if (input.category) filters.category = input.category;
  recordUsageEvent({
    surface: "portal",
    clientKey,
    kind: "search",
    query: input.q,
    filters,
    resultCount: result.estimatedTotalHits,
    latencyMs: performance.now() - started,
  });
  return {
    query: result.query,
    total: result.estimatedTotalHits,
    hits: result.hits.map((hit) => toPortalHit(hit, locale)),
  };
}
