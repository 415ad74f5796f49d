import Link from "next/link";
import { localePath, type PortalLocale } from "@/lib/i18n";

export function ArticleList({
  locale,
  articles,
}: {
  locale: PortalLocale;
  articles: readonly { slug: string; title: string; summary: string }[];
}) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.slug}>
          <Link href={localePath(locale, `/a/${a.slug}`)}>{a.title}</Link>
          {a.summary ? <p className="muted">{a.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
