import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SafeHtml } from "@/app/_components/safe-html";
import { UnavailableError } from "@/lib/errors";
import { format, getMessages, isPortalLocale, localePath, localized, type PortalLocale } from "@/lib/i18n";
import { getPortalTaxonomy, listPortalArticles } from "@/lib/portal";
import { SearchInput, type SearchResult, searchArticles } from "@/lib/search";
import { SearchForm } from "../../_components/search-form";

// A plain GET page over the public index only: it works without JavaScript, and the URL is shareable.
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

async function runSearch(
  lang: PortalLocale,
  raw: Record<string, string>,
): Promise<{ result: SearchResult | null; failed: boolean }> {
  const parsed = SearchInput.safeParse({ ...raw, locale: lang, limit: 20 });
  // A product or category slug that is not a slug is a filter nobody offered: search without it.
  const input = parsed.success
    ? parsed.data
    : SearchInput.parse({ q: raw.q?.slice(0, 200) ?? "", locale: lang, limit: 20 });
  if (input.q === "") return { result: null, failed: false };
  try {
    return { result: await searchArticles(input, "public"), failed: false };
  } catch (error) {
    if (error instanceof UnavailableError) return { result: null, failed: true };
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
  const { result, failed } = await runSearch(lang, { ...filters, q: raw.q });
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
      {failed ? (
        <p role="alert" className="alert">
          {t.search.unavailable}
        </p>
      ) : !raw.q ? (
        <p className="muted">{t.search.enterQuery}</p>
      ) : hits.length === 0 ? (
        <section aria-live="polite">
          <p>
            <strong>{format(t.search.noResults, { query: raw.q })}</strong>
          </p>
          <p className="muted">{t.search.noResultsHint}</p>
          <ul className="tiles">
            {taxonomy.categories.map((c) => (
              <li key={c.slug}>
                <Link className="tile" href={localePath(lang, `/c/${c.slug}`)}>
                  <span className="tile-title">{localized(c.name, lang)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-live="polite">
          <p className="muted">
            {result?.estimatedTotalHits === 1
              ? t.search.countOne
              : format(t.search.count, { count: result?.estimatedTotalHits ?? hits.length })}
          </p>
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={hit.articleId}>
                <Link href={localePath(lang, `/a/${hit.slug}`)} className="result-title">
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
