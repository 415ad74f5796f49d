import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { format, getMessages, isPortalLocale, localePath, localized } from "@/lib/i18n";
import { getProductBySlug, listPortalArticles } from "@/lib/portal";
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
  const product = getProductBySlug(slug);
  if (!product) return null;
  // No page for a product with nothing to read in this language (it would be an empty page in search engines).
  const articles = listPortalArticles(lang, { productId: product.id });
  return articles.length > 0 ? { lang, product, articles } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  if (!page) return {};
  return {
    title: localized(page.product.name, page.lang),
    alternates: {
      canonical: localePath(page.lang, `/p/${page.product.slug}`),
      languages: { it: `/p/${page.product.slug}`, en: `/en/p/${page.product.slug}` },
    },
  };
}

export default async function ProductPage({ params }: Props) {
  const page = await load(params);
  if (!page) notFound();
  const { lang, product, articles } = page;
  const t = getMessages(lang);
  const productName = localized(product.name, lang);
  return (
    <Listing
      locale={lang}
      title={productName}
      scope={{ product: product.slug }}
      heading={format(t.product.articles, { product: productName })}
      articles={articles}
    />
  );
}
