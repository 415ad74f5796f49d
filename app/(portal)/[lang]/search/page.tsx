import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SafeHtml } from "@/app/_components/safe-html";
import { RateLimitedError, UnavailableError } from "@/lib/errors";
import { clientIpOf } from "@/lib/http/client-ip";
import { format, getMessages, isPortalLocale, localePath, localized, type PortalLocale } from "@/lib/i18n";
import {
  getPortalTaxonomy,
  listPortalArticles,
  type PortalSearchResult,
  parsePortalSearch,
  portalSearch,
} from "@/lib/portal";
import { SearchForm } from "../../_components/search-form";

// A plain GET page over the public index only (lib/portal/search.ts): it works without JavaScript, and the URL is
// shareable. Per request, like every search.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  if (!isPortalLocale(lang)) return {};
  // Result pages are not content: keep them out of search engines' indexes.
  return { title: getMessages(lang).search.title, robots: { index: false, follow: true } };
}

type Outcome = { result: PortalSearchResult | null; failure: string | null };

async function runSearch(lang: PortalLocale, raw: Record<string, string>): Promise<Outcome> {
  const params = parsePortalSearch(raw, 20);
  if (params.q === "") return { result: null, failure: null };
  try {
    return { result: await portalSearch(params, lang, clientIpOf(await headers())), failure: null };
  } catch (error) {
    // Both are told to the visitor in their language, with the topics to browse instead.
    if (error instanceof RateLimitedError) return { result: null, failure: error.message };
    if (error instanceof UnavailableError)
      return { result: null, failure: getMessages(lang).search.unavailable };
    throw error;
  }
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isPortalLocale(lang)) notFound();
  const sp = await searchParams;
  const raw = { q: first(sp.q).trim(), product: first(sp.product), category: first(sp.category) };
  const filters = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "q" && v !== ""));
  const t = getMessages(lang);
  const taxonomy = getPortalTaxonomy(listPortalArticles(lang));
  const { result, failure } = await runSearch(lang, { ...filters, q: raw.q });
  const hits = result?.hits ?? [];
  return (
    <>
      <h1>{raw.q ? format(t.search.resultsFor, { query: raw.q }) : t.search.title}</h1>
      <SearchForm locale={lang} query={raw.q} autoFocus={!raw.q} hidden={filters} />
      <form method="get" action={localePath(lang, "/search")} className="search-filters">
        <fieldset>
          <legend>{t.search.filters}</legend>
          <input type="hidden" name="q" value={raw.q} />
          <label>
            {t.search.product}{" "}
            <select name="product" defaultValue={raw.product}>
              <option value="">{t.search.all}</option>
              {taxonomy.products.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {localized(p.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.search.category}{" "}
            <select name="category" defaultValue={raw.category}>
              <option value="">{t.search.all}</option>
              {taxonomy.categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {localized(c.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button secondary">
            {t.search.apply}
          </button>
        </fieldset>
      </form>
      {failure ? (
        <section>
          <p role="alert" className="alert">
            {failure}
          </p>
          <TopicTiles lang={lang} categories={taxonomy.categories} />
        </section>
      ) : !raw.q ? (
        <p className="muted">{t.search.enterQuery}</p>
      ) : hits.length === 0 ? (
        <section aria-live="polite">
          <p>
            <strong>{format(t.search.noResults, { query: raw.q })}</strong>
          </p>
          <p className="muted">{t.search.noResultsHint}</p>
          <TopicTiles lang={lang} categories={taxonomy.categories} />
        </section>
      ) : (
        <section aria-live="polite">
          <p className="muted">
            {result?.total === 1
              ? t.search.countOne
              : format(t.search.count, { count: result?.total ?? hits.length })}
          </p>
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={hit.slug}>
                <Link href={hit.url} className="result-title">
                  <SafeHtml html={hit.titleHtml} as="span" />
                </Link>
                <SafeHtml html={hit.snippetHtml} className="muted" />
                <p className="result-meta">
                  {hit.product.name} › {hit.category.name}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** Where to go when search has nothing (or is unavailable): the topics with something to read. */
function TopicTiles({
  lang,
  categories,
}: {
  lang: PortalLocale;
  categories: { slug: string; name: { it: string; en?: string } }[];
}) {
  return (
    <ul className="tiles">
      {categories.map((c) => (
        <li key={c.slug}>
          <Link className="tile" href={localePath(lang, `/c/${c.slug}`)}>
            <span className="tile-title">{localized(c.name, lang)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
