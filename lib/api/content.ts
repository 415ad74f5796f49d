import "server-only";
import { and, asc, count, eq, isNotNull, ne, type SQL } from "drizzle-orm";
import { recordUsageEvent } from "@/lib/analytics";
import type { ApiPrincipal } from "@/lib/apikeys";
import {
  type ArticleBundle,
  getPublishedArticle,
  getPublishedBundles,
  presentArticle,
  publicArticleUrl,
  renderArticleAnswers,
} from "@/lib/articles";
import { type ChannelKey, fillTemplate, type RenderedAnswer } from "@/lib/channels";
import { type Db, getDb, type Locale, schema } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { type FactMap, factValues, getFactMap } from "@/lib/facts";
import { markdownToPlainText } from "@/lib/markdown";
import { searchArticles } from "@/lib/search";
import { resolveAudience } from "./auth";
import {
  type ApiAnswer,
  type ApiArticle,
  ApiArticleInput,
  type ApiCategoriesResponse,
  type ApiProductsResponse,
  ApiSearchInput,
  type ApiSearchResponse,
  ApiTaxonomyInput,
  ApiVarsInput,
} from "./schemas";

// What /api/v1 answers (docs/decisions/018-api-v1.md). Articles go through lib/articles' presenter and channel
// answers through lib/channels' renderer, the same code as the agent console and the portal: the API adds no
// channel rule of its own. The audience comes from the key, never from the request alone.

type Audience = "public" | "internal";

/** The API's shape of a rendered answer: the fields its channel has, flattened; the SMS analysis cut to two. */
export function toApiAnswer(answer: RenderedAnswer): ApiAnswer {
  const base = { channel: answer.channel, text: answer.text, missing: answer.missing };
  switch (answer.channel) {
    case "ivr":
      return { ...base, ssml: answer.ssml, readAloudSeconds: answer.readAloudSeconds };
    case "phone":
      return { ...base, readAloudSeconds: answer.readAloudSeconds };
    case "email":
      return { ...base, subject: answer.subject, html: answer.html };
    case "sms":
      return { ...base, sms: { encoding: answer.sms.encoding, parts: answer.sms.parts } };
    case "chatbot":
      return { ...base, articleUrl: answer.articleUrl };
    default:
      return base;
  }
}

function cleanVars(raw: Record<string, string>): Record<string, string> {
  const parsed = ApiVarsInput.parse(raw);
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => e[1] !== undefined));
}

function shapeArticle(
  bundle: ArticleBundle,
  audience: Audience,
  facts: FactMap,
  answerOptions: { values: Record<string, string>; channel?: ChannelKey },
) {
  const presented = presentArticle(bundle, audience, facts);
  return {
    presented,
    core: {
      id: presented.id,
      slug: presented.slug,
      locale: presented.locale,
      visibility: presented.visibility,
      title: presented.title,
      summary: presented.summary,
      url: presented.visibility === "public" ? publicArticleUrl(presented.slug, presented.locale) : null,
      updatedAt: presented.publishedAt.toISOString(),
      product: presented.product,
      category: presented.category,
      answers: renderArticleAnswers(bundle, audience, facts, answerOptions).map(toApiAnswer),
    },
  };
}

/** GET /api/v1/search: ranked hits of the key's index, each with its answers rendered and filled. */
export async function apiSearch(
  key: ApiPrincipal,
  raw: Record<string, string>,
  rawVars: Record<string, string>,
): Promise<ApiSearchResponse> {
  const started = performance.now();
  const input = ApiSearchInput.parse(raw);
  const values = cleanVars(rawVars);
  const audience = resolveAudience(key, input.audience);
  const result = await searchArticles(
    {
      q: input.q,
      locale: input.locale,
      product: input.product,
      category: input.category,
      channel: input.channel,
      limit: input.limit,
    },
    audience,
  );
  const bundles = new Map(
    getPublishedBundles(result.hits.map((h) => h.articleId)).map((b) => [b.article.id, b]),
  );
  const facts = getFactMap();
  const hits = result.hits.flatMap((hit) => {
    const bundle = bundles.get(hit.articleId);
    // The index lags the database by up to a sync: an article unpublished, archived or made internal since is
    // left out here rather than shown from a stale document.
    if (!bundle || (audience === "public" && bundle.article.visibility !== "public")) return [];
    return [shapeArticle(bundle, audience, facts, { values, channel: input.channel }).core];
  });
  const filters: Record<string, string> = { audience };
  for (const name of ["locale", "product", "category"] as const) {
    const value = input[name];
    if (value) filters[name] = value;
  }
  recordUsageEvent({
    surface: "api",
    clientKey: String(key.id),
    apiKeyId: key.id,
    kind: "search",
    query: input.q,
    filters,
    channel: input.channel ?? null,
    resultCount: result.estimatedTotalHits,
    latencyMs: performance.now() - started,
  });
  return {
    query: result.query,
    audience,
    channel: input.channel ?? null,
    total: result.estimatedTotalHits,
    hits,
  };
}

