import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SafeHtml } from "@/app/_components/safe-html";
import { getArticleForEdit, listTranslations } from "@/lib/articles";
import { requirePageRole } from "@/lib/auth";
import { fillTemplate } from "@/lib/channels";
import { factValues, getFactMap } from "@/lib/facts";
import { renderMarkdown } from "@/lib/markdown";

export const metadata: Metadata = { title: "Traduzione affiancata" };

type Props = { params: Promise<{ id: string; otherId: string }> };

/** Source and translation side by side (current versions), to bring the older one up to date. */
export default async function TranslationSideBySide({ params }: Props) {
  await requirePageRole("editor", "/studio");
  const { id, otherId } = await params;
  const left = getArticleForEdit(Number(id));
  const right = getArticleForEdit(Number(otherId));
  if (!left || !right || left.article.translationGroup !== right.article.translationGroup) notFound();
  const facts = getFactMap();
  const link = listTranslations(left.article.id).find((t) => t.id === right.article.id);
  const column = (b: NonNullable<typeof left>) => (
    <article lang={b.article.locale} className="card">
      <p className="result-meta">
        <span>{b.article.locale.toUpperCase()}</span>·<span>v{b.version.number}</span>·
        <span>{b.version.createdAt.toLocaleDateString("it-IT")}</span>
        <Link href={`/studio/articles/${b.article.id}`}>Modifica</Link>
      </p>
      <h2 style={{ marginTop: 0 }}>{b.version.title}</h2>
      <p className="muted">{b.version.summary}</p>
      <SafeHtml
        className="prose"
        html={renderMarkdown(
          fillTemplate(b.version.body, factValues(facts, b.article.locale, "internal")).text,
          {
            audience: "internal",
          },
        )}
      />
    </article>
  );
  return (
    <>
      <p>
        <Link href={`/studio/articles/${left.article.id}`}>← Torna all'articolo</Link>
      </p>
      <h1>Traduzione affiancata</h1>
      {link?.olderThanThis ? (
        <p className="notice">
          La versione {right.article.locale.toUpperCase()} è più vecchia del testo{" "}
          {left.article.locale.toUpperCase()}: aggiornala.
        </p>
      ) : link?.newerThanThis ? (
        <p className="notice">
          Il testo {left.article.locale.toUpperCase()} è più vecchio della versione{" "}
          {right.article.locale.toUpperCase()}.
        </p>
      ) : null}
      <div className="two-col">
        {column(left)}
        {column(right)}
      </div>
    </>
  );
}
