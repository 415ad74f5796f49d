import type { Metadata } from "next";
import Link from "next/link";
import { getArticleForEdit, listTaxonomyOptions } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";
import { NewArticleForm } from "./new-article-form";

export const metadata: Metadata = { title: "Nuovo articolo" };

type Props = { searchParams: Promise<{ translationOf?: string }> };

export default async function NewArticlePage({ searchParams }: Props) {
  await requirePageRole("editor", "/studio/articles/new");
  const sourceId = Number((await searchParams).translationOf);
  const source = Number.isInteger(sourceId) && sourceId > 0 ? getArticleForEdit(sourceId) : null;
  return (
    <>
      <p>
        <Link href="/studio">← Articoli</Link>
      </p>
      <h1>{source ? `Traduzione di «${source.version.title}»` : "Nuovo articolo"}</h1>
      <NewArticleForm
        options={listTaxonomyOptions()}
        source={
          source
            ? {
                translationGroup: source.article.translationGroup,
                locale: source.article.locale === "it" ? "en" : "it",
                productSlug: source.product.slug,
                categorySlug: source.category.slug,
                visibility: source.article.visibility,
                title: source.version.title,
                summary: source.version.summary,
                body: source.version.body,
              }
            : null
        }
      />
    </>
  );
}
