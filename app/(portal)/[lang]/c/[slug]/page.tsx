import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMessages, isPortalLocale, localePath, localized } from "@/lib/i18n";
import { getCategoryBySlug, listPortalArticles } from "@/lib/portal";
import { Listing } from "../../../_components/listing";

// Cached (ISR): rendered on first visit, then served from cache until a publish or edit refreshes it
// (lib/portal/revalidate.ts) or, at the latest, after `revalidate` seconds. Nothing is rendered at build time.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ lang: string; slug: string }> };

async function load(params: Props["params"]) {
  const { lang, slug } = await params;
  if (!isPortalLocale(lang)) return null;
  const category = getCategoryBySlug(slug);
  if (!category) return null;
  // No page for a topic with nothing to read in this language (it would be an empty page in search engines).
  const articles = listPortalArticles(lang, { categoryId: category.id });
  return articles.length > 0 ? { lang, category, articles } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  if (!page) return {};
  return {
    title: localized(page.category.name, page.lang),
    description: page.category.description ? localized(page.category.description, page.lang) : undefined,
    alternates: {
      canonical: localePath(page.lang, `/c/${page.category.slug}`),
      languages: { it: `/c/${page.category.slug}`, en: `/en/c/${page.category.slug}` },
    },
  };
}

export default async function CategoryPage({ params }: Props) {
  const page = await load(params);
  if (!page) notFound();
  const { lang, category, articles } = page;
  const t = getMessages(lang);
  return (
    <Listing
      locale={lang}
      title={localized(category.name, lang)}
      description={category.description ? localized(category.description, lang) : undefined}
      scope={{ category: category.slug }}
      heading={t.category.articles}
      articles={articles}
    />
  );
}
