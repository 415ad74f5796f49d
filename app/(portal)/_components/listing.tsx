import Link from "next/link";
import { getPortalBranding } from "@/lib/branding";
import { getMessages, localePath, type PortalLocale } from "@/lib/i18n";
import type { PortalArticleItem } from "@/lib/portal";
import { ArticleList } from "./article-list";
import { SearchForm } from "./search-form";

/** A category or product page: breadcrumbs, title, a search scoped to it, and its articles. */
export function Listing(props: {
  locale: PortalLocale;
  title: string;
  description?: string;
  scope: { category: string } | { product: string };
  heading: string;
  articles: readonly PortalArticleItem[];
}) {
  const t = getMessages(props.locale);
  return (
    <>
      <nav aria-label={t.article.breadcrumb} className="breadcrumbs">
        <ol>
          <li>
            <Link href={localePath(props.locale, "/")}>{getPortalBranding(props.locale).name}</Link>
          </li>
          <li aria-current="page">{props.title}</li>
        </ol>
      </nav>
      <h1>{props.title}</h1>
      {props.description ? <p className="muted">{props.description}</p> : null}
      <SearchForm locale={props.locale} hidden={props.scope} />
      <h2>{props.heading}</h2>
      <ArticleList locale={props.locale} articles={props.articles} />
    </>
  );
}
