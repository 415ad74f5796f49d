import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SafeHtml } from "@/app/_components/safe-html";
import { getPublishedArticle, presentArticle } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";
import { getFactMap } from "@/lib/facts";
import { AnswerCard } from "./answer-card";
import { FlagButton } from "./flag-button";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Articolo" };

export default async function AgentArticlePage({ params }: Props) {
  const { slug } = await params;
  await requirePageRole("agent", `/agent/a/${encodeURIComponent(slug)}`);
  const bundle = getPublishedArticle(slug, "internal");
  if (!bundle) notFound();
  const article = presentArticle(bundle, "internal", getFactMap());
  return (
    <div className="two-col">
      <article lang={article.locale}>
        <p>
          <Link href="/agent">← Torna alla ricerca</Link>
        </p>
        <p className="result-meta">
          <span>{article.product.name}</span>·<span>{article.category.name}</span>·
          <span>v{article.versionNumber}</span>
          {article.visibility === "internal" ? <span className="badge internal">Solo interno</span> : null}
        </p>
        <h1>{article.title}</h1>
        {article.summary ? <p className="muted">{article.summary}</p> : null}
        {/* Internal blocks are kept and marked for agents. */}
        <SafeHtml className="prose" html={article.html} />
        <FlagButton
          articleId={bundle.article.id}
          versionId={bundle.version.id}
          channels={article.answers.map((a) => a.channel)}
        />
      </article>
      <section aria-labelledby="answers-title">
        <h2 id="answers-title" style={{ fontSize: "1.2rem" }}>
          Risposte per canale
        </h2>
        {article.answers.length === 0 ? <p className="muted">Nessuna risposta per canale.</p> : null}
        <div className="answers">
          {article.answers.map((answer) => (
            <AnswerCard key={answer.channel} answer={answer} />
          ))}
        </div>
      </section>
    </div>
  );
}
