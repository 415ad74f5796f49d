import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { format, getMessages, isPortalLocale, localePath, localized } from "@/lib/i18n";
import { getPortalTaxonomy, listMostReadArticleIds, listPortalArticles } from "@/lib/portal";
import { ArticleList } from "../_components/article-list";
import { SearchForm } from "../_components/search-form";

// Cached (ISR): rendered on first visit, then served from cache until a publish or edit refreshes it
// (lib/portal/revalidate.ts) or, at the latest, after `revalidate` seconds. Nothing is rendered at build time.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  if (!isPortalLocale(lang)) return {};
  return {
    alternates: {
      canonical: localePath(lang, "/"),
      languages: { it: "/", en: "/en" },
      // Feed readers find the "recently updated" feed from the home page.
      types: { "application/atom+xml": localePath(lang, "/feed.xml") },
    },
  };
}

export default async function PortalHome({ params }: Props) {
  const { lang } = await params;
  if (!isPortalLocale(lang)) notFound();
  const t = getMessages(lang);
  const articles = listPortalArticles(lang);
  const { products, categories } = getPortalTaxonomy(articles);
  const latest = [...articles].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, 6);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const mostRead = listMostReadArticleIds(lang, 6).flatMap((id) => byId.get(id) ?? []);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t.home.title}</h1>
        <p className="muted">{t.home.lead}</p>
        <SearchForm locale={lang} />
      </section>
      {categories.length === 0 ? (
        <p>{t.home.empty}</p>
      ) : (
        <>
          <section aria-labelledby="home-products">
            <h2 id="home-products">{t.home.products}</h2>
            <ul className="tiles">
              {products.map((p) => (
                <li key={p.id}>
                  <Link href={localePath(lang, `/p/${p.slug}`)} className="tile">
                    <span className="tile-title">{localized(p.name, lang)}</span>
                    <span className="muted">{format(t.home.articleCount, { count: p.articleCount })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="home-categories">
            <h2 id="home-categories">{t.home.categories}</h2>
            <ul className="tiles">
              {categories.map((c) => (
                <li key={c.id}>
                  <Link href={localePath(lang, `/c/${c.slug}`)} className="tile">
                    <span className="tile-title">{localized(c.name, lang)}</span>
                    {c.description ? <span className="muted">{localized(c.description, lang)}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          {mostRead.length > 0 ? (
            <section aria-labelledby="home-popular">
              <h2 id="home-popular">{t.home.popular}</h2>
              <ArticleList locale={lang} articles={mostRead} />
            </section>
          ) : null}
          <section aria-labelledby="home-latest">
            <h2 id="home-latest">{t.home.latest}</h2>
            <ArticleList locale={lang} articles={latest} />
          </section>
        </>
      )}
    </>
  );
}