/** The published article by id or slug; null when this audience may not read it (the caller answers 404). */
function findBundle(idOrSlug: string, audience: Audience): ArticleBundle | null {
  if (/^\d{1,12}$/.test(idOrSlug)) {
    const bundle = getPublishedBundles([Number(idOrSlug)])[0];
    if (!bundle || (audience === "public" && bundle.article.visibility !== "public")) return null;
    return bundle;
  }
  if (!/^[a-z0-9-]{1,120}$/.test(idOrSlug)) return null;
  return getPublishedArticle(idOrSlug, audience);
}

/**
 * GET /api/v1/articles/{idOrSlug}. Internal, unpublished and unknown articles are the same 404 for a public key, so
 * the answer never confirms that an internal article exists (STYLE.md: hidden content gets 404, not 403).
 */
export function getApiArticle(
  key: ApiPrincipal,
  idOrSlug: string,
  raw: Record<string, string>,
  rawVars: Record<string, string>,
): ApiArticle {
  const input = ApiArticleInput.parse(raw);
  const values = cleanVars(rawVars);
  const audience = resolveAudience(key, input.audience);
  const bundle = findBundle(idOrSlug, audience);
  if (!bundle) throw new NotFoundError("article_not_found", "Articolo non trovato");
  const facts = getFactMap();
  const { presented, core } = shapeArticle(bundle, audience, facts, { values, channel: input.channel });
  const body = fillTemplate(bundle.version.body, factValues(facts, bundle.article.locale, audience)).text;
  return {
    ...core,
    tags: presented.tags,
    html: presented.html,
    text: markdownToPlainText(body, { audience }),
  };
}

// ── Products and categories ──────────────────────────────────────────────────────────────────────────

function readableBy(audience: Audience, locale: Locale | undefined): SQL {
  const conditions = [isNotNull(schema.articles.publishedVersionId), ne(schema.articles.status, "archived")];
  if (audience === "public") conditions.push(eq(schema.articles.visibility, "public"));
  if (locale) conditions.push(eq(schema.articles.locale, locale));
  return and(...conditions) as SQL;
}

function localized(names: { it: string; en?: string }, locale: Locale | undefined): string {
  return locale === "en" ? (names.en ?? names.it) : names.it;
}

/**
 * A public key sees only the products and categories it has something to read in (the portal's rule), so an
 * internal-only product is not named; an internal key sees them all, with their counts.
 */
function keepFor(audience: Audience) {
  return (item: { articleCount: number }) => audience === "internal" || item.articleCount > 0;
}

export function listApiProducts(
  key: ApiPrincipal,
  raw: Record<string, string>,
  db: Db = getDb(),
): ApiProductsResponse {
  const { locale } = ApiTaxonomyInput.parse(raw);
  const audience = key.scope;
  const counts = new Map(
    db
      .select({ id: schema.articles.productId, n: count() })
      .from(schema.articles)
      .where(readableBy(audience, locale))
      .groupBy(schema.articles.productId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const products = db
    .select()
    .from(schema.products)
    .orderBy(asc(schema.products.slug))
    .all()
    .map((p) => ({
      slug: p.slug,
      name: localized(p.name, locale),
      names: { it: p.name.it, ...(p.name.en ? { en: p.name.en } : {}) },
      articleCount: counts.get(p.id) ?? 0,
    }))
    .filter(keepFor(audience));
  return { products };
}

export function listApiCategories(
  key: ApiPrincipal,
  raw: Record<string, string>,
  db: Db = getDb(),
): ApiCategoriesResponse {
  const { locale } = ApiTaxonomyInput.parse(raw);
  const audience = key.scope;
  const counts = new Map(
    db
      .select({ id: schema.articles.categoryId, n: count() })
      .from(schema.articles)
      .where(readableBy(audience, locale))
      .groupBy(schema.articles.categoryId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const categories = db
    .select()
    .from(schema.categories)
    .orderBy(asc(schema.categories.position), asc(schema.categories.slug))
    .all()
    .map((c) => ({
      slug: c.slug,
      name: localized(c.name, locale),
      names: { it: c.name.it, ...(c.name.en ? { en: c.name.en } : {}) },
      articleCount: counts.get(c.id) ?? 0,
    }))
    .filter(keepFor(audience));
  return { categories };
}
