import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SafeHtml } from "@/app/_components/safe-html";
import { getPublishedArticle, type PresentedArticle, presentArticle } from "@/lib/articles";
import { getPortalBranding } from "@/lib/branding";
import { publicBaseUrl } from "@/lib/env";
import { getFactMap } from "@/lib/facts";
import { format, getMessages, intlLocale, isPortalLocale, localePath, type PortalLocale } from "@/lib/i18n";
import {
  articleJsonLd,
  faqJsonLd,
  listPortalArticles,
  listPublicTranslations,
  serializeJsonLd,
} from "@/lib/portal";
import { ArticleList } from "../../../_components/article-list";
import { HelpfulVote } from "../../../_components/helpful-vote";

// Cached (ISR): rendered on first visit, then served from cache until a publish or edit refreshes it
// (lib/portal/revalidate.ts) or, at the latest, after `revalidate` seconds. Nothing is rendered at build time.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ lang: string; slug: string }> };

/** A table of contents only where it helps: long articles with at least three sections. */
const MIN_HEADINGS_FOR_TOC = 3;

// Internal, draft and archived articles are 404 here: the public audience cannot even learn they exist.
function load(slug: string) {
  const bundle = getPublishedArticle(slug, "public");
  if (!bundle) return null;
  return {
    article: presentArticle(bundle, "public", getFactMap()),
    translationGroup: bundle.article.translationGroup,
    categoryId: bundle.article.categoryId,
  };
}

function alternates(article: PresentedArticle, translationGroup: string) {
  const languages: Record<string, string> = {
    [article.locale]: localePath(article.locale, `/a/${article.slug}`),
  };
  for (const t of listPublicTranslations(translationGroup, article.id)) {
    languages[t.locale] = localePath(t.locale, `/a/${t.slug}`);
  }
  return languages;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = load((await params).slug);
  if (!loaded) return {};
  const { article, translationGroup } = loaded;
  return {
    title: article.title,
    description: article.summary,
    openGraph: {
      type: "article",
      // This openGraph replaces the layout's whole, so the site name is restated.
      siteName: getPortalBranding(article.locale).name,
      title: article.title,
      description: article.summary || undefined,
      url: localePath(article.locale, `/a/${article.slug}`),
      locale: article.locale === "it" ? "it_IT" : "en_GB",
      modifiedTime: article.publishedAt.toISOString(),
    },
    alternates: {
      canonical: localePath(article.locale, `/a/${article.slug}`),
      languages: alternates(article, translationGroup),
    },
  };
}

export default async function PortalArticle({ params }: Props) {
  const { lang, slug } = await params;
  if (!isPortalLocale(lang)) notFound();
  const loaded = load(slug);
  if (!loaded) notFound();
  const { article, translationGroup, categoryId } = loaded;
  if (article.locale !== lang) {
    // The language switch (or an old link) asked for this article in the other language: its translation, or
    // that language's home when there is none.
    const translation = listPublicTranslations(translationGroup, article.id).find((t) => t.locale === lang);
    redirect(localePath(lang, translation ? `/a/${translation.slug}` : "/"));
  }
  const locale: PortalLocale = lang;
  const t = getMessages(locale);
  const siteName = getPortalBranding(locale).name;
  const related = listPortalArticles(locale, { categoryId, excludeId: article.id, limit: 5 });
  const base = publicBaseUrl();
  const url = `${base}${localePath(locale, `/a/${article.slug}`)}`;
  const faq = faqJsonLd(url, article.questions);
  const structuredData = articleJsonLd({
    url,
    title: article.title,
    summary: article.summary,
    locale,
    publishedAt: article.publishedAt,
    publisher: siteName,
    breadcrumbs: [
      { name: siteName, url: `${base}${localePath(locale, "/")}` },
      { name: article.category.name, url: `${base}${localePath(locale, `/c/${article.category.slug}`)}` },
    ],
  });
  return (
    <article className="portal-article">
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: serializeJsonLd escapes "<", ">" and "&" (lib/portal)
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(faq ? [...structuredData, faq] : structuredData) }}
      />
      <nav aria-label={t.article.breadcrumb} className="breadcrumbs">
        <ol>
          <li>
            <Link href={localePath(locale, "/")}>{siteName}</Link>
          </li>
          <li>
            <Link href={localePath(locale, `/c/${article.category.slug}`)}>{article.category.name}</Link>
          </li>
          <li aria-current="page">{article.title}</li>
        </ol>
      </nav>
      <h1>{article.title}</h1>
      {article.summary ? <p className="lead">{article.summary}</p> : null}
      <p className="muted">
        {format(t.article.updated, {
          date: article.publishedAt.toLocaleDateString(intlLocale(locale), { dateStyle: "long" }),
        })}
      </p>
      {article.headings.length >= MIN_HEADINGS_FOR_TOC ? (
        <nav aria-labelledby="toc-title" className="toc">
          <h2 id="toc-title">{t.article.contents}</h2>
          <ul>
            {article.headings.map((h) => (
              <li key={h.id} className={h.depth === 3 ? "toc-sub" : undefined}>
                <a href={`#${h.id}`}>{h.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {/* Internal blocks were already removed for the public audience. */}
      <SafeHtml className="prose" html={article.html} />
      <HelpfulVote locale={locale} slug={article.slug} version={article.versionNumber} text={t.feedback} />
      {related.length > 0 ? (
        <aside aria-labelledby="related-title" className="related">
          <h2 id="related-title">{t.article.related}</h2>
          <ArticleList locale={locale} articles={related} />
        </aside>
      ) : null}
    </article>
  );
}
