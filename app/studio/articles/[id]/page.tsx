import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleForEdit } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";
import { ANSWER_CHANNELS, CHANNELS } from "@/lib/channels";
import { ArticleEditForm } from "./article-edit-form";

export const metadata: Metadata = { title: "Modifica articolo" };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  await requirePageRole("editor", "/studio");
  const id = Number((await params).id);
  const bundle = Number.isInteger(id) && id > 0 ? getArticleForEdit(id) : null;
  if (!bundle) notFound();
  const { article, version, answers } = bundle;
  const byChannel = new Map(answers.map((a) => [a.channel, a]));
  return (
    <>
      <p>
        <Link href="/studio">← Articoli</Link>
      </p>
      <h1>{version.title}</h1>
      <p className="result-meta">
        <span>v{version.number}</span>·<span>{article.locale.toUpperCase()}</span>·
        <span>{article.visibility === "public" ? "Pubblico" : "Solo interno"}</span>·
        <span>/{article.slug}</span>
        {article.publishedVersionId ? (
          <Link href={article.visibility === "public" ? `/a/${article.slug}` : `/agent/a/${article.slug}`}>
            vedi pubblicato
          </Link>
        ) : null}
      </p>
      <ArticleEditForm
        initial={{
          articleId: article.id,
          baseVersionId: version.id,
          versionNumber: version.number,
          title: version.title,
          summary: version.summary,
          body: version.body,
          answers: ANSWER_CHANNELS.map((channel) => ({
            channel,
            label: CHANNELS[channel].label.it,
            subject: byChannel.get(channel)?.subject ?? "",
            body: byChannel.get(channel)?.body ?? "",
          })),
        }}
      />
    </>
  );
}
