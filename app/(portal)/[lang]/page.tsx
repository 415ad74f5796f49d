import Link from "next/link";
import { notFound } from "next/navigation";
import { format, getMessages, isPortalLocale, localePath, localized } from "@/lib/i18n";
import { getPortalTaxonomy, listPortalArticles } from "@/lib/portal";
import { ArticleList } from "../_components/article-list";
import { SearchForm } from "../_components/search-form";

// Rendered per request from SQLite (a few ms), so a publish shows at once.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lang: string }> };

export default async function PortalHome({ params }: Props) {
  const { lang } = await params;
  if (!isPortalLocale(lang)) notFound();
  const t = getMessages(lang);
  const articles = listPortalArticles(lang);
  const { products, categories } = getPortalTaxonomy(articles);
  const latest = [...articles].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, 6);
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
          <section aria-labelledby="home-latest">
            <h2 id="home-latest">{t.home.latest}</h2>
            <ArticleList locale={lang} articles={latest} />
          </section>
        </>
      )}
    </>
  );
}
