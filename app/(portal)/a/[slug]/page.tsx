import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedArticle, presentArticle } from "@/lib/articles";
import { getFactMap } from "@/lib/facts";
import { SafeHtml } from "../../../_components/safe-html";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// Internal, draft and archived articles are 404 here: the public audience cannot even learn they exist.
function load(slug: string) {
  const bundle = getPublishedArticle(slug, "public");
  return bundle ? presentArticle(bundle, "public", getFactMap()) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = load((await params).slug);
  return article ? { title: article.title, description: article.summary } : {};
}

export default async function PortalArticle({ params }: Props) {
  const article = load((await params).slug);
  if (!article) notFound();
  return (
    <article lang={article.locale}>
      <nav aria-label="Percorso" className="muted">
        <Link href="/">Centro assistenza</Link> › {article.category.name}
      </nav>
      <h1>{article.title}</h1>
      {article.summary ? <p className="muted">{article.summary}</p> : null}
      {/* Internal blocks were already removed for the public audience. */}
      <SafeHtml className="prose" html={article.html} />
      <p className="muted" style={{ marginTop: "2rem", fontSize: "0.9rem" }}>
        Aggiornato il {article.publishedAt.toLocaleDateString("it-IT", { dateStyle: "long" })}
      </p>
    </article>
  );
}
